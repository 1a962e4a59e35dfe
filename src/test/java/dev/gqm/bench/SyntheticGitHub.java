package dev.gqm.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

/**
 * A GitHub REST API on 127.0.0.1 serving one synthetic repository at scale, for the collection
 * benchmark. Items are computed from their number on every request, so 30,000 issues and
 * 90,000 comments cost a few arrays, not JSON trees. It honours {@code since}, {@code sort},
 * {@code direction}, {@code state}, {@code per_page} and {@code page}, links the next page back
 * to itself, and counts requests per endpoint. Every 200 answer carries an ETag (length and
 * CRC-32C of the body: cheap at 114 KB a page), and a request whose If-None-Match names it is
 * answered 304 without a body, as GitHub does.
 *
 * <p>Control endpoints (not counted): {@code /__stats} (counts as JSON; {@code ?reset=1} zeroes
 * them after answering) and {@code /__touch?n=N} (the next N items get a new comment and a
 * later {@code updated_at}, as a comment does on GitHub).
 *
 * <p>Shape: item {@code n} is created at {@code T0 + n} hours; its comments follow a minute
 * apart and it was last updated a minute after the last one, so both listings are already in
 * update order until items are touched. Pull requests are spread evenly over the numbers.
 */
public final class SyntheticGitHub implements AutoCloseable {
    private static final long T0 = Instant.parse("2022-01-01T00:00:00Z").toEpochMilli();
    private static final long HOUR = 3_600_000L;
    private static final long MINUTE = 60_000L;
    private static final int USERS = 500;
    private static final long RATE_LIMIT = 1_000_000L;
    private static final String BODY = "Steps to reproduce: run the tool on a repository with many items and "
            .repeat(4);

    /** How big the repository is. */
    public record Shape(int issues, int pulls, int commentsPerItem) {
        public Shape {
            if (issues < 0 || pulls < 0 || commentsPerItem < 0 || commentsPerItem > 50) {
                throw new IllegalArgumentException("bad shape: " + issues + " issues, " + pulls + " pulls, "
                        + commentsPerItem + " comments per item");
            }
        }

        int items() {
            return issues + pulls;
        }
    }

    private final String ownerRepo;
    private final Shape shape;
    private final SyntheticGitHubGraphQl graphQl;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String base;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    // first request and last answer since the counts were reset: the collection's time on the wire
    private final AtomicLong firstNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastNanos = new AtomicLong(Long.MIN_VALUE);

    // mutable state, guarded by this
    private final long[] updated;          // by number - 1
    private int[] byUpdated;               // numbers, oldest update first
    private final int[] pullNumbers;       // ascending
    private final List<long[]> extraComments = new ArrayList<>(); // {issue number, time}
    private final int[] extraCommentCount; // by number - 1
    private long clock;
    private int touchNext = 1;

    public SyntheticGitHub(String ownerRepo, Shape shape, int port) throws IOException {
        this.ownerRepo = ownerRepo;
        this.shape = shape;
        this.graphQl = new SyntheticGitHubGraphQl(this, ownerRepo);
        int n = shape.items();
        updated = new long[n];
        byUpdated = new int[n];
        extraCommentCount = new int[n];
        pullNumbers = new int[shape.pulls()];
        int p = 0;
        for (int number = 1; number <= n; number++) {
            updated[number - 1] = created(number) + (shape.commentsPerItem() + 1) * MINUTE;
            byUpdated[number - 1] = number;
            if (isPull(number)) {
                pullNumbers[p++] = number;
            }
        }
        clock = created(n + 1);
        // The JDK server writes headers and body apart; with Nagle's algorithm the body then waits
        // for the client's delayed ACK, 40 ms a request on Linux, which would swamp the measurement.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url() {
        return base;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Requests per endpoint ("repository", "issues", "comments", "pulls", "reviews", "item_comments"
     * (an item's own comment listing), "graphql", "other"), their "total", how many of them were
     * answered 304 ("not_modified"), the GraphQL rate-limit "points" spent, and "span_ms" from
     * the first request to the last answer.
     */
    public Map<String, Long> stats(boolean reset) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String key : List.of("repository", "issues", "comments", "pulls", "reviews", "item_comments", "graphql",
                "other")) {
            AtomicLong c = counts.get(key);
            out.put(key, c == null ? 0 : reset ? c.getAndSet(0) : c.get());
        }
        out.put("total", out.values().stream().mapToLong(Long::longValue).sum());
        out.put("not_modified", reset ? notModified.getAndSet(0) : notModified.get());
        out.put("points", graphQl.points(reset));
        long first = reset ? firstNanos.getAndSet(Long.MAX_VALUE) : firstNanos.get();
        long last = reset ? lastNanos.getAndSet(Long.MIN_VALUE) : lastNanos.get();
        out.put("span_ms", last < first ? 0 : (last - first) / 1_000_000);
        return out;
    }

    /** The next {@code count} items (wrapping) each get a comment and a later update; returns their numbers. */
    public synchronized int[] touch(int count) {
        int n = shape.items();
        int[] touched = new int[Math.min(count, n)];
        for (int i = 0; i < touched.length; i++) {
            int number = touchNext;
            touchNext = touchNext % n + 1;
            clock += MINUTE;
            extraComments.add(new long[] {number, clock});
            extraCommentCount[number - 1]++;
            updated[number - 1] = clock;
            touched[i] = number;
        }
        // touched items now carry the newest times: move them to the end in touch order
        int[] order = new int[n];
        int k = 0;
        java.util.Set<Integer> moved = Arrays.stream(touched).boxed().collect(Collectors.toSet());
        for (int number : byUpdated) {
            if (!moved.contains(number)) {
                order[k++] = number;
            }
        }
        for (int number : touched) {
            order[k++] = number;
        }
        byUpdated = order;
        return touched;
    }

    // ---- the synthetic repository ----

    boolean isPull(int number) {
        long n = shape.items();
        long p = shape.pulls();
        return number * p / n > (number - 1) * p / n;
    }

    static long created(int number) {
        return T0 + number * HOUR;
    }

    /**
     * 14 % of the items are open, as on a tracker that keeps up with its work; picked by a
     * multiplicative hash of the number, so that open items fall on issues and pull requests alike.
     */
    boolean open(int number) {
        return ((number * 2_654_435_761L) >>> 8) % 100 < 14;
    }

    /** When item {@code number} was closed, or 0 while open: a minute after its last comment. */
    long closedAt(int number) {
        return open(number) ? 0 : created(number) + (shape.commentsPerItem() + 1) * MINUTE;
    }

    /** When pull request {@code number} was merged, or 0: most closed ones were, every fifth was not. */
    long mergedAt(int number) {
        return isPull(number) && !open(number) && number % 5 != 0 ? closedAt(number) : 0;
    }

    /** A draft: an open pull request whose number is a multiple of 11. */
    boolean draft(int number) {
        return isPull(number) && open(number) && number % 11 == 0;
    }

    synchronized long updatedAt(int number) {
        return updated[number - 1];
    }

    /** The item numbers, oldest update first (a snapshot: a touch makes a new array). */
    synchronized int[] numbersByUpdate() {
        return byUpdated;
    }

    int items() {
        return shape.items();
    }

    /** The ids of item {@code number}'s comments, oldest first. */
    synchronized List<Long> commentIds(int number) {
        List<Long> ids = new ArrayList<>();
        long first = (long) (number - 1) * shape.commentsPerItem() + 1;
        for (long id = first; id < first + shape.commentsPerItem(); id++) {
            ids.add(id);
        }
        if (extraCommentCount[number - 1] > 0) {
            for (int i = 0; i < extraComments.size(); i++) {
                if (extraComments.get(i)[0] == number) {
                    ids.add(baseComments() + i + 1);
                }
            }
        }
        return ids;
    }

    synchronized long commentAt(long id) {
        return commentTime(id);
    }

    /** A comment's author: every tenth a bot. */
    static boolean commentByBot(long id) {
        return id % 10 == 0;
    }

    static String commentLogin(int issue, long id) {
        return commentByBot(id) ? "dependabot" : login(issue + (int) id);
    }

    /** Pull request {@code number}'s reviews: 1 or 2. */
    static int reviewCount(int number) {
        return 1 + number % 2;
    }

    static long reviewAt(int number, int i) {
        return created(number) + (30 + i) * MINUTE;
    }

    static String reviewLogin(int number, int i) {
        return login(number + 7 * (i + 1));
    }

    private long baseComments() {
        return (long) shape.items() * shape.commentsPerItem();
    }

    private long totalComments() {
        return baseComments() + extraComments.size();
    }

    private int commentIssue(long id) {
        return id <= baseComments() ? (int) ((id - 1) / shape.commentsPerItem() + 1)
                : (int) extraComments.get((int) (id - baseComments() - 1))[0];
    }

    private long commentTime(long id) {
        return id <= baseComments() ? created(commentIssue(id)) + ((id - 1) % shape.commentsPerItem() + 1) * MINUTE
                : extraComments.get((int) (id - baseComments() - 1))[1];
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
            if (path.equals("/__stats")) {
                send(exchange, 200, json(stats(params.containsKey("reset"))));
                return;
            }
            if (path.equals("/__touch")) {
                int[] touched = touch(Integer.parseInt(params.getOrDefault("n", "5")));
                send(exchange, 200, "{\"touched\":" + Arrays.toString(touched) + "}");
                return;
            }
            String repo = "/repos/" + ownerRepo;
            String endpoint;
            if (path.equals(repo)) {
                endpoint = "repository";
            } else if (path.equals(repo + "/issues")) {
                endpoint = "issues";
            } else if (path.equals(repo + "/issues/comments")) {
                endpoint = "comments";
            } else if (path.equals(repo + "/pulls")) {
                endpoint = "pulls";
            } else if (path.startsWith(repo + "/pulls/") && path.endsWith("/reviews")) {
                endpoint = "reviews";
            } else if (path.startsWith(repo + "/issues/") && path.endsWith("/comments")) {
                endpoint = "item_comments";
            } else if (path.equals("/graphql") && exchange.getRequestMethod().equals("POST")) {
                endpoint = "graphql";
            } else {
                endpoint = "other";
                // a request the benchmark does not expect: name it, so the waste can be found
                System.out.println("unexpected request: " + exchange.getRequestMethod() + " " + path);
            }
            counts.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
            served.incrementAndGet();
            firstNanos.accumulateAndGet(System.nanoTime(), Math::min);
            try {
                switch (endpoint) {
                    case "repository" -> send(exchange, 200, repository());
                    case "issues" -> issues(exchange, path, params);
                    case "comments" -> comments(exchange, path, params);
                    case "pulls" -> pulls(exchange, path, params);
                    case "reviews" -> reviews(exchange, path, params,
                            path.substring((repo + "/pulls/").length(), path.length() - "/reviews".length()));
                    case "item_comments" -> itemComments(exchange, path, params,
                            path.substring((repo + "/issues/").length(), path.length() - "/comments".length()));
                    case "graphql" -> send(exchange, 200, graphQl.answer(exchange.getRequestBody().readAllBytes()));
                    default -> send(exchange, 404, "{\"message\":\"Not Found\"}");
                }
            } catch (IllegalArgumentException e) {
                send(exchange, 422, "{\"message\":\"Validation Failed: " + e.getMessage().replace('"', '\'') + "\"}");
            }
            lastNanos.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    private String repository() {
        String[] parts = ownerRepo.split("/");
        return "{\"id\":1,\"node_id\":\"R_1\",\"name\":\"" + parts[1] + "\",\"full_name\":\"" + ownerRepo
                + "\",\"private\":false,\"owner\":" + user(parts[0], "Organization")
                + ",\"html_url\":\"" + base + "/" + ownerRepo + "\",\"url\":\"" + base + "/repos/" + ownerRepo
                + "\",\"has_issues\":true,\"open_issues_count\":"
                + java.util.stream.IntStream.rangeClosed(1, shape.items()).filter(this::open).count() + "}";
    }

    private void issues(HttpExchange exchange, String path, Map<String, String> params) throws IOException {
        int[] numbers = selectItems(params, false);
        send(exchange, path, params, numbers.length, (from, to, out) -> {
            for (int i = from; i < to; i++) {
                out.append(i == from ? "" : ",");
                item(out, numbers[i], false);
            }
        });
    }

    private void pulls(HttpExchange exchange, String path, Map<String, String> params) throws IOException {
        if (params.containsKey("since")) {
            throw new IllegalArgumentException("since is not a parameter of the pull request listing");
        }
        int[] numbers = selectItems(params, true);
        send(exchange, path, params, numbers.length, (from, to, out) -> {
            for (int i = from; i < to; i++) {
                out.append(i == from ? "" : ",");
                item(out, numbers[i], true);
            }
        });
    }

    // issues and pull requests in the asked order; the issue listing includes pull requests, as GitHub's does
    private synchronized int[] selectItems(Map<String, String> params, boolean pullsOnly) {
        String sort = params.getOrDefault("sort", "created");
        String state = params.getOrDefault("state", "open");
        boolean ascending = params.getOrDefault("direction",
                pullsOnly && !sort.equals("created") ? "asc" : "desc").equals("asc");
        long since = params.containsKey("since") ? Instant.parse(params.get("since")).toEpochMilli() : Long.MIN_VALUE;
        int[] order;
        if (sort.equals("updated")) {
            order = byUpdated;
        } else if (sort.equals("created")) {
            order = new int[shape.items()];
            Arrays.setAll(order, i -> i + 1);
        } else {
            throw new IllegalArgumentException("unsupported sort " + sort);
        }
        int[] out = new int[order.length];
        int k = 0;
        for (int i = 0; i < order.length; i++) {
            int number = order[ascending ? i : order.length - 1 - i];
            boolean isOpen = open(number);
            if ((pullsOnly && !isPull(number)) || updated[number - 1] < since
                    || (state.equals("open") && !isOpen) || (state.equals("closed") && isOpen)) {
                continue;
            }
            out[k++] = number;
        }
        return Arrays.copyOf(out, k);
    }

    private void item(StringBuilder out, int number, boolean asPull) {
        boolean pull = isPull(number);
        long created = created(number);
        long closed = closedAt(number);
        long merged = mergedAt(number);
        long updatedAt;
        int comments;
        synchronized (this) {
            updatedAt = updated[number - 1];
            comments = shape.commentsPerItem() + extraCommentCount[number - 1];
        }
        String apiItem = base + "/repos/" + ownerRepo + (asPull ? "/pulls/" : "/issues/") + number;
        String html = base + "/" + ownerRepo + (pull ? "/pull/" : "/issues/") + number;
        out.append("{\"url\":\"").append(apiItem).append("\",\"repository_url\":\"").append(base).append("/repos/")
                .append(ownerRepo).append("\",\"html_url\":\"").append(html)
                .append("\",\"comments_url\":\"").append(apiItem).append("/comments\",\"id\":")
                .append(asPull ? 2_000_000_000L + number : 1_000_000_000L + number)
                .append(",\"node_id\":\"I_").append(number).append("\",\"number\":").append(number)
                .append(",\"title\":\"Item ").append(number).append(": something to look at\",\"user\":")
                .append(user(login(number), "User")).append(",\"labels\":[");
        if (number % 3 == 1) {
            out.append("{\"id\":1,\"name\":\"bug\",\"color\":\"d73a4a\",\"default\":true}");
        }
        out.append("],\"state\":\"").append(closed == 0 ? "open" : "closed").append("\",\"locked\":false")
                .append(",\"assignee\":null,\"assignees\":[],\"milestone\":null,\"comments\":").append(comments)
                .append(",\"created_at\":\"").append(time(created)).append("\",\"updated_at\":\"")
                .append(time(updatedAt)).append("\",\"closed_at\":").append(closed == 0 ? "null" : quoted(closed))
                .append(",\"author_association\":\"").append(number % 5 == 0 ? "MEMBER" : "CONTRIBUTOR")
                .append("\",\"body\":\"").append(BODY).append("\"");
        if (asPull) {
            out.append(",\"draft\":").append(draft(number))
                    .append(",\"merged_at\":").append(merged == 0 ? "null" : quoted(merged))
                    .append(",\"head\":{\"ref\":\"topic-").append(number).append("\",\"sha\":\"")
                    .append(String.format("%040x", number)).append("\"},\"base\":{\"ref\":\"main\"}");
        } else if (pull) {
            out.append(",\"pull_request\":{\"url\":\"").append(base).append("/repos/").append(ownerRepo)
                    .append("/pulls/").append(number).append("\",\"html_url\":\"").append(html)
                    .append("\",\"merged_at\":").append(merged == 0 ? "null" : quoted(merged)).append("}");
        }
        out.append("}");
    }

    private void comments(HttpExchange exchange, String path, Map<String, String> params) throws IOException {
        long since = params.containsKey("since") ? Instant.parse(params.get("since")).toEpochMilli() : Long.MIN_VALUE;
        boolean ascending = !params.getOrDefault("direction", "asc").equals("desc");
        // comment ids are in creation and update order (comments are never edited here)
        long first;
        long total;
        synchronized (this) {
            total = totalComments();
            long lo = 1;
            long hi = total + 1;
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (commentTime(mid) < since) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            first = lo;
        }
        long count = total - first + 1;
        long firstId = first;
        send(exchange, path, params, (int) count, (from, to, out) -> {
            for (int i = from; i < to; i++) {
                long id = ascending ? firstId + i : total - i;
                int issue;
                long at;
                synchronized (this) {
                    issue = commentIssue(id);
                    at = commentTime(id);
                }
                out.append(i == from ? "" : ",");
                comment(out, id, issue, at);
            }
        });
    }

    private void comment(StringBuilder out, long id, int issue, long at) {
        out.append("{\"url\":\"").append(base).append("/repos/")
                .append(ownerRepo).append("/issues/comments/").append(id)
                .append("\",\"html_url\":\"").append(base).append("/").append(ownerRepo).append("/issues/")
                .append(issue).append("#issuecomment-").append(id).append("\",\"issue_url\":\"")
                .append(base).append("/repos/").append(ownerRepo).append("/issues/").append(issue)
                .append("\",\"id\":").append(id).append(",\"node_id\":\"IC_").append(id)
                .append("\",\"user\":")
                .append(commentByBot(id) ? user(commentLogin(issue, id) + "[bot]", "Bot")
                        : user(commentLogin(issue, id), "User"))
                .append(",\"created_at\":\"").append(time(at)).append("\",\"updated_at\":\"")
                .append(time(at)).append("\",\"author_association\":\"CONTRIBUTOR\",\"body\":\"")
                .append(BODY, 0, 120).append("\"}");
    }

    /** The number of an item of the repository written in a path, or 0. */
    private int itemNumber(String text) {
        try {
            int number = Integer.parseInt(text);
            return number >= 1 && number <= shape.items() ? number : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code /issues/N/comments}: one item's comments, oldest first. */
    private void itemComments(HttpExchange exchange, String path, Map<String, String> params, String numberText)
            throws IOException {
        int number = itemNumber(numberText);
        if (number == 0) {
            send(exchange, 404, "{\"message\":\"Not Found\"}");
            return;
        }
        List<Long> ids = commentIds(number);
        send(exchange, path, params, ids.size(), (from, to, out) -> {
            for (int i = from; i < to; i++) {
                out.append(i == from ? "" : ",");
                comment(out, ids.get(i), number, commentAt(ids.get(i)));
            }
        });
    }

    private void reviews(HttpExchange exchange, String path, Map<String, String> params, String numberText)
            throws IOException {
        int number = itemNumber(numberText);
        if (number == 0 || !isPull(number)) {
            send(exchange, 404, "{\"message\":\"Not Found\"}");
            return;
        }
        int count = reviewCount(number);
        send(exchange, path, params, count, (from, to, out) -> {
            for (int i = from; i < to; i++) {
                long id = number * 10L + i;
                out.append(i == from ? "" : ",").append("{\"id\":").append(id).append(",\"node_id\":\"PRR_")
                        .append(id).append("\",\"user\":").append(user(reviewLogin(number, i), "User"))
                        .append(",\"body\":\"\",\"state\":\"").append(i == 0 ? "COMMENTED" : "APPROVED")
                        .append("\",\"html_url\":\"").append(base).append("/").append(ownerRepo).append("/pull/")
                        .append(number).append("#pullrequestreview-").append(id)
                        .append("\",\"author_association\":\"MEMBER\",\"submitted_at\":\"")
                        .append(time(reviewAt(number, i))).append("\",\"commit_id\":\"")
                        .append(String.format("%040x", number)).append("\"}");
            }
        });
    }

    private interface Slice {
        void write(int from, int to, StringBuilder out);
    }

    // one page of a listing of `total` elements, with GitHub's Link header
    private void send(HttpExchange exchange, String path, Map<String, String> params, int total, Slice slice)
            throws IOException {
        int per = Math.max(1, Math.min(100, Integer.parseInt(params.getOrDefault("per_page", "30"))));
        int page = Integer.parseInt(params.getOrDefault("page", "1"));
        if (page < 1) {
            throw new IllegalArgumentException("page must be positive");
        }
        int from = (int) Math.min(total, (long) (page - 1) * per);
        int to = Math.min(total, from + per);
        StringBuilder out = new StringBuilder((to - from) * 2500 + 2).append('[');
        slice.write(from, to, out);
        out.append(']');
        int last = Math.max(1, (total + per - 1) / per);
        if (page < last) {
            exchange.getResponseHeaders().add("Link", "<" + link(path, params, page + 1) + ">; rel=\"next\", <"
                    + link(path, params, last) + ">; rel=\"last\"");
        }
        send(exchange, 200, out.toString());
    }

    private String link(String path, Map<String, String> params, int page) {
        Map<String, String> next = new LinkedHashMap<>(params);
        next.put("page", String.valueOf(page));
        return base + path + "?" + next.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (status == 200) {
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            String etag = "W/\"" + bytes.length + "-" + Long.toHexString(crc.getValue()) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                status = 304;
                bytes = new byte[0];
            }
        }
        String encodings = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (encodings != null && encodings.contains("gzip") && bytes.length > 0) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(bytes);
            }
            bytes = zipped.toByteArray();
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        long used = served.get();
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().add("X-RateLimit-Limit", String.valueOf(RATE_LIMIT));
        exchange.getResponseHeaders().add("X-RateLimit-Remaining", String.valueOf(Math.max(0, RATE_LIMIT - used)));
        exchange.getResponseHeaders().add("X-RateLimit-Used", String.valueOf(used));
        exchange.getResponseHeaders().add("X-RateLimit-Reset", "4102444800");
        exchange.getResponseHeaders().add("X-RateLimit-Resource", "core");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String user(String login, String type) {
        return "{\"login\":\"" + login + "\",\"id\":" + Math.abs(login.hashCode()) + ",\"node_id\":\"U_" + login
                + "\",\"avatar_url\":\"" + base + "/avatars/" + login + "\",\"url\":\"" + base + "/users/" + login
                + "\",\"html_url\":\"" + base + "/" + login + "\",\"type\":\"" + type + "\",\"site_admin\":false}";
    }

    static String login(int seed) {
        return "user" + Math.floorMod(seed * 31, USERS);
    }

    static String time(long epochMilli) {
        return Instant.ofEpochMilli(epochMilli).toString();
    }

    private static String quoted(long epochMilli) {
        return "\"" + time(epochMilli) + "\"";
    }

    private static String json(Map<String, Long> values) {
        return values.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    /**
     * {@code [--repo o/r] [--issues N] [--pulls N] [--comments N] [--port N] [--port-file PATH]}:
     * serves until killed; the port is written to the port file once the server listens.
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--repo", "o/r", "--issues", "20000",
                "--pulls", "10000", "--comments", "3", "--port", "0"));
        for (int i = 0; i < args.length; i += 2) {
            if (!options.containsKey(args[i]) && !args[i].equals("--port-file") || i + 1 >= args.length) {
                System.err.println("usage: SyntheticGitHub [--repo o/r] [--issues N] [--pulls N] [--comments N]"
                        + " [--port N] [--port-file PATH]");
                System.exit(2);
            }
            options.put(args[i], args[i + 1]);
        }
        Shape shape = new Shape(Integer.parseInt(options.get("--issues")), Integer.parseInt(options.get("--pulls")),
                Integer.parseInt(options.get("--comments")));
        SyntheticGitHub github = new SyntheticGitHub(options.get("--repo"), shape,
                Integer.parseInt(options.get("--port")));
        PrintStream out = System.out;
        out.println("synthetic GitHub for " + options.get("--repo") + " at " + github.url() + ": "
                + shape.issues() + " issues, " + shape.pulls() + " pull requests, "
                + shape.commentsPerItem() + " comments each");
        String portFile = options.get("--port-file");
        if (portFile != null) {
            Path target = Path.of(portFile);
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(tmp, github.url().substring(github.url().lastIndexOf(':') + 1) + "\n");
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package dev.gqm.collect.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gqm.collect.http.ScriptedAnswers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny GitHub REST API on 127.0.0.1 for tests: one repository whose issues, comments, pulls
 * and reviews the test sets, served with {@code since}, {@code state} (open, closed, all; GitHub's
 * default is open), sorting, paging by {@code Link} and rate-limit headers. An issue's
 * {@code comments} count and a pull's {@code state} are worked out when served, from the
 * comments and the issue of its number that the test added; an item's own comments are served
 * at {@code /issues/N/comments}; scripted faults are answered first for their path. Every 200 answer carries
 * an ETag (a hash of its body), and a request whose If-None-Match names it is answered 304.
 */
public final class FakeGitHub implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    public final List<ObjectNode> issues = new ArrayList<>();
    public final List<ObjectNode> comments = new ArrayList<>();
    public final List<ObjectNode> pulls = new ArrayList<>();
    public final Map<Integer, List<ObjectNode>> reviews = new TreeMap<>();
    /** Each request as "path?query", and the Authorization header it carried ("" when none). */
    public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    public final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    /** Each request's If-None-Match header ("" when none) and the status it was answered with. */
    public final List<String> conditions = Collections.synchronizedList(new ArrayList<>());
    public final List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    public volatile int pageSize = 100;
    /** How long every answer waits, to catch a run half-way (0: none). */
    public volatile int delayMillis;

    private final ScriptedAnswers script = new ScriptedAnswers();
    private final String ownerRepo;
    private final HttpServer server;

    public FakeGitHub(String ownerRepo) throws IOException {
        this.ownerRepo = ownerRepo;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request to {@code path} gets this answer instead of the data. */
    public synchronized void fail(String path, int status, Map<String, String> headers, String body) {
        script.add(new ScriptedAnswers.Answer(path, status, headers, body));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(path + (query == null ? "" : "?" + query));
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditions.add(condition == null ? "" : condition);
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (script.answered(exchange, path, this::send)) {
                return;
            }
            Map<String, String> params = ScriptedAnswers.params(query);
            String repo = "/repos/" + ownerRepo;
            if (path.equals(repo)) {
                ObjectNode r = JSON.createObjectNode();
                r.put("id", 1).put("name", ownerRepo.split("/")[1]).put("full_name", ownerRepo)
                        .put("html_url", "https://github.com/" + ownerRepo);
                r.putObject("owner").put("login", ownerRepo.split("/")[0]).put("type", "User");
                send(exchange, 200, r.toString());
            } else if (path.equals(repo + "/issues")) {
                listing(exchange, params, inState(since(withCommentCounts(), params), params), true);
            } else if (path.equals(repo + "/issues/comments")) {
                listing(exchange, params, since(comments, params), true);
            } else if (path.matches(java.util.regex.Pattern.quote(repo) + "/issues/[0-9]+/comments")) {
                String number = path.substring((repo + "/issues/").length(), path.length() - "/comments".length());
                listing(exchange, params, comments.stream()
                        .filter(c -> c.get("issue_url").asText().endsWith("/issues/" + number)).toList(), null);
            } else if (path.equals(repo + "/pulls")) {
                listing(exchange, params, inState(pullsWithState(), params), false);
            } else if (path.startsWith(repo + "/pulls/") && path.endsWith("/reviews")) {
                int number = Integer.parseInt(path.substring((repo + "/pulls/").length(), path.length() - 8));
                listing(exchange, params, reviews.getOrDefault(number, List.of()), null);
            } else {
                send(exchange, 404, "{\"message\":\"Not Found\"}");
            }
        }
    }

    /** The issues, each with the number of comments added on it, as GitHub's {@code comments} field says. */
    private List<ObjectNode> withCommentCounts() {
        Map<String, Long> counts = comments.stream()
                .collect(Collectors.groupingBy(c -> c.get("issue_url").asText(), Collectors.counting()));
        return issues.stream().map(i -> {
            ObjectNode copy = i.deepCopy();
            copy.put("comments", counts.getOrDefault(url() + "/repos/" + ownerRepo + "/issues/"
                    + i.get("number").asInt(), 0L));
            return copy;
        }).toList();
    }

    /** The pulls, each in the state of the issue of its number (else closed when merged, open otherwise). */
    private List<ObjectNode> pullsWithState() {
        Map<Integer, String> states = new java.util.HashMap<>();
        issues.forEach(i -> states.put(i.get("number").asInt(), i.get("state").asText()));
        return pulls.stream().map(p -> {
            ObjectNode copy = p.deepCopy();
            copy.put("state", states.getOrDefault(p.get("number").asInt(),
                    p.hasNonNull("merged_at") ? "closed" : "open"));
            return copy;
        }).toList();
    }

    private static List<ObjectNode> inState(List<ObjectNode> items, Map<String, String> params) {
        String state = params.getOrDefault("state", "open");
        return state.equals("all") ? items
                : items.stream().filter(i -> i.get("state").asText().equals(state)).collect(Collectors.toList());
    }

    private static List<ObjectNode> since(List<ObjectNode> items, Map<String, String> params) {
        if (!params.containsKey("since")) {
            return items;
        }
        Instant since = Instant.parse(params.get("since"));
        return items.stream().filter(i -> !Instant.parse(i.get("updated_at").asText()).isBefore(since))
                .collect(Collectors.toList());
    }

    // ascending: true = oldest updated first, false = newest first, null = as given
    private void listing(HttpExchange exchange, Map<String, String> params, List<ObjectNode> items, Boolean ascending)
            throws IOException {
        List<ObjectNode> sorted = new ArrayList<>(items);
        if (ascending != null) {
            Comparator<ObjectNode> byUpdated = Comparator.comparing(i -> Instant.parse(i.get("updated_at").asText()));
            sorted.sort(ascending ? byUpdated : byUpdated.reversed());
        }
        int per = Math.min(pageSize, Integer.parseInt(params.getOrDefault("per_page", "30")));
        int page = Integer.parseInt(params.getOrDefault("page", "1"));
        int from = Math.min(sorted.size(), (page - 1) * per);
        int to = Math.min(sorted.size(), from + per);
        ArrayNode body = JSON.createArrayNode();
        sorted.subList(from, to).forEach(body::add);
        if (to < sorted.size()) {
            // as GitHub: the next page and, while there is one, the last
            int last = (sorted.size() + per - 1) / per;
            exchange.getResponseHeaders().add("Link", "<" + pageLink(exchange, params, page + 1) + ">; rel=\"next\", <"
                    + pageLink(exchange, params, last) + ">; rel=\"last\"");
        }
        send(exchange, 200, body.toString());
    }

    private String pageLink(HttpExchange exchange, Map<String, String> params, int page) {
        Map<String, String> query = new LinkedHashMap<>(params);
        query.put("page", String.valueOf(page));
        return url() + exchange.getRequestURI().getPath() + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    /** The ETag this server gives a 200 answer with {@code body}: weak, as GitHub's are. */
    public static String etag(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // gzip when asked, as GitHub does (the hub4j client asks for it)
    private void send(HttpExchange exchange, int status, String body) throws IOException {
        if (status == 200) {
            String etag = etag(body);
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                status = 304;
                body = "";
            }
        }
        statuses.add(status);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String encodings = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (encodings != null && encodings.contains("gzip") && bytes.length > 0) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(bytes);
            }
            bytes = zipped.toByteArray();
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().putIfAbsent("X-RateLimit-Limit", List.of("5000"));
        exchange.getResponseHeaders().putIfAbsent("X-RateLimit-Remaining", List.of("4999"));
        exchange.getResponseHeaders().putIfAbsent("X-RateLimit-Reset", List.of("1893456000"));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    // ---- payload builders, shaped like GitHub's ----

    public static ObjectNode user(String login, String type) {
        ObjectNode u = JSON.createObjectNode();
        u.put("login", login).put("type", type).put("url", "https://api.github.com/users/" + login);
        return u;
    }

    public ObjectNode addIssue(long id, int number, String login, String type, String association,
                               String created, String updated, String closed, boolean pull, String... labels) {
        ObjectNode i = JSON.createObjectNode();
        i.put("id", id).put("number", number).put("title", "item " + number)
                .put("html_url", "https://github.com/" + ownerRepo + (pull ? "/pull/" : "/issues/") + number)
                .put("author_association", association).put("created_at", created).put("updated_at", updated)
                .put("state", closed == null ? "open" : "closed");
        i.set("user", user(login, type));
        if (closed == null) {
            i.putNull("closed_at");
        } else {
            i.put("closed_at", closed);
        }
        ArrayNode ls = i.putArray("labels");
        for (String l : labels) {
            ls.addObject().put("name", l);
        }
        if (pull) {
            i.putObject("pull_request").put("url", url() + "/repos/" + ownerRepo + "/pulls/" + number);
        }
        issues.add(i);
        return i;
    }

    public ObjectNode addPull(long id, int number, String login, String created, String updated, String merged,
                              boolean draft) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", id).put("number", number).put("title", "item " + number)
                .put("created_at", created).put("updated_at", updated).put("draft", draft)
                .put("html_url", "https://github.com/" + ownerRepo + "/pull/" + number);
        p.set("user", user(login, "User"));
        if (merged == null) {
            p.putNull("merged_at");
        } else {
            p.put("merged_at", merged);
        }
        p.putArray("labels");
        pulls.add(p);
        return p;
    }

    public ObjectNode addComment(long id, int issue, String login, String type, String created, String updated) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id).put("issue_url", url() + "/repos/" + ownerRepo + "/issues/" + issue)
                .put("created_at", created).put("updated_at", updated).put("body", "text");
        c.set("user", user(login, type));
        comments.add(c);
        return c;
    }

    public ObjectNode addReview(long id, int pull, String login, String type, String submitted, String state) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", id).put("state", state);
        r.set("user", user(login, type));
        if (submitted == null) {
            r.putNull("submitted_at");
        } else {
            r.put("submitted_at", submitted);
        }
        reviews.computeIfAbsent(pull, n -> new ArrayList<>()).add(r);
        return r;
    }
}

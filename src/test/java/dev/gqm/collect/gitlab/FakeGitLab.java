package dev.gqm.collect.gitlab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gqm.collect.http.ScriptedAnswers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny GitLab REST v4 on 127.0.0.1 for tests: one project (addressed by its URL-encoded full
 * path) whose issues, merge requests, discussions and resource state events the test sets,
 * served with {@code updated_after}, ordering by update and paging by {@code Link} (or by
 * {@code X-Next-Page} alone); scripted answers are given first for their path.
 */
public final class FakeGitLab implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    public final List<ObjectNode> issues = new ArrayList<>();
    public final List<ObjectNode> mergeRequests = new ArrayList<>();
    /** "issues/5" or "merge_requests/5" → its discussions, and its resource state events. */
    public final Map<String, List<ObjectNode>> discussions = new HashMap<>();
    public final Map<String, List<ObjectNode>> stateEvents = new HashMap<>();
    /** Each request as its raw "path?query", and the PRIVATE-TOKEN header it carried ("" when none). */
    public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    public final List<String> tokens = Collections.synchronizedList(new ArrayList<>());
    public volatile int pageSize = 100;
    /** Page by X-Next-Page only, with no Link header. */
    public volatile boolean nextPageHeaderOnly;
    /** Where Link headers point (another server, to test the same-host rule); null for this one. */
    public volatile String linkBase;

    private final ScriptedAnswers script = new ScriptedAnswers();
    private final String projectPath;
    private final HttpServer server;
    private long nextId = 1000;

    static {
        // The JDK server writes headers and body apart; with Nagle's algorithm the body then waits
        // for the client's delayed ACK, 40 ms a request on Linux (read when the first server starts).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public FakeGitLab(String projectPath) throws IOException {
        this.projectPath = projectPath;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The API's path prefix of the project, with its full path URL-encoded as GitLab wants it. */
    public String projectApi() {
        return "/api/v4/projects/" + URLEncoder.encode(projectPath, StandardCharsets.UTF_8);
    }

    /** The next request to {@code path} (raw, under the project's API prefix when relative) gets this answer. */
    public synchronized void fail(String path, int status, Map<String, String> headers, String body) {
        script.add(new ScriptedAnswers.Answer(path.startsWith("/") ? path : projectApi() + "/" + path, status, headers, body));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static ObjectNode user(String username, boolean bot) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", Math.abs(username.hashCode())).put("username", username).put("name", username)
                .put("state", "active");
        if (bot) {
            u.put("bot", true);
        }
        return u;
    }

    /** An issue or merge request; {@code updated} defaults to the latest of the given times. */
    public synchronized ObjectNode addItem(boolean mergeRequest, int iid, String author, boolean bot, String created,
                                           String updated, String closed, String merged) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", (mergeRequest ? 900_000 : 100_000) + iid).put("iid", iid).put("project_id", 123)
                .put("title", (mergeRequest ? "Merge request " : "Issue ") + iid)
                .put("state", merged != null ? "merged" : closed != null ? "closed" : "opened")
                .put("created_at", created).put("updated_at", updated).put("closed_at", closed)
                .put("web_url", "https://gitlab.example/" + projectPath + "/-/" + (mergeRequest ? "merge_requests/" : "issues/")
                        + iid);
        n.set("author", user(author, bot));
        n.putArray("labels");
        if (mergeRequest) {
            n.put("merged_at", merged).put("draft", false).put("work_in_progress", false);
            mergeRequests.add(n);
        } else {
            issues.add(n);
        }
        return n;
    }

    /** A note in a discussion of its own; {@code type} is null or "DiffNote". */
    public synchronized ObjectNode addNote(String item, String author, boolean bot, String at, boolean system,
                                           String type, String body) {
        ObjectNode discussion = JSON.createObjectNode();
        discussion.put("id", Long.toHexString(nextId)).put("individual_note", type == null);
        ObjectNode note = discussion.putArray("notes").addObject();
        note.put("id", nextId++).put("type", type).put("body", body).put("created_at", at).put("updated_at", at)
                .put("system", system);
        note.set("author", user(author, bot));
        discussions.computeIfAbsent(item, k -> new ArrayList<>()).add(discussion);
        return note;
    }

    public synchronized void addStateEvent(String item, String user, String at, String state) {
        ObjectNode e = JSON.createObjectNode();
        e.put("id", nextId++).put("created_at", at).put("state", state)
                .put("resource_type", item.startsWith("issues") ? "Issue" : "MergeRequest");
        e.set("user", user(user, false));
        stateEvents.computeIfAbsent(item, k -> new ArrayList<>()).add(e);
    }

    /** Requests whose raw path ends with {@code suffix}. */
    public long count(String suffix) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.split("\\?")[0].endsWith(suffix)).count();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(path + (query == null ? "" : "?" + query));
            String token = exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN");
            tokens.add(token == null ? "" : token);
            if (script.answered(exchange, path, FakeGitLab::send)) {
                return;
            }
            Map<String, String> params = ScriptedAnswers.params(query);
            String prefix = projectApi() + "/";
            if (!path.startsWith(prefix)) {
                send(exchange, 404, "{\"message\":\"404 Project Not Found\"}");
                return;
            }
            String rest = path.substring(prefix.length());
            String[] parts = rest.split("/");
            if (parts.length == 1 && (rest.equals("issues") || rest.equals("merge_requests"))) {
                listing(exchange, path, params, updatedAfter(rest.equals("issues") ? issues : mergeRequests, params));
            } else if (parts.length == 3 && parts[2].equals("discussions")) {
                listing(exchange, path, params, discussions.getOrDefault(parts[0] + "/" + parts[1], List.of()));
            } else if (parts.length == 3 && parts[2].equals("resource_state_events")) {
                listing(exchange, path, params, stateEvents.getOrDefault(parts[0] + "/" + parts[1], List.of()));
            } else {
                send(exchange, 404, "{\"message\":\"404 Not found\"}");
            }
        }
    }

    private synchronized List<ObjectNode> updatedAfter(List<ObjectNode> items, Map<String, String> params) {
        String after = params.get("updated_after");
        List<ObjectNode> chosen = new ArrayList<>();
        for (ObjectNode n : items) {
            // GitLab: updated on or after the given time
            if (after == null || !Instant.parse(n.get("updated_at").asText()).isBefore(Instant.parse(after))) {
                chosen.add(n);
            }
        }
        chosen.sort(Comparator.comparing((ObjectNode n) -> n.get("updated_at").asText())
                .thenComparing(n -> n.get("id").asLong()));
        return chosen;
    }

    private void listing(HttpExchange exchange, String path, Map<String, String> params, List<ObjectNode> all)
            throws IOException {
        int perPage = Math.min(pageSize, Integer.parseInt(params.getOrDefault("per_page", "20")));
        int page = Integer.parseInt(params.getOrDefault("page", "1"));
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        ArrayNode body = JSON.createArrayNode();
        all.subList(from, to).forEach(body::add);
        boolean more = to < all.size();
        exchange.getResponseHeaders().add("X-Next-Page", more ? String.valueOf(page + 1) : "");
        exchange.getResponseHeaders().add("X-Total", String.valueOf(all.size()));
        if (more && !nextPageHeaderOnly) {
            Map<String, String> next = new LinkedHashMap<>(params);
            next.put("page", String.valueOf(page + 1));
            StringBuilder q = new StringBuilder();
            next.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            String base = linkBase == null ? url() : linkBase;
            exchange.getResponseHeaders().add("Link", "<" + base + path + "?" + q + ">; rel=\"next\"");
        }
        send(exchange, 200, body.toString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}

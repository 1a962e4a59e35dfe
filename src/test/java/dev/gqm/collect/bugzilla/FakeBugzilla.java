package dev.gqm.collect.bugzilla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small Bugzilla 5 REST API on 127.0.0.1 for tests: the instance's statuses, its products,
 * bugs with their comments and status histories, searched by product, component and
 * {@code last_change_time} (at or after), ordered by id and paged with {@code limit}/{@code offset}
 * as the server does. Scripted answers (faults, limits) are served first for their path; raw
 * bodies may replace a path's answer (recorded payloads).
 */
public final class FakeBugzilla implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Bugs by id: each as the search returns it. */
    public final Map<Integer, ObjectNode> bugs = new TreeMap<>();
    public final Map<Integer, List<ObjectNode>> comments = new TreeMap<>();
    public final Map<Integer, List<ObjectNode>> history = new TreeMap<>();
    public final Map<String, Boolean> statuses = new LinkedHashMap<>(Map.of());
    public final List<String> products = new ArrayList<>();
    /** Raw answers by path (recorded bodies), served with 200. */
    public final Map<String, String> raw = new LinkedHashMap<>();
    public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    /** The X-BUGZILLA-API-KEY header of each request ("" when none). */
    public final List<String> keys = Collections.synchronizedList(new ArrayList<>());
    /** When set, the search ignores offset (a broken server: the same first page for ever). */
    public volatile boolean ignoreOffset;
    /** The most bugs one search answers, whatever its limit (an instance's own maximum); 0: none. */
    public volatile int maxLimit;

    private record Scripted(String path, int status, Map<String, String> headers, String body) {
    }

    private final Deque<Scripted> script = new ArrayDeque<>();
    private final HttpServer server;

    public FakeBugzilla() throws IOException {
        statuses.put("UNCONFIRMED", true);
        statuses.put("CONFIRMED", true);
        statuses.put("ASSIGNED", true);
        statuses.put("REOPENED", true);
        statuses.put("RESOLVED", false);
        statuses.put("VERIFIED", false);
        statuses.put("CLOSED", false);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next request for {@code path} with this, once. */
    public synchronized void script(String path, int status, Map<String, String> headers, String body) {
        script.add(new Scripted(path, status, headers, body));
    }

    /** A bug as a search returns it. */
    public ObjectNode bug(int id, String product, String component, String status, String created, String changed,
                          String creator) {
        ObjectNode bug = JSON.createObjectNode();
        bug.put("id", id);
        bug.put("summary", "bug " + id);
        bug.put("product", product);
        bug.put("component", component);
        bug.put("status", status);
        bug.put("resolution", statuses.getOrDefault(status, true) ? "" : "FIXED");
        bug.put("is_open", statuses.getOrDefault(status, true));
        bug.put("severity", "normal");
        bug.putArray("keywords");
        bug.put("creation_time", created);
        bug.put("last_change_time", changed);
        bug.put("creator", creator);
        bugs.put(id, bug);
        // comment 0, the description, by the reporter at filing time
        comment(id, 0, creator, created);
        return bug;
    }

    public void comment(int bug, int count, String creator, String at) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", bug * 100 + count);
        c.put("bug_id", bug);
        c.put("count", count);
        c.put("creator", creator);
        c.put("creation_time", at);
        c.put("time", at);
        c.put("text", "comment " + count);
        c.put("is_private", false);
        comments.computeIfAbsent(bug, b -> new ArrayList<>()).add(c);
    }

    public void statusChange(int bug, String who, String at, String from, String to) {
        ObjectNode h = JSON.createObjectNode();
        h.put("when", at);
        h.put("who", who);
        ObjectNode change = h.putArray("changes").addObject();
        change.put("field_name", "status");
        change.put("removed", from);
        change.put("added", to);
        history.computeIfAbsent(bug, b -> new ArrayList<>()).add(h);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(path + (query == null ? "" : "?" + query));
        String key = exchange.getRequestHeaders().getFirst("X-BUGZILLA-API-KEY");
        keys.add(key == null ? "" : key);
        Scripted scripted = null;
        synchronized (this) {
            for (Scripted s : script) {
                if (s.path().equals(path)) {
                    scripted = s;
                    break;
                }
            }
            script.remove(scripted);
        }
        if (scripted != null) {
            scripted.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            send(exchange, scripted.status(), scripted.body());
            return;
        }
        Map<String, List<String>> params = params(query);
        if (raw.containsKey(path)) {
            // a recorded search is its first page; later offsets find nothing more
            boolean later = path.equals("/rest/bug") && !params.getOrDefault("offset", List.of("0")).get(0).equals("0");
            send(exchange, 200, later ? "{\"bugs\":[]}" : raw.get(path));
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        if (path.equals("/rest/field/bug/bug_status")) {
            ArrayNode values = body.putArray("fields").addObject().put("name", "bug_status").putArray("values");
            statuses.forEach((name, open) -> values.addObject().put("name", name).put("is_open", open));
        } else if (path.equals("/rest/product")) {
            ArrayNode list = body.putArray("products");
            List<String> names = params.getOrDefault("names", List.of());
            for (String p : products) {
                if (names.isEmpty() || names.contains(p)) {
                    list.addObject().put("name", p);
                }
            }
        } else if (path.equals("/rest/bug")) {
            List<String> products = params.getOrDefault("product", List.of());
            List<String> components = params.getOrDefault("component", List.of());
            Instant since = params.containsKey("last_change_time")
                    ? Instant.parse(params.get("last_change_time").get(0)) : null;
            List<ObjectNode> found = new ArrayList<>();
            for (ObjectNode bug : bugs.values()) {
                if (!products.isEmpty() && !products.contains(bug.path("product").asText())) {
                    continue;
                }
                if (!components.isEmpty() && !components.contains(bug.path("component").asText())) {
                    continue;
                }
                if (since != null && Instant.parse(bug.path("last_change_time").asText()).isBefore(since)) {
                    continue;
                }
                found.add(bug);
            }
            found.sort(Comparator.comparingInt(b -> b.path("id").asInt()));
            int asked = Integer.parseInt(params.getOrDefault("limit", List.of("0")).get(0));
            int limit = maxLimit > 0 && (asked == 0 || asked > maxLimit) ? maxLimit : asked;
            int offset = ignoreOffset ? 0 : Integer.parseInt(params.getOrDefault("offset", List.of("0")).get(0));
            ArrayNode list = body.putArray("bugs");
            found.stream().skip(offset).limit(limit == 0 ? Long.MAX_VALUE : limit).forEach(list::add);
        } else if (path.matches("/rest/bug/\\d+/(comment|history)")) {
            String[] parts = path.split("/");
            List<Integer> ids = new ArrayList<>();
            ids.add(Integer.parseInt(parts[3]));
            params.getOrDefault("ids", List.of()).forEach(i -> {
                if (!ids.contains(Integer.parseInt(i))) {
                    ids.add(Integer.parseInt(i));
                }
            });
            if (parts[4].equals("comment")) {
                ObjectNode byBug = body.putObject("bugs");
                for (int id : ids) {
                    ArrayNode list = byBug.putObject(String.valueOf(id)).putArray("comments");
                    comments.getOrDefault(id, List.of()).forEach(list::add);
                }
                body.putObject("comments");
            } else {
                ArrayNode list = body.putArray("bugs");
                for (int id : ids) {
                    ObjectNode bug = list.addObject();
                    bug.put("id", id);
                    bug.putArray("alias");
                    ArrayNode h = bug.putArray("history");
                    history.getOrDefault(id, List.of()).forEach(h::add);
                }
            }
        } else {
            send(exchange, 404, "{\"error\":true,\"code\":32614,\"message\":\"A REST API resource was not found for 'GET "
                    + path + "'.\"}");
            return;
        }
        send(exchange, 200, JSON.writeValueAsString(body));
    }

    private static Map<String, List<String>> params(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A node of a recorded body, for assertions. */
    static JsonNode read(String body) throws IOException {
        return JSON.readTree(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

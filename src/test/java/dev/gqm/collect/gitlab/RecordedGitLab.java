package dev.gqm.collect.gitlab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays recorded GitLab answers (head, blank line, body; with or without a status line) on
 * 127.0.0.1 for one project, whatever its id or path in the request, with {@code https://gitlab.com}
 * rewritten to this server. A request is matched by its path below the project; a listing's later
 * page or an unrecorded path under the project answers an empty list.
 */
final class RecordedGitLab implements AutoCloseable {
    private record Recorded(int status, Map<String, String> headers, String body) {
    }

    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Recorded> byPath = new HashMap<>();
    private final HttpServer server;

    RecordedGitLab() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests for {@code path} (below the project, such as "issues/2/discussions") with the recording. */
    RecordedGitLab serve(String path, Path recording) throws IOException {
        byPath.put(path, read(recording));
        return this;
    }

    /** Answers a listing with the bodies of single-item recordings, in this order, as one page. */
    RecordedGitLab serveList(String path, Path... recordings) throws IOException {
        ArrayNode list = FakeGitLab.JSON.createArrayNode();
        for (Path recording : recordings) {
            list.add(FakeGitLab.JSON.readTree(read(recording).body()));
        }
        byPath.put(path, new Recorded(200, Map.of(), list.toString()));
        return this;
    }

    static Path resource(String name) {
        try {
            return Path.of(RecordedGitLab.class.getResource("/gitlab/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    private Recorded read(Path recording) throws IOException {
        String text = Files.readString(recording, StandardCharsets.UTF_8).replace("https://gitlab.com", url());
        int split = text.indexOf("\r\n\r\n");
        int bodyStart = split + 4;
        if (split < 0) {
            split = text.indexOf("\n\n");
            bodyStart = split + 2;
        }
        int status = 200;
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : text.substring(0, split).split("\r?\n")) {
            if (line.startsWith("HTTP/")) {
                status = Integer.parseInt(line.split(" ")[1]);
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip();
            if (!name.isEmpty() && !name.equalsIgnoreCase("Content-Length")
                    && !name.equalsIgnoreCase("Transfer-Encoding")) {
                headers.put(name, line.substring(colon + 1).strip());
            }
        }
        return new Recorded(status, headers, text.substring(bodyStart));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(raw + (query == null ? "" : "?" + query));
            String[] parts = raw.split("/", 6);
            // "", "api", "v4", "projects", the project, the rest
            Recorded recorded = parts.length == 6 && raw.startsWith("/api/v4/projects/") ? byPath.get(parts[5]) : null;
            boolean laterPage = query != null && query.matches("(.*&)?page=([2-9]|[1-9][0-9]+)(&.*)?");
            if (recorded == null || laterPage) {
                recorded = new Recorded(200, Map.of(), "[]");
            }
            recorded.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = recorded.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(recorded.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

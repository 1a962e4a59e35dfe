package dev.gqm.collect.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Replays a folder of recorded WireMock mappings (hub4j's test data) on 127.0.0.1, with every
 * {@code https://api.github.com} in bodies and headers rewritten to this server. A request is
 * matched by path and query, else by path alone; an unrecorded path under {@code /repos/}
 * answers an empty list, so a test can read one recorded listing through a whole collection.
 */
final class RecordedGitHub implements AutoCloseable {
    private record Recorded(int status, Map<String, String> headers, String body) {
    }

    private final Map<String, Recorded> byUrl = new HashMap<>();
    private final Map<String, Recorded> byPath = new HashMap<>();
    private final HttpServer server;

    RecordedGitHub(Path folder) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (Stream<Path> mappings = Files.list(folder.resolve("mappings"))) {
            for (Path mapping : (Iterable<Path>) mappings::iterator) {
                JsonNode m = FakeGitHub.JSON.readTree(mapping.toFile());
                JsonNode response = m.path("response");
                Map<String, String> headers = new HashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> h = it.next();
                    if (h.getValue().isTextual()) {
                        headers.put(h.getKey(), h.getValue().asText().replace("https://api.github.com", base));
                    }
                }
                String body = Files.readString(folder.resolve("__files").resolve(response.path("bodyFileName").asText()))
                        .replace("https://api.github.com", base);
                String url = m.path("request").path("url").asText();
                Recorded recorded = new Recorded(response.path("status").asInt(), headers, body);
                byUrl.put(url, recorded);
                byPath.putIfAbsent(url.split("\\?")[0], recorded);
            }
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            Recorded r = byUrl.get(path + (query == null ? "" : "?" + query));
            if (r == null) {
                r = byPath.get(path);
            }
            if (r == null) {
                r = path.startsWith("/repos/") ? new Recorded(200, Map.of(), "[]")
                        : new Recorded(404, Map.of(), "{\"message\":\"Not Found\"}");
            }
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(r.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static Path resource(String name) {
        try (InputStream probe = RecordedGitHub.class.getResourceAsStream("/" + name + "/mappings/3-r_h_github-api.json")) {
            if (probe == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return Path.of(RecordedGitHub.class.getResource("/" + name).toURI());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

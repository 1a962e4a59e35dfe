package dev.gqm.collect.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers a test's fake server gives before its data, each once, to the first request for
 * its path (a fault, a rate limit), and the query parsing the fakes share.
 */
public final class ScriptedAnswers {
    /** An answer for the next request to {@code path}. */
    public record Answer(String path, int status, Map<String, String> headers, String body) {
    }

    private final Deque<Answer> queue = new ArrayDeque<>();

    public synchronized void add(Answer answer) {
        queue.add(answer);
    }

    /** The first answer kept for {@code path}, taken out; null when there is none. */
    public synchronized Answer take(String path) {
        for (Answer a : queue) {
            if (a.path().equals(path)) {
                queue.remove(a);
                return a;
            }
        }
        return null;
    }

    /** How a fake server sends an answer (with its own headers, encodings, bookkeeping). */
    @FunctionalInterface
    public interface Sender {
        void send(HttpExchange exchange, int status, String body) throws IOException;
    }

    /** Answers the request with the first answer kept for {@code path}, if any; whether it did. */
    public boolean answered(HttpExchange exchange, String path, Sender sender) throws IOException {
        Answer a = take(path);
        if (a == null) {
            return false;
        }
        a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        sender.send(exchange, a.status(), a.body());
        return true;
    }

    /** A query's parameters, decoded, in their order; a name without a value maps to "". */
    public static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }
}

package dev.gqm.collect.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.gqm.collect.SourceException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A server that sends its headers at once and then its body a byte at a time cannot hold a run. */
class SlowAnswerTest {
    @Test
    void theDeadlineCoversTheWholeAnswerBodyIncluded() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger answers = new AtomicInteger();
        server.createContext("/", exchange -> {
            answers.incrementAndGet();
            byte[] body = "[{\"id\": 1}]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (InterruptedException | java.io.IOException e) {
                // the client hung up: what this test wants
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        List<Duration> waits = new ArrayList<>();
        try {
            GitHubIssueSource source = new GitHubIssueSource("acme/widget",
                    "http://127.0.0.1:" + server.getAddress().getPort(), "ghp_test", waits::add,
                    Clock.systemUTC(), line -> { }, Duration.ofHours(1), Duration.ofMillis(400));
            long start = System.nanoTime();
            SourceException e = assertThrows(SourceException.class,
                    () -> source.collect(Map.of(), new RecordingSink()));
            long took = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().endsWith("after 3 retries: no whole answer within 0.4 s"), e.getMessage());
            // the first try and three retries, each cut at 0.4 s (the body alone would take 2.2 s)
            assertEquals(4, answers.get());
            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
            assertTrue(took < 8_000, "took " + took + " ms");
        } finally {
            server.stop(0);
        }
    }
}

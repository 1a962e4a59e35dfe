package dev.gqm.collect.http;

import dev.gqm.collect.SourceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The HTTP exchanges of one source with its server, shared by every tracker: the JDK client with
 * no redirects followed, a deadline for each whole answer, the same-host rule for credentials,
 * bounded retries with backoff for dropped connections and 5xx answers, and one wait budget for
 * every wait of the run. What an answer means (a rate limit to wait out, a refusal) is the
 * source's {@link Limits}; messages name the source as {@code name} and never quote a credential,
 * which travels only in the headers the caller gives.
 */
public final class HttpTransport {
    public static final int MAX_RETRIES = 3;
    /** One exchange, body included, must end within this: a server trickling bytes cannot hold a run forever. */
    public static final Duration RESPONSE_DEADLINE = Duration.ofSeconds(60);

    /** What an answer that is not a success means, as the source reads it. */
    public interface Limits {
        /** The meaning of a non-2xx answer (a 304 to a conditional request never gets here). */
        Decision judge(HttpResponse<byte[]> response) throws SourceException;
    }

    /** A {@link Limits} verdict. */
    public sealed interface Decision {
        /**
         * Wait {@code wait} and send again; {@code kind} counts these per kind ("primary",
         * "secondary"): more than {@link #MAX_RETRIES} of one kind ends the run with
         * {@code persisted}; {@code announce} (may be null) is shown before waiting; a wait beyond
         * the budget ends the run with {@code overBudget}, or when that is null with {@code reason}
         * followed by the budget's words.
         */
        record Wait(String kind, java.time.Duration duration, String announce, String reason, String persisted,
                    String overBudget) implements Decision {
        }

        /** A server fault: retried with backoff, counted with dropped connections. */
        record Fault(String text) implements Decision {
        }

        /** Final: the run ends with this message. */
        record Fail(String message) implements Decision {
        }
    }

    private final String name;
    private final URI base;
    private final Limits limits;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Consumer<String> progress;
    private final Duration waitBudget;
    private final Duration deadline;
    private final HttpClient client;
    private int requests;
    private int notModified;
    private Duration waited = Duration.ZERO;

    public HttpTransport(String name, URI base, Limits limits, Sleeper sleeper, Clock clock,
                         Consumer<String> progress, Duration waitBudget, Duration deadline) {
        this.name = name;
        this.base = base;
        this.limits = limits;
        this.sleeper = sleeper;
        this.clock = clock;
        this.progress = progress;
        this.waitBudget = waitBudget;
        this.deadline = deadline;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public int requests() {
        return requests;
    }

    public int notModified() {
        return notModified;
    }

    public Clock clock() {
        return clock;
    }

    public Consumer<String> progress() {
        return progress;
    }

    public Duration waitBudget() {
        return waitBudget;
    }

    /** What was waited so far in this run. */
    public Duration waited() {
        return waited;
    }

    /**
     * Refuses an address outside the base's scheme, host and port: addresses from the server
     * (Link headers, next-page fields) must never carry the credentials elsewhere.
     */
    public void checkSameHost(URI uri) throws SourceException {
        if (!base.getScheme().equalsIgnoreCase(uri.getScheme())
                || !base.getHost().equalsIgnoreCase(uri.getHost()) || base.getPort() != uri.getPort()) {
            throw new SourceException(name + " linked to " + uri.getScheme() + "://" + uri.getHost()
                    + ", outside " + base + "; refusing to follow");
        }
    }

    /**
     * Sends until a 2xx answer (or a 304 to a conditional request), waiting out rate limits and
     * retrying faults within their limits.
     */
    public HttpResponse<byte[]> exchange(HttpRequest request) throws SourceException {
        checkSameHost(request.uri());
        String path = request.uri().getPath();
        int faults = 0;
        Map<String, Integer> waits = new HashMap<>();
        while (true) {
            requests++;
            HttpResponse<byte[]> response;
            try {
                response = sendWithinDeadline(request);
            } catch (IOException e) {
                if (++faults > MAX_RETRIES) {
                    throw new SourceException(name + " did not answer at " + base + " after " + MAX_RETRIES
                            + " retries: " + (e instanceof HttpTimeoutException
                                    ? "no whole answer within " + deadlineText() + " s"
                                    : e.getClass().getSimpleName()));
                }
                pause(backoff(faults), name + " did not answer");
                continue;
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            if (status == 304 && request.headers().firstValue("If-None-Match").isPresent()) {
                notModified++;
                return response;
            }
            Decision decision = limits.judge(response);
            if (decision instanceof Decision.Wait w) {
                int n = waits.merge(w.kind(), 1, Integer::sum);
                if (n > MAX_RETRIES) {
                    throw new SourceException(w.persisted());
                }
                if (w.overBudget() != null && waited.plus(w.duration()).compareTo(waitBudget) > 0) {
                    throw new SourceException(w.overBudget());
                }
                if (w.announce() != null) {
                    progress.accept(w.announce());
                }
                pause(w.duration(), w.reason());
            } else if (decision instanceof Decision.Fault f) {
                if (++faults > MAX_RETRIES) {
                    throw new SourceException(name + " answered HTTP " + status + " for " + path + " after "
                            + MAX_RETRIES + " retries");
                }
                pause(backoff(faults), f.text());
            } else {
                throw new HttpFailure(status, ((Decision.Fail) decision).message());
            }
        }
    }

    /**
     * Waits, counting every wait of the run (rate limits, secondary limits, retry backoff) against
     * one budget: a wait that would exceed it ends the run at once with {@code reason}, so that a
     * scheduled job always finishes.
     */
    public void pause(Duration duration, String reason) throws SourceException {
        if (waited.plus(duration).compareTo(waitBudget) > 0) {
            throw new SourceException(reason + ", beyond the wait budget of " + waitBudget.toMinutes()
                    + " min for this run (" + waited.toMinutes() + " min waited already); try again later");
        }
        waited = waited.plus(duration);
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while waiting for " + name);
        }
    }

    /** Whole seconds of a header such as Retry-After or a reset time; the server's fault when unreadable. */
    public long seconds(String header) throws SourceException {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw new SourceException(name + " sent an unreadable rate-limit header: " + header);
        }
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(1L << (attempt - 1));
    }

    private String deadlineText() {
        return java.math.BigDecimal.valueOf(deadline.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    /**
     * Sends and reads the whole answer within the deadline. The client's own request timeout
     * ends when the headers arrive; a body sent a byte at a time would hold the run forever.
     */
    private HttpResponse<byte[]> sendWithinDeadline(HttpRequest request) throws IOException, SourceException {
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HttpTimeoutException("no whole answer within " + deadlineText() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause() == null ? "request failed" : e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while reading " + name);
        }
    }
}

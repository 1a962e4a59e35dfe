package dev.gqm.collect.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.SourceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Every HTTP exchange with GitHub, ours and the library's (as its {@link GitHubConnector}), so
 * that counting, rate-limit waits and retries are decided in one place. The token travels only
 * in the Authorization header and never enters a message.
 */
final class GitHubHttp implements GitHubConnector {
    static final int MAX_RETRIES = 3;
    private static final DateTimeFormatter CLOCK_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    // The JDK client sets these itself and refuses them from callers.
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect", "upgrade");
    /** One exchange, body included, must end within this: a server trickling bytes cannot hold a run forever. */
    static final Duration RESPONSE_DEADLINE = Duration.ofSeconds(60);

    /**
     * One page of a listing: the JSON array, the next page's address and the answer's ETag, if
     * any; or, for a conditional request, {@code notModified} and nothing else.
     */
    record Page(JsonNode items, Optional<URI> next, Optional<String> etag, boolean notModified) {
    }

    private final HttpClient client;
    private final URI apiUrl;
    private final String ownerRepo;
    private final String token;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Consumer<String> progress;
    private final Duration waitBudget;
    private final Duration deadline;
    private final ObjectMapper json = new ObjectMapper();
    private int requests;
    private int notModified;
    private Duration waited = Duration.ZERO;

    GitHubHttp(URI apiUrl, String ownerRepo, String token, Sleeper sleeper, Clock clock,
               Consumer<String> progress, Duration waitBudget) {
        this(apiUrl, ownerRepo, token, sleeper, clock, progress, waitBudget, RESPONSE_DEADLINE);
    }

    GitHubHttp(URI apiUrl, String ownerRepo, String token, Sleeper sleeper, Clock clock,
               Consumer<String> progress, Duration waitBudget, Duration deadline) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.apiUrl = apiUrl;
        this.ownerRepo = ownerRepo;
        this.token = token;
        this.sleeper = sleeper;
        this.clock = clock;
        this.progress = progress;
        this.waitBudget = waitBudget;
        this.deadline = deadline;
    }

    int requests() {
        return requests;
    }

    int notModified() {
        return notModified;
    }

    /** GETs one page of a JSON array listing. */
    Page page(URI uri) throws SourceException {
        return page(uri, null);
    }

    /** GETs one page of a JSON array listing, conditionally when {@code ifNoneMatch} is an ETag. */
    Page page(URI uri, String ifNoneMatch) throws SourceException {
        checkSameHost(uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/vnd.github+json")
                .header("User-Agent", "gqm");
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        HttpResponse<byte[]> response = exchange(request.build());
        if (response.statusCode() == 304) {
            return new Page(json.createArrayNode(), Optional.empty(), Optional.empty(), true);
        }
        JsonNode items;
        try {
            items = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SourceException("GitHub sent malformed JSON for " + uri.getPath() + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SourceException("GitHub sent an unreadable answer for " + uri.getPath());
        }
        if (items == null || !items.isArray()) {
            throw new SourceException("GitHub sent malformed JSON for " + uri.getPath() + ": expected a list");
        }
        Optional<String> link = response.headers().firstValue("Link");
        return new Page(items, link.isPresent() ? LinkHeader.next(link.get()) : Optional.empty(),
                response.headers().firstValue("ETag").filter(e -> !e.isBlank()), false);
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        HttpRequest.Builder builder;
        try {
            URI uri = request.url().toURI();
            checkSameHost(uri);
            builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        } catch (URISyntaxException e) {
            throw new IOException("bad GitHub address " + request.url().getPath());
        } catch (SourceException e) {
            throw new GitHubFault(e);
        }
        for (Map.Entry<String, List<String>> header : request.allHeaders().entrySet()) {
            if (header.getKey() != null && !RESTRICTED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(v -> builder.header(header.getKey(), v));
            }
        }
        byte[] body = request.hasBody() ? request.body().readAllBytes() : null;
        builder.method(request.method(), body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response;
        try {
            response = exchange(builder.build());
        } catch (SourceException e) {
            throw new GitHubFault(e);
        }
        return new Response(request, response.statusCode(), response.headers().map(), response.body());
    }

    /**
     * Sends until a 2xx answer (or a 304 to a conditional request), waiting out rate limits and
     * retrying faults within their limits.
     */
    private HttpResponse<byte[]> exchange(HttpRequest request) throws SourceException {
        String path = request.uri().getPath();
        int faults = 0;
        int secondary = 0;
        int primary = 0;
        while (true) {
            requests++;
            HttpResponse<byte[]> response;
            try {
                response = sendWithinDeadline(request);
            } catch (IOException e) {
                if (++faults > MAX_RETRIES) {
                    throw new SourceException("GitHub did not answer at " + apiUrl + " after " + MAX_RETRIES
                            + " retries: " + (e instanceof java.net.http.HttpTimeoutException
                                    ? "no whole answer within " + deadlineText() + " s"
                                    : e.getClass().getSimpleName()));
                }
                pause(backoff(faults), "GitHub did not answer");
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
            Optional<String> remaining = response.headers().firstValue("x-ratelimit-remaining");
            Optional<String> reset = response.headers().firstValue("x-ratelimit-reset");
            Optional<String> retryAfter = response.headers().firstValue("Retry-After");
            boolean limited = status == 403 || status == 429;
            if (limited && remaining.filter("0"::equals).isPresent() && reset.isPresent()) {
                if (++primary > MAX_RETRIES) {
                    throw new SourceException("GitHub's rate limit persisted after waiting " + MAX_RETRIES
                            + " times for its reset; try again later");
                }
                waitForReset(reset.get());
            } else if (limited && (retryAfter.isPresent() || status == 429 || mentionsSecondaryLimit(response))) {
                if (++secondary > MAX_RETRIES) {
                    throw new SourceException("GitHub's secondary rate limit persisted after " + MAX_RETRIES
                            + " retries; try again later");
                }
                // without Retry-After GitHub asks clients to wait at least a minute
                Duration wait = Duration.ofSeconds(retryAfter.isPresent() ? seconds(retryAfter.get()) : 60);
                progress.accept("GitHub secondary rate limit; waiting " + wait.toSeconds() + " s");
                pause(wait, "GitHub's secondary rate limit asks to wait " + wait.toSeconds() + " s");
            } else if (status >= 500) {
                if (++faults > MAX_RETRIES) {
                    throw new SourceException("GitHub answered HTTP " + status + " for " + path + " after "
                            + MAX_RETRIES + " retries");
                }
                pause(backoff(faults), "GitHub answered HTTP " + status);
            } else if (status == 401) {
                throw new SourceException("bad credentials for GitHub " + apiUrl
                        + ": check GITHUB_TOKEN or GH_TOKEN");
            } else if (status == 404) {
                throw new SourceException("repository not found or no access: " + ownerRepo);
            } else if (status == 403) {
                throw new SourceException("GitHub refused access (HTTP 403) to " + path
                        + ": the token may lack the scope to read " + ownerRepo);
            } else {
                throw new SourceException("GitHub answered HTTP " + status + " for " + path);
            }
        }
    }

    private static boolean mentionsSecondaryLimit(HttpResponse<byte[]> response) {
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT).contains("secondary rate limit");
    }

    private void waitForReset(String resetHeader) throws SourceException {
        Instant reset = Instant.ofEpochSecond(seconds(resetHeader));
        Duration wait = Duration.between(clock.instant(), reset);
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        if (waited.plus(wait).compareTo(waitBudget) > 0) {
            throw new SourceException("GitHub rate limit beyond the wait budget of " + waitBudget.toMinutes()
                    + " min: it resets at " + CLOCK_TIME.format(reset) + "; run again then, or set a token");
        }
        progress.accept("GitHub rate limit reached; waiting until " + CLOCK_TIME.format(reset));
        pause(wait, "GitHub's rate limit");
    }

    private String deadlineText() {
        return java.math.BigDecimal.valueOf(deadline.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    /**
     * Sends and reads the whole answer within the deadline. The client's own request timeout
     * ends when the headers arrive; a body sent a byte at a time would hold the run forever.
     */
    private HttpResponse<byte[]> sendWithinDeadline(HttpRequest request) throws IOException, SourceException {
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            return pending.get(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            pending.cancel(true);
            throw new java.net.http.HttpTimeoutException("no whole answer within " + deadlineText() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause() == null ? "request failed" : e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while reading GitHub");
        }
    }

    /**
     * Waits, counting every wait of the run (rate limits, secondary limits, retry backoff) against
     * one budget: a wait that would exceed it ends the run at once with {@code reason}, so that a
     * scheduled job always finishes.
     */
    private void pause(Duration duration, String reason) throws SourceException {
        if (waited.plus(duration).compareTo(waitBudget) > 0) {
            throw new SourceException(reason + ", beyond the wait budget of " + waitBudget.toMinutes()
                    + " min for this run (" + waited.toMinutes() + " min waited already); try again later");
        }
        waited = waited.plus(duration);
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while waiting for GitHub");
        }
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(1L << (attempt - 1));
    }

    private static long seconds(String header) throws SourceException {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw new SourceException("GitHub sent an unreadable rate-limit header: " + header);
        }
    }

    // Link headers come from the server: never send the token to another host.
    private void checkSameHost(URI uri) throws SourceException {
        if (!apiUrl.getScheme().equalsIgnoreCase(uri.getScheme())
                || !apiUrl.getHost().equalsIgnoreCase(uri.getHost()) || apiUrl.getPort() != uri.getPort()) {
            throw new SourceException("GitHub linked to " + uri.getScheme() + "://" + uri.getHost()
                    + ", outside " + apiUrl + "; refusing to follow");
        }
    }

    /** A SourceException passed through the library, which only lets IOExceptions out of a connector. */
    static final class GitHubFault extends IOException {
        GitHubFault(SourceException cause) {
            super(cause.getMessage(), cause);
        }

        SourceException source() {
            return (SourceException) getCause();
        }
    }

    private static final class Response extends GitHubConnectorResponse {
        private final byte[] body;

        Response(GitHubConnectorRequest request, int status, Map<String, List<String>> headers, byte[] body) {
            super(request, status, headers);
            this.body = body;
        }

        // the library asks for gzip and leaves decoding to the connector's response
        @Override
        public InputStream bodyStream() throws IOException {
            return wrapStream(new ByteArrayInputStream(body));
        }

        @Override
        public void close() {
            // the body is in memory: nothing to release
        }
    }
}

package dev.gqm.collect.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.http.HttpTransport;
import dev.gqm.collect.http.LinkHeader;
import dev.gqm.collect.http.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
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
    static final int MAX_RETRIES = HttpTransport.MAX_RETRIES;
    private static final DateTimeFormatter CLOCK_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    // The JDK client sets these itself and refuses them from callers.
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect", "upgrade");
    static final Duration RESPONSE_DEADLINE = HttpTransport.RESPONSE_DEADLINE;

    /**
     * One page of a listing: the JSON array, the next and last pages' addresses and the answer's
     * ETag, if any; or, for a conditional request, {@code notModified} and nothing else.
     */
    record Page(JsonNode items, Optional<URI> next, Optional<URI> last, Optional<String> etag, boolean notModified) {
    }

    private final URI apiUrl;
    private final String ownerRepo;
    private final String token;
    private final HttpTransport transport;
    private final ObjectMapper json = new ObjectMapper();

    GitHubHttp(URI apiUrl, String ownerRepo, String token, Sleeper sleeper, Clock clock,
               Consumer<String> progress, Duration waitBudget) {
        this(apiUrl, ownerRepo, token, sleeper, clock, progress, waitBudget, RESPONSE_DEADLINE);
    }

    GitHubHttp(URI apiUrl, String ownerRepo, String token, Sleeper sleeper, Clock clock,
               Consumer<String> progress, Duration waitBudget, Duration deadline) {
        this.apiUrl = apiUrl;
        this.ownerRepo = ownerRepo;
        this.token = token;
        this.transport = new HttpTransport("GitHub", apiUrl, this::judge, sleeper, clock, progress, waitBudget,
                deadline);
    }

    int requests() {
        return transport.requests();
    }

    int notModified() {
        return transport.notModified();
    }

    /** GETs one page of a JSON array listing. */
    Page page(URI uri) throws SourceException {
        return page(uri, null);
    }

    /** GETs one page of a JSON array listing, conditionally when {@code ifNoneMatch} is an ETag. */
    Page page(URI uri, String ifNoneMatch) throws SourceException {
        transport.checkSameHost(uri);
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
        HttpResponse<byte[]> response = transport.exchange(request.build());
        if (response.statusCode() == 304) {
            return new Page(json.createArrayNode(), Optional.empty(), Optional.empty(), Optional.empty(), true);
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
        return new Page(items, link.isPresent() ? LinkHeader.next(link.get(), "GitHub") : Optional.empty(),
                link.isPresent() ? LinkHeader.rel(link.get(), "last", "GitHub") : Optional.empty(),
                response.headers().firstValue("ETag").filter(e -> !e.isBlank()), false);
    }

    @Override
    public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
        HttpRequest.Builder builder;
        try {
            URI uri = request.url().toURI();
            transport.checkSameHost(uri);
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
            response = transport.exchange(builder.build());
        } catch (SourceException e) {
            throw new GitHubFault(e);
        }
        return new Response(request, response.statusCode(), response.headers().map(), response.body());
    }

    /** What GitHub means by an answer that is not a success. */
    private HttpTransport.Decision judge(HttpResponse<byte[]> response) throws SourceException {
        int status = response.statusCode();
        String path = response.request().uri().getPath();
        Optional<HttpTransport.Decision> limit = rateLimit(response, transport);
        if (limit.isPresent()) {
            return limit.get();
        }
        if (status >= 500) {
            return new HttpTransport.Decision.Fault("GitHub answered HTTP " + status);
        }
        if (status == 401) {
            return new HttpTransport.Decision.Fail("bad credentials for GitHub " + apiUrl
                    + ": check GITHUB_TOKEN or GH_TOKEN");
        }
        if (status == 404) {
            return new HttpTransport.Decision.Fail("repository not found or no access: " + ownerRepo);
        }
        if (status == 403) {
            return new HttpTransport.Decision.Fail("GitHub refused access (HTTP 403) to " + path
                    + ": the token may lack the scope to read " + ownerRepo);
        }
        return new HttpTransport.Decision.Fail("GitHub answered HTTP " + status + " for " + path);
    }

    /**
     * GitHub's rate-limit answers, the same over REST and GraphQL: a 403 or 429 with no requests
     * remaining waits until the reset, one with Retry-After (or a 429, or a message naming the
     * secondary limit) waits as asked.
     */
    static Optional<HttpTransport.Decision> rateLimit(HttpResponse<byte[]> response, HttpTransport transport)
            throws SourceException {
        int status = response.statusCode();
        Optional<String> remaining = response.headers().firstValue("x-ratelimit-remaining");
        Optional<String> reset = response.headers().firstValue("x-ratelimit-reset");
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        boolean limited = status == 403 || status == 429;
        if (limited && remaining.filter("0"::equals).isPresent() && reset.isPresent()) {
            return Optional.of(primaryWait(Instant.ofEpochSecond(transport.seconds(reset.get())), transport));
        }
        if (limited && (retryAfter.isPresent() || status == 429 || mentionsSecondaryLimit(response))) {
            // without Retry-After GitHub asks clients to wait at least a minute
            Duration wait = Duration.ofSeconds(retryAfter.isPresent() ? transport.seconds(retryAfter.get()) : 60);
            return Optional.of(new HttpTransport.Decision.Wait("secondary", wait,
                    "GitHub secondary rate limit; waiting " + wait.toSeconds() + " s",
                    "GitHub's secondary rate limit asks to wait " + wait.toSeconds() + " s",
                    "GitHub's secondary rate limit persisted after " + MAX_RETRIES + " retries; try again later",
                    null));
        }
        return Optional.empty();
    }

    /** Waiting for the primary rate limit's reset at {@code resetAt}. */
    static HttpTransport.Decision.Wait primaryWait(Instant resetAt, HttpTransport transport) {
        Duration wait = Duration.between(transport.clock().instant(), resetAt);
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return new HttpTransport.Decision.Wait("primary", wait,
                "GitHub rate limit reached; waiting until " + CLOCK_TIME.format(resetAt), "GitHub's rate limit",
                "GitHub's rate limit persisted after waiting " + MAX_RETRIES + " times for its reset; try again later",
                "GitHub rate limit beyond the wait budget of " + transport.waitBudget().toMinutes()
                        + " min: it resets at " + CLOCK_TIME.format(resetAt) + "; run again then, or set a token");
    }

    private static boolean mentionsSecondaryLimit(HttpResponse<byte[]> response) {
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT).contains("secondary rate limit");
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

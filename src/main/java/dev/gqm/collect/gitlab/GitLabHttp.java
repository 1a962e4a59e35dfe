package dev.gqm.collect.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.http.HttpTransport;
import dev.gqm.collect.http.LinkHeader;
import dev.gqm.collect.http.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every HTTP exchange with a GitLab instance: listings page by page ({@code Link} rel=next, else
 * {@code X-Next-Page}), through the shared transport, with GitLab's meaning of its answers (429
 * with {@code Retry-After} or {@code RateLimit-Reset}, 401, 404). The token travels only in the
 * {@code PRIVATE-TOKEN} header to the instance's own host and never enters a message.
 */
final class GitLabHttp {
    private static final DateTimeFormatter CLOCK_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    /** When a 429 says neither how long nor until when, wait this long. */
    static final Duration DEFAULT_LIMIT_WAIT = Duration.ofSeconds(60);

    /** One page of a listing: its JSON array and the next page's address, if any. */
    record Page(JsonNode items, Optional<URI> next) {
    }

    private final String project;
    private final String host;
    private final String token;
    private final HttpTransport transport;
    private final ObjectMapper json = new ObjectMapper();

    GitLabHttp(URI base, String project, String token, Sleeper sleeper, Clock clock, Consumer<String> progress,
               Duration waitBudget, Duration deadline) {
        this.project = project;
        this.host = base.getAuthority();
        this.token = token;
        this.transport = new HttpTransport("GitLab", base, this::judge, sleeper, clock, progress, waitBudget,
                deadline);
    }

    int requests() {
        return transport.requests();
    }

    /** GETs one page of a JSON array listing; an address off the instance's host is refused before sending. */
    Page page(URI uri) throws SourceException {
        transport.checkSameHost(uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("User-Agent", "gqm");
        if (token != null) {
            request.header("PRIVATE-TOKEN", token);
        }
        HttpResponse<byte[]> response = transport.exchange(request.build());
        JsonNode items;
        try {
            items = json.readTree(response.body());
        } catch (IOException e) {
            throw new SourceException("GitLab sent an unreadable answer for " + uri.getRawPath());
        }
        if (items == null || !items.isArray()) {
            throw new SourceException("GitLab sent malformed JSON for " + uri.getRawPath() + ": expected a list");
        }
        Optional<URI> next = Optional.empty();
        Optional<String> link = response.headers().firstValue("Link");
        if (link.isPresent()) {
            next = LinkHeader.next(link.get(), "GitLab");
        }
        if (next.isEmpty()) {
            Optional<String> nextPage = response.headers().firstValue("X-Next-Page").map(String::strip)
                    .filter(s -> !s.isEmpty());
            if (nextPage.isPresent()) {
                next = Optional.of(withPage(uri, nextPage.get()));
            }
        }
        return new Page(items, next);
    }

    /** {@code uri} asking for page {@code page} instead (the {@code X-Next-Page} way of paging). */
    static URI withPage(URI uri, String page) throws SourceException {
        if (!page.matches("[1-9][0-9]{0,8}")) {
            throw new SourceException("GitLab sent an unreadable X-Next-Page header");
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        StringBuilder rebuilt = new StringBuilder();
        for (String part : query.split("&")) {
            if (!part.isEmpty() && !part.startsWith("page=")) {
                rebuilt.append(rebuilt.length() == 0 ? "" : "&").append(part);
            }
        }
        rebuilt.append(rebuilt.length() == 0 ? "" : "&").append("page=").append(page);
        String text = uri.toString();
        int question = text.indexOf('?');
        return URI.create((question < 0 ? text : text.substring(0, question)) + "?" + rebuilt);
    }

    /** What GitLab means by an answer that is not a success. */
    private HttpTransport.Decision judge(HttpResponse<byte[]> response) throws SourceException {
        int status = response.statusCode();
        String path = response.request().uri().getRawPath();
        if (status == 429) {
            Optional<String> retryAfter = response.headers().firstValue("Retry-After");
            Optional<String> remaining = response.headers().firstValue("RateLimit-Remaining");
            Optional<String> reset = response.headers().firstValue("RateLimit-Reset");
            Duration wait;
            String announce;
            if (retryAfter.isPresent()) {
                wait = Duration.ofSeconds(transport.seconds(retryAfter.get()));
                announce = "GitLab rate limit reached; waiting " + wait.toSeconds() + " s";
            } else if (remaining.filter(r -> r.strip().equals("0")).isPresent() && reset.isPresent()) {
                Instant resetAt = Instant.ofEpochSecond(transport.seconds(reset.get()));
                wait = Duration.between(transport.clock().instant(), resetAt);
                wait = wait.isNegative() ? Duration.ZERO : wait;
                announce = "GitLab rate limit reached; waiting until " + CLOCK_TIME.format(resetAt);
            } else {
                wait = DEFAULT_LIMIT_WAIT;
                announce = "GitLab rate limit reached; waiting " + wait.toSeconds() + " s";
            }
            return new HttpTransport.Decision.Wait("rate-limit", wait, announce, "GitLab's rate limit",
                    "GitLab's rate limit persisted after waiting " + HttpTransport.MAX_RETRIES + " times; try again later",
                    "GitLab rate limit beyond the wait budget of " + transport.waitBudget().toMinutes()
                            + " min (it asks to wait " + wait.toSeconds() + " s); run again later");
        }
        if (status >= 500) {
            return new HttpTransport.Decision.Fault("GitLab answered HTTP " + status);
        }
        if (status == 401) {
            return new HttpTransport.Decision.Fail("bad credentials for GitLab " + host + ": check GITLAB_TOKEN");
        }
        if (status == 404) {
            return new HttpTransport.Decision.Fail("project not found or no access: " + project);
        }
        if (status == 403) {
            return new HttpTransport.Decision.Fail("GitLab refused access (HTTP 403) to " + path
                    + ": the token may lack the read_api scope for " + project
                    + ", or the project has this feature turned off");
        }
        if (status >= 300 && status < 400) {
            return new HttpTransport.Decision.Fail("GitLab answered HTTP " + status + " (a redirect) for " + path
                    + ": give --gitlab-url as the instance's own address");
        }
        return new HttpTransport.Decision.Fail("GitLab answered HTTP " + status + " for " + path);
    }
}

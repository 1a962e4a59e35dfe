package dev.gqm.collect.bugzilla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.IssueSinkFailure;
import dev.gqm.collect.IssueSource;
import dev.gqm.collect.ItemType;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.StateEvent;
import dev.gqm.collect.http.HttpFailure;
import dev.gqm.collect.http.HttpTransport;
import dev.gqm.collect.http.JsonFields;
import dev.gqm.collect.http.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A Bugzilla instance's bugs of the configured products and components over its REST API
 * ({@code URL/rest}). Per run: the instance's statuses with {@code is_open} (one request), on a
 * first collection the products (so that a misspelt one is an error, not an empty tracker), then
 * the bugs changed since the cursor ({@code last_change_time}) in pages of {@value #PAGE} ordered by
 * id, each page stored with the comments and the status history of its bugs, read for the whole
 * page at once ({@code ids=}). The cursor moves with the last page: a run stopped halfway keeps
 * what it stored and reads the listing again from the old cursor.
 */
public final class BugzillaIssueSource implements IssueSource {
    private static final JsonFields JSON_FIELDS = new JsonFields("Bugzilla");
    public static final Duration DEFAULT_WAIT_BUDGET = Duration.ofHours(1);
    static final String BUGS = "bugs";
    static final int PAGE = 100;
    private static final String FIELDS = "id,summary,creator,creation_time,last_change_time,status,resolution,"
            + "is_open,keywords,component,severity";
    /** Used when the instance's status list does not name a status: Bugzilla's own open ones. */
    private static final Set<String> USUAL_OPEN = Set.of("UNCONFIRMED", "NEW", "ASSIGNED", "REOPENED", "CONFIRMED",
            "IN_PROGRESS");

    private final BugzillaTracker.Configured config;
    private final String key;
    private final HttpTransport transport;
    private final Consumer<String> progress;
    private final ObjectMapper json = new ObjectMapper();

    BugzillaIssueSource(BugzillaTracker.Configured config, String key, Sleeper sleeper, Clock clock,
                        Consumer<String> progress, Duration waitBudget) {
        this(config, key, sleeper, clock, progress, waitBudget, HttpTransport.RESPONSE_DEADLINE);
    }

    BugzillaIssueSource(BugzillaTracker.Configured config, String key, Sleeper sleeper, Clock clock,
                        Consumer<String> progress, Duration waitBudget, Duration deadline) {
        this.config = config;
        this.key = key == null || key.isBlank() ? null : key;
        this.progress = progress;
        this.transport = new HttpTransport("Bugzilla", URI.create(config.url()), this::judge, sleeper, clock, progress,
                waitBudget, deadline);
    }

    @Override
    public String repository() {
        return config.repository();
    }

    @Override
    public int requests() {
        return transport.requests();
    }

    @Override
    public int notModified() {
        return 0;
    }

    @Override
    public void collect(Map<String, Instant> cursors, Map<String, IssueSink.Etag> etags, IssueSink sink)
            throws SourceException {
        Map<String, Boolean> open = statuses();
        Instant since = cursors.get(BUGS);
        if (since == null) {
            checkProducts();
        }
        Instant newest = since;
        int offset = 0;
        int pages = 0;
        Set<Integer> seen = new java.util.HashSet<>();
        while (true) {
            String query = "/rest/bug?" + config.query() + "&include_fields=" + FIELDS + "&order=bug_id&limit=" + PAGE
                    + "&offset=" + offset
                    + (since == null ? "" : "&last_change_time=" + BugzillaTracker.encode(since.toString()));
            JsonNode bugs = get(query).path("bugs");
            if (!bugs.isArray()) {
                throw JSON_FIELDS.malformed("the bug search has no list of bugs");
            }
            List<JsonNode> page = new ArrayList<>();
            bugs.forEach(page::add);
            if (page.isEmpty()) {
                deliver(sink, IssueSink.Page.of(BUGS, List.of(), List.of(), List.of(), List.of(), newest));
                return;
            }
            List<Integer> ids = new ArrayList<>();
            boolean fresh = false;
            for (JsonNode bug : page) {
                int id = JSON_FIELDS.integer(bug, "id");
                ids.add(id);
                fresh |= seen.add(id);
            }
            if (!fresh) {
                // a server that ignores the offset would answer the same page for ever
                throw new SourceException("Bugzilla's search answered offset " + offset + " with bugs already read"
                        + " (it may ignore offset); stopping rather than reading them again");
            }
            Map<Integer, List<StateEvent>> history = history(ids, open);
            List<Comment> comments = comments(ids);
            List<Issue> issues = new ArrayList<>();
            List<StateEvent> events = new ArrayList<>();
            for (JsonNode bug : page) {
                int id = JSON_FIELDS.integer(bug, "id");
                List<StateEvent> changes = history.getOrDefault(id, List.of());
                Issue issue = issue(bug, changes, open);
                issues.add(issue);
                events.addAll(changes);
                newest = newest == null || issue.updatedAt().isAfter(newest) ? issue.updatedAt() : newest;
            }
            // an instance may answer fewer than asked (its own maximum per search): only an empty
            // page ends the listing
            boolean last = false;
            offset += page.size();
            if (++pages % 20 == 0) {
                progress.accept("Bugzilla: " + offset + " bugs read");
            }
            deliver(sink, IssueSink.Page.of(BUGS, issues, comments, List.of(), events, last ? newest : null));
        }
    }

    /** The instance's statuses: name → whether a bug of that status is open. */
    private Map<String, Boolean> statuses() throws SourceException {
        Map<String, Boolean> open = new HashMap<>();
        JsonNode answer;
        try {
            answer = get("/rest/field/bug/bug_status");
        } catch (HttpFailure e) {
            if (e.status() != 404) {
                throw e;
            }
            progress.accept("warning: Bugzilla at " + config.url() + " does not list its statuses;"
                    + " Bugzilla's usual open ones are taken (" + String.join(", ", new java.util.TreeSet<>(USUAL_OPEN)) + ")");
            return open;
        }
        for (JsonNode field : answer.path("fields")) {
            if (field.hasNonNull("name") && !field.get("name").asText().equals("bug_status")) {
                continue;
            }
            for (JsonNode value : field.path("values")) {
                if (value.hasNonNull("name") && value.has("is_open")) {
                    open.put(value.get("name").asText(), value.get("is_open").asBoolean());
                }
            }
        }
        return open;
    }

    private boolean isOpen(Map<String, Boolean> open, String status) {
        Boolean known = open.get(status);
        return known != null ? known : USUAL_OPEN.contains(status.toUpperCase(Locale.ROOT));
    }

    /** A misspelt product would give an empty tracker and "no data" everywhere: refuse it, naming the known ones. */
    private void checkProducts() throws SourceException {
        String names = config.products().stream().map(p -> "names=" + BugzillaTracker.encode(p))
                .collect(Collectors.joining("&"));
        Set<String> found = new LinkedHashSet<>();
        JsonNode answer;
        try {
            answer = get("/rest/product?" + names + "&include_fields=name");
        } catch (HttpFailure e) {
            if (e.status() != 404) {
                throw e;
            }
            // an instance that does not list products: its search alone tells
            progress.accept("warning: Bugzilla at " + config.url() + " does not list its products;"
                    + " a misspelt product gives no bugs");
            return;
        }
        for (JsonNode product : answer.path("products")) {
            found.add(product.path("name").asText());
        }
        List<String> missing = config.products().stream().filter(p -> !found.contains(p)).toList();
        if (missing.isEmpty()) {
            return;
        }
        List<String> known = new ArrayList<>();
        for (JsonNode product : get("/rest/product?type=accessible&include_fields=name").path("products")) {
            known.add(product.path("name").asText());
        }
        String shown = known.isEmpty() ? "it lists none to this account"
                : "it knows " + String.join(", ", known.subList(0, Math.min(10, known.size())))
                        + (known.size() > 10 ? " and " + (known.size() - 10) + " more" : "");
        throw new SourceException("Bugzilla product not found on " + config.url() + ": "
                + String.join(", ", missing) + " (" + shown + ")");
    }

    /** The status changes of the bugs, as close and reopen events judged by the instance's open statuses. */
    private Map<Integer, List<StateEvent>> history(List<Integer> ids, Map<String, Boolean> open) throws SourceException {
        Map<Integer, List<StateEvent>> events = new HashMap<>();
        JsonNode bugs = get("/rest/bug/" + ids.get(0) + "/history?" + idsQuery(ids)).path("bugs");
        for (JsonNode bug : bugs) {
            int id = JSON_FIELDS.integer(bug, "id");
            for (JsonNode change : bug.path("history")) {
                for (JsonNode field : change.path("changes")) {
                    String name = field.path("field_name").asText();
                    if (!name.equals("status") && !name.equals("bug_status")) {
                        continue;
                    }
                    boolean wasOpen = isOpen(open, field.path("removed").asText());
                    boolean isOpen = isOpen(open, field.path("added").asText());
                    if (wasOpen != isOpen) {
                        events.computeIfAbsent(id, n -> new ArrayList<>()).add(new StateEvent(ItemType.ISSUE, id,
                                new Actor(change.path("who").asText(""), ""), JSON_FIELDS.required(change, "when"),
                                isOpen ? StateEvent.Kind.REOPENED : StateEvent.Kind.CLOSED));
                    }
                }
            }
        }
        return events;
    }

    /** The comments of the bugs, without each bug's description (its comment 0). */
    private List<Comment> comments(List<Integer> ids) throws SourceException {
        List<Comment> comments = new ArrayList<>();
        JsonNode bugs = get("/rest/bug/" + ids.get(0) + "/comment?" + idsQuery(ids)).path("bugs");
        for (Map.Entry<String, JsonNode> bug : (Iterable<Map.Entry<String, JsonNode>>) bugs::fields) {
            for (JsonNode comment : bug.getValue().path("comments")) {
                if (comment.path("count").asInt(-1) == 0) {
                    continue;
                }
                Instant at = JSON_FIELDS.required(comment, "creation_time");
                comments.add(new Comment(JSON_FIELDS.number(comment, "id"), JSON_FIELDS.integer(comment, "bug_id"),
                        new Actor(comment.path("creator").asText(""), ""), at, at, ItemType.ISSUE));
            }
        }
        return comments;
    }

    private static String idsQuery(List<Integer> ids) {
        return ids.stream().map(id -> "ids=" + id).collect(Collectors.joining("&"));
    }

    private Issue issue(JsonNode bug, List<StateEvent> changes, Map<String, Boolean> open) throws SourceException {
        int id = JSON_FIELDS.integer(bug, "id");
        // is_open where the instance gives it, else the status judged by its list
        boolean isOpen = bug.hasNonNull("is_open") ? bug.get("is_open").asBoolean()
                : isOpen(open, bug.path("status").asText(""));
        Instant updated = JSON_FIELDS.required(bug, "last_change_time");
        Instant closed = null;
        if (!isOpen) {
            // the last close in the history; a bug filed closed (or whose history is hidden) has none
            for (StateEvent e : changes) {
                closed = e.kind().closes() ? e.at() : closed;
            }
            closed = closed == null ? updated : closed;
        }
        List<String> labels = new ArrayList<>();
        bug.path("keywords").forEach(k -> labels.add(k.asText()));
        addLabel(labels, "component", bug.path("component").asText(""));
        addLabel(labels, "severity", bug.path("severity").asText(""));
        addLabel(labels, "resolution", bug.path("resolution").asText(""));
        return new Issue(id, id, bug.path("summary").asText(""), config.url() + "/show_bug.cgi?id=" + id,
                new Actor(bug.path("creator").asText(""), ""), "", JSON_FIELDS.required(bug, "creation_time"), updated, closed, false,
                null, false, labels, bug.path("status").asText(""));
    }

    private static void addLabel(List<String> labels, String prefix, String value) {
        if (!value.isBlank()) {
            labels.add(prefix + ":" + value);
        }
    }

    private JsonNode get(String pathAndQuery) throws SourceException {
        URI uri = URI.create(config.url() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("User-Agent", "gqm");
        if (key != null) {
            // a header, never the api_key parameter: URLs end up in logs
            request.header("X-BUGZILLA-API-KEY", key);
        }
        HttpResponse<byte[]> response = transport.exchange(request.build());
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new SourceException("Bugzilla sent malformed JSON for " + uri.getPath());
        }
        if (body == null || !body.isObject()) {
            throw new SourceException("Bugzilla sent malformed JSON for " + uri.getPath() + ": expected an object");
        }
        if (body.path("error").asBoolean(false)) {
            throw new SourceException(errorText(body, uri.getPath()));
        }
        return body;
    }

    /** What Bugzilla means by an answer that is not a success. */
    private HttpTransport.Decision judge(HttpResponse<byte[]> response) throws SourceException {
        int status = response.statusCode();
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        if ((status == 429 || status == 503) && retryAfter.isPresent()) {
            Duration wait = Duration.ofSeconds(transport.seconds(retryAfter.get()));
            return new HttpTransport.Decision.Wait("limit", wait,
                    "Bugzilla asks to wait " + wait.toSeconds() + " s (HTTP " + status + ")",
                    "Bugzilla asks to wait " + wait.toSeconds() + " s",
                    "Bugzilla kept refusing (HTTP " + status + ") after " + HttpTransport.MAX_RETRIES
                            + " waits; try again later", null);
        }
        if (status >= 500 || status == 429) {
            return new HttpTransport.Decision.Fault("Bugzilla answered HTTP " + status);
        }
        JsonNode body = null;
        try {
            body = json.readTree(response.body());
        } catch (IOException | RuntimeException e) {
            // not JSON: the status alone speaks
        }
        int code = body == null ? 0 : body.path("code").asInt(0);
        // 306: invalid API key; 410: login required; 32000: login or key not accepted
        if (status == 401 || code == 306 || code == 410) {
            return new HttpTransport.Decision.Fail("bad credentials for Bugzilla " + config.url()
                    + ": check " + BugzillaTracker.KEY_VARIABLE);
        }
        String path = response.request().uri().getPath();
        if (body != null && body.hasNonNull("message")) {
            return new HttpTransport.Decision.Fail(errorText(body, path));
        }
        if (status == 404) {
            return new HttpTransport.Decision.Fail("Bugzilla at " + config.url()
                    + " has no REST API at " + path + " (HTTP 404)");
        }
        return new HttpTransport.Decision.Fail("Bugzilla answered HTTP " + status + " for " + path);
    }

    /** Bugzilla's {@code {"error": true, "code": …, "message": …}} as one line. */
    private static String errorText(JsonNode body, String path) {
        String message = body.path("message").asText("").replaceAll("\\s+", " ").strip();
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        return "Bugzilla refused " + path + ": " + (message.isEmpty() ? "no reason given" : message)
                + (body.has("code") ? " (code " + body.path("code").asText() + ")" : "");
    }

    private static void deliver(IssueSink sink, IssueSink.Page page) {
        try {
            sink.page(page);
        } catch (Exception e) {
            throw new IssueSinkFailure(e);
        }
    }
}

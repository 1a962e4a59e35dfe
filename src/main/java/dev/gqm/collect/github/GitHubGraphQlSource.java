package dev.gqm.collect.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.IssueSinkFailure;
import dev.gqm.collect.IssueSource;
import dev.gqm.collect.ItemType;
import dev.gqm.collect.Review;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.StateEvent;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A GitHub repository's issues and pull requests over the GraphQL API, each with its comments,
 * reviews and state events (closed, reopened, merged) in the same answer: one request reads a
 * page of items and what happened on them, and a nested list longer than its first page is read
 * on by the item's node id. The records are the REST path's ({@link GitHubIssueSource}): ids are
 * GitHub's database ids, a bot's login carries the {@code [bot]} suffix REST gives it.
 *
 * <p>GraphQL counts points, not requests: every query asks for its {@code rateLimit}, the points
 * are summed ({@link #points()}), and when none remain the next query waits for the reset. A
 * 502 or 504 (GitHub's answer to a query too heavy to finish in time) halves the page and asks
 * again, a bounded number of times.
 */
public final class GitHubGraphQlSource implements IssueSource {
    public static final String ISSUES = "gql-issues";
    public static final String PULLS = "gql-pulls";
    /** The streams of {@link #collectOpen}. */
    public static final String OPEN_ISSUES = "gql-issues:open";
    public static final String OPEN_PULLS = "gql-pulls:open";
    /** Added to an open stream's name: the items closed since as-of that its first pass reads. */
    static final String CLOSED_SINCE = ":closed-since";
    private static final List<String> ISSUE_STATES = List.of("OPEN", "CLOSED");
    private static final List<String> PULL_STATES = List.of("OPEN", "CLOSED", "MERGED");
    private static final List<String> OPEN = List.of("OPEN");
    static final int PAGE_SIZE = 100;
    static final int NESTED_PAGE_SIZE = 100;
    private static final int MAX_HALVINGS = 3;
    private static final Pattern OWNER_REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final JsonFields FIELDS = new JsonFields("GitHub");

    private static final String ACTOR = "{ __typename login }";
    private static final String PAGE_INFO = "pageInfo { hasNextPage endCursor }";
    private static final String COMMENT = "fullDatabaseId createdAt updatedAt author " + ACTOR;
    private static final String REVIEW = "fullDatabaseId submittedAt state author " + ACTOR;
    private static final String RATE_LIMIT = "rateLimit { cost remaining resetAt }";

    /** A nested list of an item: its field with arguments (without first/after) and its nodes' fields. */
    private enum Nested {
        COMMENTS("comments", "", COMMENT),
        REVIEWS("reviews", "", REVIEW),
        ISSUE_EVENTS("timelineItems", ", itemTypes: [CLOSED_EVENT, REOPENED_EVENT]",
                "__typename" + event("ClosedEvent") + event("ReopenedEvent")),
        PULL_EVENTS("timelineItems", ", itemTypes: [CLOSED_EVENT, REOPENED_EVENT, MERGED_EVENT]",
                "__typename" + event("ClosedEvent") + event("ReopenedEvent") + event("MergedEvent"));

        final String field;
        final String arguments;
        final String nodes;

        Nested(String field, String arguments, String nodes) {
            this.field = field;
            this.arguments = arguments;
            this.nodes = nodes;
        }

        /** The list as the item's query asks for it: its first page. */
        String first(int size) {
            return field + "(first: " + size + arguments + ") { " + PAGE_INFO + " nodes { " + nodes + " } }";
        }

        /** The query for the list's later pages, by the item's node id. */
        String rest(String type) {
            return "query($id: ID!, $n: Int!, $after: String) { " + RATE_LIMIT + " node(id: $id) { ... on " + type
                    + " { " + field + "(first: $n, after: $after" + arguments + ") { " + PAGE_INFO + " nodes { "
                    + nodes + " } } } } }";
        }
    }

    private static String event(String type) {
        return " ... on " + type + " { createdAt actor " + ACTOR + " }";
    }

    private static final String ITEM = "id fullDatabaseId number title url createdAt updatedAt closedAt state"
            + " author " + ACTOR + " authorAssociation labels(first: 100) { nodes { name } } "
            + Nested.COMMENTS.first(50);
    static final String ISSUES_QUERY = "query($owner: String!, $name: String!, $n: Int!, $after: String,"
            + " $since: DateTime, $states: [IssueState!]) { " + RATE_LIMIT + " repository(owner: $owner, name: $name) {"
            + " issues(first: $n, after: $after, orderBy: {field: UPDATED_AT, direction: ASC},"
            + " filterBy: {since: $since}, states: $states) { " + PAGE_INFO + " nodes { " + ITEM + " "
            + Nested.ISSUE_EVENTS.first(50) + " } } } }";
    static final String PULLS_QUERY = "query($owner: String!, $name: String!, $n: Int!, $after: String,"
            + " $states: [PullRequestState!]) { " + RATE_LIMIT + " repository(owner: $owner, name: $name) {"
            + " pullRequests(first: $n, after: $after, orderBy: {field: UPDATED_AT, direction: DESC},"
            + " states: $states) { "
            + PAGE_INFO + " nodes { " + ITEM + " mergedAt isDraft " + Nested.REVIEWS.first(50) + " "
            + Nested.PULL_EVENTS.first(50) + " } } } }";

    private final String ownerRepo;
    private final URI endpoint;
    private final String authorization;
    private final HttpTransport transport;
    private final Consumer<String> progress;
    private final ObjectMapper json = new ObjectMapper();
    private int pageSize = PAGE_SIZE;
    private int points;
    /** When the last answer said no points remain: its reset, waited for before the next query. */
    private Instant spentUntil;

    /**
     * @param endpoint the GraphQL endpoint ({@link GitHubTracker#graphQlEndpoint(String)})
     * @param token required: GitHub's GraphQL API has no anonymous access
     */
    public GitHubGraphQlSource(String ownerRepo, String endpoint, String token, Sleeper sleeper, Clock clock,
                               Consumer<String> progress, Duration waitBudget) {
        if (ownerRepo == null || !OWNER_REPO.matcher(ownerRepo).matches()) {
            throw new IllegalArgumentException("not a GitHub repository as OWNER/REPO: " + ownerRepo);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("GitHub's GraphQL API needs a token");
        }
        this.ownerRepo = ownerRepo;
        this.endpoint = URI.create(endpoint);
        if (this.endpoint.getScheme() == null || this.endpoint.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL for the GitHub API: " + endpoint);
        }
        this.authorization = "bearer " + token;
        this.transport = new HttpTransport("GitHub", this.endpoint, this::judge, sleeper, clock, progress, waitBudget,
                HttpTransport.RESPONSE_DEADLINE);
        this.progress = progress;
    }

    @Override
    public String repository() {
        return ownerRepo;
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
    public int points() {
        return points;
    }

    @Override
    public void collect(Map<String, Instant> cursors, Map<String, IssueSink.Etag> etags, IssueSink sink)
            throws SourceException {
        issues(ISSUES, cursors.get(ISSUES), ISSUE_STATES, sink);
        pulls(PULLS, cursors.get(PULLS), PULL_STATES, sink);
    }

    @Override
    public boolean collectsOpenOnly() {
        return true;
    }

    /**
     * A stream without a cursor asks for the open items ({@code states: OPEN}), then for those
     * closed since {@code closedSince} (open then; asked second, so that an item closed while the open
     * ones are read is among them); one with a cursor for all changed since, each changed item
     * with its lists whole, so an item reopened since comes with its earlier activity.
     */
    @Override
    public void collectOpen(Instant closedSince, java.util.Set<Integer> held, Map<String, Instant> cursors,
                            Map<String, IssueSink.Etag> etags, IssueSink sink) throws SourceException {
        // The closed ones into streams of their own: the open listing's cursor alone makes a
        // stream's. A pass stopped among the closed ones leaves a cursor: the next run reads all
        // changed since it, which covers what that run's own (later) as-of needs.
        Instant issuesSince = cursors.get(OPEN_ISSUES);
        if (issuesSince == null) {
            issues(OPEN_ISSUES, null, OPEN, sink);
            issues(OPEN_ISSUES + CLOSED_SINCE, closedSince, List.of("CLOSED"), sink);
        } else {
            issues(OPEN_ISSUES, issuesSince, ISSUE_STATES, sink);
        }
        Instant pullsSince = cursors.get(OPEN_PULLS);
        if (pullsSince == null) {
            pulls(OPEN_PULLS, null, OPEN, sink);
            pulls(OPEN_PULLS + CLOSED_SINCE, closedSince, List.of("CLOSED", "MERGED"), sink);
        } else {
            pulls(OPEN_PULLS, pullsSince, PULL_STATES, sink);
        }
    }

    // Oldest first from the cursor (GitHub's `since` includes it): every page moves the cursor.
    private void issues(String stream, Instant since, List<String> states, IssueSink sink) throws SourceException {
        String after = null;
        Instant cursor = since;
        int pages = 0;
        do {
            if (pages > 0 && pages % GitHubIssueSource.PROGRESS_PAGES == 0) {
                progress.accept("GitHub " + stream + ": " + pages * pageSize + " read");
            }
            Map<String, Object> variables = repositoryVariables(after);
            variables.put("since", since == null ? null : since.toString());
            variables.put("states", states);
            JsonNode listing = query(ISSUES_QUERY, variables).path("repository").path("issues");
            Records records = new Records(since);
            for (JsonNode node : listing.path("nodes")) {
                Issue issue = records.item(node, false);
                cursor = cursor == null || issue.updatedAt().isAfter(cursor) ? issue.updatedAt() : cursor;
            }
            after = next(listing);
            pages++;
            if (!records.items.isEmpty()) {
                deliver(sink, records.page(stream, cursor));
            }
        } while (after != null);
    }

    // Newest first down to the cursor (pull requests have no `since`); the cursor moves only with
    // the last page, so a run stopped midway reads them again from the newest.
    private void pulls(String stream, Instant since, List<String> states, IssueSink sink) throws SourceException {
        String after = null;
        Instant newest = null;
        do {
            Map<String, Object> variables = repositoryVariables(after);
            variables.put("states", states);
            JsonNode listing = query(PULLS_QUERY, variables).path("repository").path("pullRequests");
            Records records = new Records(since);
            boolean reachedCursor = false;
            for (JsonNode node : listing.path("nodes")) {
                if (since != null && FIELDS.required(node, "updatedAt").isBefore(since)) {
                    reachedCursor = true;
                    break;
                }
                Issue pull = records.item(node, true);
                newest = newest == null || pull.updatedAt().isAfter(newest) ? pull.updatedAt() : newest;
            }
            after = reachedCursor ? null : next(listing);
            Instant cursor = after == null ? newest : null;
            if (!records.items.isEmpty() || cursor != null) {
                deliver(sink, records.page(stream, cursor));
            }
        } while (after != null);
    }

    /**
     * The records of one page of items, nested lists read whole, except for an item updated at
     * the stream's cursor itself: GitHub's {@code since} includes the cursor, so the run that set
     * it stored that item, whole, at that very update, and its first pages are enough.
     */
    private final class Records {
        final Instant since;
        final List<Issue> items = new ArrayList<>();
        final List<Comment> comments = new ArrayList<>();
        final List<Review> reviews = new ArrayList<>();
        final List<StateEvent> events = new ArrayList<>();

        Records(Instant since) {
            this.since = since;
        }

        Issue item(JsonNode node, boolean pull) throws SourceException {
            Issue issue = issue(node, pull);
            boolean known = issue.updatedAt().equals(since);
            items.add(issue);
            int number = issue.number();
            String type = pull ? "PullRequest" : "Issue";
            for (JsonNode c : whole(node, Nested.COMMENTS, type, known)) {
                comments.add(new Comment(id(c), number, actor(c.path("author")), FIELDS.required(c, "createdAt"),
                        FIELDS.required(c, "updatedAt"), ItemType.EITHER));
            }
            if (pull) {
                for (JsonNode r : whole(node, Nested.REVIEWS, type, known)) {
                    reviews.add(new Review(id(r), number, actor(r.path("author")), FIELDS.optional(r, "submittedAt"),
                            r.path("state").asText("")));
                }
            }
            List<StateEvent> own = new ArrayList<>();
            for (JsonNode e : whole(node, pull ? Nested.PULL_EVENTS : Nested.ISSUE_EVENTS, type, known)) {
                StateEvent.Kind kind = switch (e.path("__typename").asText("")) {
                    case "ClosedEvent" -> StateEvent.Kind.CLOSED;
                    case "ReopenedEvent" -> StateEvent.Kind.REOPENED;
                    case "MergedEvent" -> StateEvent.Kind.MERGED;
                    default -> null;
                };
                if (kind != null) {
                    own.add(new StateEvent(ItemType.EITHER, number, actor(e.path("actor")),
                            FIELDS.required(e, "createdAt"), kind));
                }
            }
            // GitHub records a merge twice, merged and closed at one instant: the merge is the close
            Set<Instant> merges = new HashSet<>();
            own.stream().filter(e -> e.kind() == StateEvent.Kind.MERGED).forEach(e -> merges.add(e.at()));
            own.removeIf(e -> e.kind() == StateEvent.Kind.CLOSED && merges.contains(e.at()));
            events.addAll(own);
            return issue;
        }

        /**
         * The page; a pull request's merge time and draft flag go as its change fields too, as the
         * REST path's pull listing gives them, so that ones a REST run stored earlier give way.
         */
        IssueSink.Page page(String stream, Instant cursor) {
            List<Issue> changeFields = items.stream().filter(Issue::changeRequest).toList();
            return new IssueSink.Page(stream, items, changeFields, comments, reviews, events, null, cursor, null);
        }
    }

    /**
     * The nodes of an item's nested list: its first page from the item, the rest asked for by the
     * item's id unless {@code firstOnly}.
     */
    private List<JsonNode> whole(JsonNode item, Nested nested, String type, boolean firstOnly)
            throws SourceException {
        JsonNode list = item.path(nested.field);
        List<JsonNode> nodes = new ArrayList<>();
        list.path("nodes").forEach(nodes::add);
        String after = firstOnly ? null : next(list);
        while (after != null) {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("id", item.path("id").asText());
            variables.put("after", after);
            JsonNode more = query(nested.rest(type), variables, false).path("node").path(nested.field);
            more.path("nodes").forEach(nodes::add);
            String following = next(more);
            if (following != null && following.equals(after)) {
                throw FIELDS.malformed("the " + nested.field + " of " + type + " #" + item.path("number").asText()
                        + " repeat the page after " + after);
            }
            after = following;
        }
        return nodes;
    }

    private static String next(JsonNode connection) {
        JsonNode info = connection.path("pageInfo");
        return info.path("hasNextPage").asBoolean(false) && info.hasNonNull("endCursor")
                ? info.path("endCursor").asText() : null;
    }

    private Map<String, Object> repositoryVariables(String after) {
        Map<String, Object> variables = new LinkedHashMap<>();
        int slash = ownerRepo.indexOf('/');
        variables.put("owner", ownerRepo.substring(0, slash));
        variables.put("name", ownerRepo.substring(slash + 1));
        variables.put("after", after);
        return variables;
    }

    private Issue issue(JsonNode node, boolean pull) throws SourceException {
        List<String> labels = new ArrayList<>();
        for (JsonNode label : node.path("labels").path("nodes")) {
            labels.add(label.path("name").asText(""));
        }
        // REST says "open" or "closed"; a merged pull request is closed there
        String state = node.path("state").asText("").toLowerCase(Locale.ROOT);
        return new Issue(id(node), FIELDS.integer(node, "number"), node.path("title").asText(""),
                node.path("url").asText(""), actor(node.path("author")), node.path("authorAssociation").asText(""),
                FIELDS.required(node, "createdAt"), FIELDS.required(node, "updatedAt"),
                FIELDS.optional(node, "closedAt"), pull, pull ? FIELDS.optional(node, "mergedAt") : null,
                node.path("isDraft").asBoolean(false), labels, state.equals("merged") ? "closed" : state);
    }

    /** GitHub's database id, the REST id: a BigInt, which GraphQL sends as a string. */
    private static long id(JsonNode node) throws SourceException {
        JsonNode value = node.get("fullDatabaseId");
        if (value != null && value.isTextual()) {
            try {
                return Long.parseLong(value.asText());
            } catch (NumberFormatException e) {
                throw FIELDS.malformed("an item has an unreadable fullDatabaseId");
            }
        }
        return FIELDS.number(node, "fullDatabaseId");
    }

    /**
     * An author or actor as REST names it: a deleted account (null) has an empty login, and a bot,
     * whose GraphQL login lacks it, the {@code [bot]} suffix of its REST login.
     */
    static Actor actor(JsonNode author) {
        if (author == null || author.isNull() || author.isMissingNode()) {
            return new Actor("", "");
        }
        String type = author.path("__typename").asText("");
        String login = author.path("login").asText("");
        if (Actor.BOT.equals(type) && !login.isEmpty() && !login.endsWith("[bot]")) {
            login = login + "[bot]";
        }
        return new Actor(login, type);
    }

    // ---- the exchange ----

    /** A 502 or 504: the query took GitHub too long, and a smaller page may pass. */
    private static final class Overloaded extends SourceException {
        Overloaded(int status) {
            super("GitHub answered HTTP " + status);
        }
    }

    /** Asks a listing's {@code query} with the run's page size as {@code $n}. */
    private JsonNode query(String query, Map<String, Object> variables) throws SourceException {
        return query(query, variables, true);
    }

    /**
     * Asks {@code query} with a page size as {@code $n} (the run's for a listing, else a nested
     * list's), halving it on 502 and 504; a listing keeps the halved size for the rest of the run.
     */
    private JsonNode query(String query, Map<String, Object> variables, boolean listing) throws SourceException {
        int size = listing ? pageSize : NESTED_PAGE_SIZE;
        for (int halvings = 0; ; halvings++) {
            variables.put("n", size);
            try {
                return post(query, variables);
            } catch (Overloaded e) {
                if (halvings == MAX_HALVINGS || size == 1) {
                    throw new SourceException(e.getMessage() + " for " + ownerRepo + " even with pages of "
                            + size + " items; try again later");
                }
                size = Math.max(1, size / 2);
                if (listing) {
                    pageSize = size;
                }
                progress.accept("GitHub did not finish a page in time; asking for " + size + " items a page");
            }
        }
    }

    /** POSTs one query and gives its {@code data}, waiting out a spent budget first and after a RATE_LIMITED answer. */
    private JsonNode post(String query, Map<String, Object> variables) throws SourceException {
        for (int limited = 0; ; limited++) {
            if (spentUntil != null) {
                HttpTransport.Decision.Wait wait = GitHubHttp.primaryWait(spentUntil, transport);
                spentUntil = null;
                if (transport.waited().plus(wait.duration()).compareTo(transport.waitBudget()) > 0) {
                    throw new SourceException(wait.overBudget());
                }
                progress.accept(wait.announce());
                transport.pause(wait.duration(), wait.reason());
            }
            ObjectNode body = json.createObjectNode();
            body.put("query", query);
            body.set("variables", json.valueToTree(variables));
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("User-Agent", "gqm")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build();
            HttpResponse<byte[]> response = transport.exchange(request);
            JsonNode answer;
            try {
                answer = json.readTree(response.body());
            } catch (IOException e) {
                throw new SourceException("GitHub sent malformed JSON for " + endpoint.getPath());
            }
            if (answer == null || !answer.isObject()) {
                throw new SourceException("GitHub sent malformed JSON for " + endpoint.getPath() + ": expected an object");
            }
            JsonNode data = answer.path("data");
            readRateLimit(data.path("rateLimit"));
            JsonNode errors = answer.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                String type = first.path("type").asText("");
                if (type.equals("RATE_LIMITED") && limited < HttpTransport.MAX_RETRIES) {
                    spentUntil = resetOf(response).orElse(transport.clock().instant().plus(Duration.ofMinutes(1)));
                    continue;
                }
                throw error(type, first.path("message").asText(""));
            }
            if (!data.isObject()) {
                throw new SourceException("GitHub sent malformed JSON for " + endpoint.getPath() + ": no data");
            }
            return data;
        }
    }

    private void readRateLimit(JsonNode rateLimit) throws SourceException {
        if (!rateLimit.isObject()) {
            return;
        }
        points += rateLimit.path("cost").asInt(0);
        if (rateLimit.path("remaining").canConvertToInt() && rateLimit.path("remaining").asInt() <= 0) {
            spentUntil = FIELDS.optional(rateLimit, "resetAt");
        }
    }

    private Optional<Instant> resetOf(HttpResponse<byte[]> response) throws SourceException {
        Optional<String> reset = response.headers().firstValue("x-ratelimit-reset");
        return reset.isPresent() ? Optional.of(Instant.ofEpochSecond(transport.seconds(reset.get()))) : Optional.empty();
    }

    private SourceException error(String type, String message) {
        if (type.equals("NOT_FOUND")) {
            return new SourceException("repository not found or no access: " + ownerRepo);
        }
        String line = message.replaceAll("\\s+", " ").strip();
        if (line.length() > 200) {
            line = line.substring(0, 200) + "…";
        }
        return new SourceException("GitHub's GraphQL API refused the query for " + ownerRepo
                + (type.isEmpty() ? "" : " (" + type + ")") + ": " + line);
    }

    /** What GitHub means by an answer that is not a success. */
    private HttpTransport.Decision judge(HttpResponse<byte[]> response) throws SourceException {
        int status = response.statusCode();
        Optional<HttpTransport.Decision> limit = GitHubHttp.rateLimit(response, transport);
        if (limit.isPresent()) {
            return limit.get();
        }
        if (status == 502 || status == 504) {
            throw new Overloaded(status);
        }
        if (status >= 500) {
            return new HttpTransport.Decision.Fault("GitHub answered HTTP " + status);
        }
        if (status == 401) {
            return new HttpTransport.Decision.Fail("bad credentials for GitHub " + endpoint
                    + ": check GITHUB_TOKEN or GH_TOKEN");
        }
        if (status == 403) {
            return new HttpTransport.Decision.Fail("GitHub refused access (HTTP 403) to its GraphQL API:"
                    + " the token may lack the scope to read " + ownerRepo);
        }
        return new HttpTransport.Decision.Fail("GitHub answered HTTP " + status + " for " + endpoint.getPath());
    }

    private static void deliver(IssueSink sink, IssueSink.Page page) {
        try {
            sink.page(page);
        } catch (Exception e) {
            throw new IssueSinkFailure(e);
        }
    }
}

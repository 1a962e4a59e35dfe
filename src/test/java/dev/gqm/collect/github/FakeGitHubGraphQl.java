package dev.gqm.collect.github;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.FieldWiringEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A stand-in for GitHub's GraphQL API on 127.0.0.1: every query is executed against GitHub's
 * published schema ({@code src/test/resources/github-graphql/schema.graphql}), so one that asks
 * for a field, argument or fragment GitHub does not have fails as it would there (and is kept in
 * {@link #invalid}). The data are plain maps keyed by GitHub's field names, items and actors
 * carrying their {@code __typename}; every connection pages by {@code first}/{@code after}
 * (at most 100, as GitHub allows), the repository's issues by {@code filterBy.since} and
 * {@code orderBy}, timelines by {@code itemTypes}. {@code rateLimit} costs {@link #cost} a query
 * from {@link #remaining}; scripted answers (a 502) are served first.
 */
public final class FakeGitHubGraphQl implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static GraphQLSchema schema;

    public final List<Map<String, Object>> issues = Collections.synchronizedList(new ArrayList<>());
    public final List<Map<String, Object>> pulls = Collections.synchronizedList(new ArrayList<>());
    /** Each query's text and variables, in order. */
    public final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    public final List<Map<String, Object>> variables = Collections.synchronizedList(new ArrayList<>());
    public final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    /** The schema's objections to queries sent: empty when every query was valid. */
    public final List<String> invalid = Collections.synchronizedList(new ArrayList<>());
    public volatile int cost = 1;
    public volatile int remaining = 5000;
    public volatile String resetAt = "2030-01-01T00:00:00Z";

    private final String owner;
    private final String name;
    private record Fault(int status, Map<String, String> headers, String body) {
    }

    private final Deque<Fault> faults = new ArrayDeque<>();
    private final GraphQL graphQl;
    private final HttpServer server;

    public FakeGitHubGraphQl(String ownerRepo) throws IOException {
        this.owner = ownerRepo.split("/")[0];
        this.name = ownerRepo.split("/")[1];
        this.graphQl = GraphQL.newGraphQL(schema()).build();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The REST endpoint whose GraphQL endpoint this is: {@code …/api/v3}, as a GitHub Enterprise Server's. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3";
    }

    public String endpoint() {
        return GitHubTracker.graphQlEndpoint(apiUrl());
    }

    /** The next query is answered with HTTP {@code status} instead. */
    public void fail(int status) {
        fail(status, Map.of(), "{\"message\":\"We couldn't respond to your request in time.\"}");
    }

    /** The next query is answered with this instead. */
    public synchronized void fail(int status, Map<String, String> headers, String body) {
        faults.add(new Fault(status, headers, body));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- data builders ----

    public static Map<String, Object> actor(String type, String login) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("__typename", type);
        a.put("login", login);
        return a;
    }

    /** An issue (or with {@code pull}, a pull request) with no comments, reviews or events yet. */
    public Map<String, Object> addItem(boolean pull, long id, int number, Map<String, Object> author, String created,
                                       String updated, String closed, String... labels) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("__typename", pull ? "PullRequest" : "Issue");
        i.put("id", (pull ? "PR_" : "I_") + number);
        i.put("fullDatabaseId", String.valueOf(id));
        i.put("number", number);
        i.put("title", "item " + number);
        i.put("url", "https://github.com/" + owner + "/" + name + (pull ? "/pull/" : "/issues/") + number);
        i.put("createdAt", created);
        i.put("updatedAt", updated);
        i.put("closedAt", closed);
        i.put("state", closed == null ? "OPEN" : "CLOSED");
        i.put("author", author);
        i.put("authorAssociation", "MEMBER");
        List<Map<String, Object>> ls = new ArrayList<>();
        for (String l : labels) {
            ls.add(new LinkedHashMap<>(Map.of("name", l)));
        }
        i.put("labels", ls);
        i.put("comments", new ArrayList<Map<String, Object>>());
        i.put("timelineItems", new ArrayList<Map<String, Object>>());
        if (pull) {
            i.put("mergedAt", null);
            i.put("isDraft", false);
            i.put("reviews", new ArrayList<Map<String, Object>>());
            pulls.add(i);
        } else {
            issues.add(i);
        }
        return i;
    }

    public static void addComment(Map<String, Object> item, long id, Map<String, Object> author, String created,
                                  String updated) {
        append(item, "comments", "IssueComment", "fullDatabaseId", String.valueOf(id), "createdAt", created,
                "updatedAt", updated, "author", author);
    }

    public static void addReview(Map<String, Object> pull, long id, Map<String, Object> author, String submitted,
                                 String state) {
        append(pull, "reviews", "PullRequestReview", "fullDatabaseId", String.valueOf(id), "submittedAt", submitted,
                "state", state, "author", author);
    }

    /** Adds a node of {@code typename} with these field names and values to the item's list {@code field}. */
    @SuppressWarnings("unchecked")
    private static void append(Map<String, Object> item, String field, String typename, Object... fields) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("__typename", typename);
        for (int f = 0; f < fields.length; f += 2) {
            node.put((String) fields[f], fields[f + 1]);
        }
        ((List<Map<String, Object>>) item.get(field)).add(node);
    }

    /** A timeline event: ClosedEvent, ReopenedEvent, MergedEvent (or another type, to be skipped). */
    public static void addEvent(Map<String, Object> item, String type, Map<String, Object> actor, String at) {
        append(item, "timelineItems", type, "createdAt", at, "actor", actor);
    }

    // ---- the server ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            Map<String, Object> request;
            try (InputStream in = exchange.getRequestBody()) {
                request = JSON.readValue(in, new TypeReference<Map<String, Object>>() { });
            }
            String query = String.valueOf(request.get("query"));
            @SuppressWarnings("unchecked")
            Map<String, Object> vars = request.get("variables") == null ? Map.of()
                    : (Map<String, Object>) request.get("variables");
            queries.add(query);
            variables.add(vars);
            invalid.addAll(GitHubSchema.limits(query, vars));
            Fault fault;
            synchronized (this) {
                fault = faults.poll();
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/graphql")) {
                send(exchange, 404, "{\"message\":\"Not Found\"}");
                return;
            }
            if (fault != null) {
                fault.headers().forEach(exchange.getResponseHeaders()::add);
                send(exchange, fault.status(), fault.body());
                return;
            }
            Set<String> notFound = new HashSet<>();
            ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput().query(query).variables(vars)
                    .graphQLContext(Map.of("notFound", notFound, "server", this)).build());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", result.getData());
            List<Map<String, Object>> errors = new ArrayList<>();
            for (GraphQLError error : result.getErrors()) {
                invalid.add(error.getMessage());
                errors.add(Map.of("message", error.getMessage()));
            }
            for (String missing : notFound) {
                errors.add(Map.of("type", "NOT_FOUND", "path", List.of("repository"),
                        "message", "Could not resolve to a Repository with the name '" + missing + "'."));
            }
            if (!errors.isEmpty()) {
                body.put("errors", errors);
            }
            send(exchange, 200, JSON.writeValueAsString(body));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- the schema and its wiring ----

    private Map<String, Object> rateLimit() {
        synchronized (this) {
            remaining = remaining <= 0 ? 5000 - cost : remaining - cost;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("cost", cost);
            r.put("remaining", Math.max(0, remaining));
            r.put("resetAt", resetAt);
            r.put("limit", 5000);
            r.put("used", 5000 - Math.max(0, remaining));
            r.put("nodeCount", 0);
            return r;
        }
    }

    private Object repository(DataFetchingEnvironment env) {
        if (!owner.equals(env.getArgument("owner")) || !name.equals(env.getArgument("name"))) {
            Set<String> notFound = env.getGraphQlContext().get("notFound");
            notFound.add(env.getArgument("owner") + "/" + env.getArgument("name"));
            return null;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("__typename", "Repository");
        r.put("issues", new ArrayList<>(issues));
        r.put("pullRequests", new ArrayList<>(pulls));
        return r;
    }

    private Object node(DataFetchingEnvironment env) {
        String id = env.getArgument("id");
        synchronized (issues) {
            for (Map<String, Object> i : issues) {
                if (id.equals(i.get("id"))) {
                    return i;
                }
            }
        }
        synchronized (pulls) {
            for (Map<String, Object> p : pulls) {
                if (id.equals(p.get("id"))) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Any connection: the source map's list under the field's name, filtered, ordered and paged. */
    @SuppressWarnings("unchecked")
    private static Object connection(DataFetchingEnvironment env) {
        Map<String, Object> source = env.getSource();
        List<Map<String, Object>> all = new ArrayList<>((List<Map<String, Object>>) source.getOrDefault(
                env.getField().getName(), List.of()));
        Map<String, Object> filterBy = env.getArgument("filterBy");
        if (filterBy != null && filterBy.get("since") != null) {
            Instant since = Instant.parse(String.valueOf(filterBy.get("since")));
            all.removeIf(i -> Instant.parse(String.valueOf(i.get("updatedAt"))).isBefore(since));
        }
        List<String> states = env.getArgument("states");
        if (states != null) {
            all.removeIf(i -> !states.contains(String.valueOf(i.get("state"))));
        }
        List<String> itemTypes = env.getArgument("itemTypes");
        if (itemTypes != null) {
            Set<String> typenames = itemTypes.stream().map(GitHubSchema::typename).collect(Collectors.toSet());
            all.removeIf(e -> !typenames.contains(String.valueOf(e.get("__typename"))));
        }
        Map<String, Object> orderBy = env.getArgument("orderBy");
        if (orderBy != null && "UPDATED_AT".equals(orderBy.get("field"))) {
            Comparator<Map<String, Object>> byUpdated =
                    Comparator.comparing(i -> Instant.parse(String.valueOf(i.get("updatedAt"))));
            all.sort("DESC".equals(orderBy.get("direction")) ? byUpdated.reversed() : byUpdated);
        }
        return GitHubSchema.page(all, env.getField().getName(), env.getArgument("first"), env.getArgument("after"));
    }

    private static FakeGitHubGraphQl server(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get("server");
    }

    /** One field's data fetcher for the shared schema: the serving instance comes in the query's context. */
    private static DataFetcher<?> fetcher(FieldWiringEnvironment env) {
        String parent = env.getParentType().getName();
        String field = env.getFieldDefinition().getName();
        if (parent.equals("Query")) {
            return switch (field) {
                case "rateLimit" -> e -> server(e).rateLimit();
                case "repository" -> e -> server(e).repository(e);
                case "node" -> e -> server(e).node(e);
                default -> null;
            };
        }
        String type = GraphQLTypeUtil.simplePrint(env.getFieldType()).replaceAll("[\\[\\]!]", "");
        return type.endsWith("Connection") ? FakeGitHubGraphQl::connection : null;
    }

    private static synchronized GraphQLSchema schema() throws IOException {
        if (schema == null) {
            schema = GitHubSchema.executable(FakeGitHubGraphQl::fetcher);
        }
        return schema;
    }
}

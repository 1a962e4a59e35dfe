package dev.gqm.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.github.GitHubSchema;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.FieldWiringEnvironment;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The synthetic repository of {@link SyntheticGitHub} over GitHub's GraphQL API, executed against
 * GitHub's published schema ({@link GitHubSchema}), so that a query GitHub would refuse fails here
 * too. Items are made from their number for the page asked, as the REST side does. A query costs
 * what GitHub's documented formula gives: every connection asked for counts once per parent
 * that may hold it (the product of the {@code first} of the connections above it), and the sum
 * over 100, rounded, at least 1.
 */
final class SyntheticGitHubGraphQl {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUDGET = 1_000_000;

    private final SyntheticGitHub github;
    private final String owner;
    private final String name;
    private final GraphQL graphQl;
    private final AtomicLong points = new AtomicLong();
    private final AtomicLong spent = new AtomicLong();

    SyntheticGitHubGraphQl(SyntheticGitHub github, String ownerRepo) throws IOException {
        this.github = github;
        this.owner = ownerRepo.split("/")[0];
        this.name = ownerRepo.split("/")[1];
        this.graphQl = GraphQL.newGraphQL(GitHubSchema.executable(this::fetcher)).build();
    }

    /** Points spent since the last reset. */
    long points(boolean reset) {
        return reset ? points.getAndSet(0) : points.get();
    }

    /** The answer to one POSTed request body: {@code data} and any {@code errors}, as JSON. */
    String answer(byte[] body) throws IOException {
        Map<String, Object> request = JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
        String query = String.valueOf(request.get("query"));
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = request.get("variables") == null ? Map.of()
                : (Map<String, Object>) request.get("variables");
        List<String> refused = dev.gqm.collect.github.GitHubSchema.limits(query, variables);
        if (!refused.isEmpty()) {
            // as GitHub refuses a query over its limits: nothing run, nothing spent
            return JSON.writeValueAsString(Map.of("errors", List.of(Map.of("type", "MAX_NODE_LIMIT_EXCEEDED",
                    "message", String.join("; ", refused)))));
        }
        int cost = cost(query, variables);
        points.addAndGet(cost);
        spent.addAndGet(cost);
        ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput().query(query).variables(variables)
                .graphQLContext(Map.of("cost", cost)).build());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("data", result.getData());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (GraphQLError error : result.getErrors()) {
            errors.add(Map.of("message", error.getMessage()));
        }
        if (!errors.isEmpty()) {
            answer.put("errors", errors);
        }
        return JSON.writeValueAsString(answer);
    }

    // ---- cost ----

    static int cost(String query, Map<String, Object> variables) {
        long requests = 0;
        for (var definition : Parser.parse(query).getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                requests += connections(operation.getSelectionSet(), 1, variables);
            }
        }
        return (int) Math.max(1, Math.round(requests / 100.0));
    }

    private static long connections(SelectionSet set, long parents, Map<String, Object> variables) {
        if (set == null) {
            return 0;
        }
        long requests = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                Argument first = field.getArguments().stream().filter(a -> a.getName().equals("first")).findFirst()
                        .orElse(null);
                long under = parents;
                if (first != null) {
                    requests += parents;
                    under = parents * size(first, variables);
                }
                requests += connections(field.getSelectionSet(), under, variables);
            } else if (selection instanceof InlineFragment fragment) {
                requests += connections(fragment.getSelectionSet(), parents, variables);
            }
        }
        return requests;
    }

    private static long size(Argument first, Map<String, Object> variables) {
        if (first.getValue() instanceof IntValue value) {
            return value.getValue().longValue();
        }
        if (first.getValue() instanceof VariableReference ref && variables.get(ref.getName()) instanceof Number n) {
            return n.longValue();
        }
        return 100;
    }

    // ---- data ----

    private DataFetcher<?> fetcher(FieldWiringEnvironment env) {
        String parent = env.getParentType().getName();
        String field = env.getFieldDefinition().getName();
        if (parent.equals("Query")) {
            return switch (field) {
                case "rateLimit" -> this::rateLimit;
                case "repository" -> this::repository;
                case "node" -> this::node;
                default -> null;
            };
        }
        if (parent.equals("Repository") && (field.equals("issues") || field.equals("pullRequests"))) {
            return e -> listing(e, field.equals("pullRequests"));
        }
        String type = GraphQLTypeUtil.simplePrint(env.getFieldType()).replaceAll("[\\[\\]!]", "");
        return type.endsWith("Connection") ? SyntheticGitHubGraphQl::nested : null;
    }

    private Object rateLimit(DataFetchingEnvironment env) {
        int cost = env.getGraphQlContext().get("cost");
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("cost", cost);
        r.put("remaining", Math.max(0, BUDGET - spent.get()));
        r.put("resetAt", "2100-01-01T00:00:00Z");
        r.put("limit", BUDGET);
        r.put("used", spent.get());
        return r;
    }

    private Object repository(DataFetchingEnvironment env) {
        if (!owner.equals(env.getArgument("owner")) || !name.equals(env.getArgument("name"))) {
            return null;
        }
        return Map.of("__typename", "Repository");
    }

    private Object node(DataFetchingEnvironment env) {
        String id = env.getArgument("id");
        int underscore = id.indexOf('_');
        int number = Integer.parseInt(id.substring(underscore + 1));
        boolean pull = id.startsWith("PR_");
        return number >= 1 && number <= github.items() && github.isPull(number) == pull ? item(number) : null;
    }

    private String state(int number) {
        if (github.open(number)) {
            return "OPEN";
        }
        return github.mergedAt(number) != 0 ? "MERGED" : "CLOSED";
    }

    /** The repository's issues or pull requests: by state, {@code filterBy.since} and {@code orderBy}, paged. */
    private Object listing(DataFetchingEnvironment env, boolean pulls) {
        List<String> states = env.getArgument("states");
        Map<String, Object> filterBy = env.getArgument("filterBy");
        long since = filterBy == null || filterBy.get("since") == null ? Long.MIN_VALUE
                : Instant.parse(String.valueOf(filterBy.get("since"))).toEpochMilli();
        Map<String, Object> orderBy = env.getArgument("orderBy");
        boolean byUpdate = orderBy != null && "UPDATED_AT".equals(orderBy.get("field"));
        boolean descending = orderBy != null && "DESC".equals(orderBy.get("direction"));
        int[] order = github.numbersByUpdate();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            int number = byUpdate ? order[descending ? order.length - 1 - i : i] : descending ? order.length - i : i + 1;
            if (github.isPull(number) == pulls && (states == null || states.contains(state(number)))
                    && github.updatedAt(number) >= since) {
                numbers.add(number);
            }
        }
        Map<String, Object> page = GitHubSchema.page(numbers, env.getField().getName(), env.getArgument("first"),
                env.getArgument("after"));
        @SuppressWarnings("unchecked")
        List<Integer> shown = (List<Integer>) page.get("nodes");
        page.put("nodes", shown.stream().map(this::item).toList());
        return page;
    }

    /** An item's own list (labels, comments, reviews, timeline by {@code itemTypes}), paged. */
    @SuppressWarnings("unchecked")
    private static Object nested(DataFetchingEnvironment env) {
        Map<String, Object> source = env.getSource();
        List<Map<String, Object>> all = new ArrayList<>((List<Map<String, Object>>) source.getOrDefault(
                env.getField().getName(), List.of()));
        List<String> itemTypes = env.getArgument("itemTypes");
        if (itemTypes != null) {
            List<String> typenames = itemTypes.stream().map(GitHubSchema::typename).toList();
            all.removeIf(e -> !typenames.contains(String.valueOf(e.get("__typename"))));
        }
        return GitHubSchema.page(all, env.getField().getName(), env.getArgument("first"), env.getArgument("after"));
    }

    private static Map<String, Object> actor(String type, String login) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("__typename", type);
        a.put("login", login);
        return a;
    }

    private static Map<String, Object> node(String typename, Object... fields) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("__typename", typename);
        for (int f = 0; f < fields.length; f += 2) {
            n.put((String) fields[f], fields[f + 1]);
        }
        return n;
    }

    /** Item {@code number} as GitHub's GraphQL API gives it, with its lists. */
    private Map<String, Object> item(int number) {
        boolean pull = github.isPull(number);
        long closed = github.closedAt(number);
        long merged = github.mergedAt(number);
        String url = github.url() + "/" + owner + "/" + name + (pull ? "/pull/" : "/issues/") + number;
        Map<String, Object> i = node(pull ? "PullRequest" : "Issue",
                "id", (pull ? "PR_" : "I_") + number,
                "fullDatabaseId", String.valueOf((pull ? 2_000_000_000L : 1_000_000_000L) + number),
                "number", number, "title", "Item " + number + ": something to look at", "url", url,
                "createdAt", SyntheticGitHub.time(SyntheticGitHub.created(number)),
                "updatedAt", SyntheticGitHub.time(github.updatedAt(number)),
                "closedAt", closed == 0 ? null : SyntheticGitHub.time(closed), "state", state(number),
                "author", actor("User", SyntheticGitHub.login(number)),
                "authorAssociation", number % 5 == 0 ? "MEMBER" : "CONTRIBUTOR");
        i.put("labels", number % 3 == 1 ? List.of(node("Label", "name", "bug")) : List.of());
        List<Map<String, Object>> comments = new ArrayList<>();
        for (long id : github.commentIds(number)) {
            String at = SyntheticGitHub.time(github.commentAt(id));
            comments.add(node("IssueComment", "fullDatabaseId", String.valueOf(id), "createdAt", at, "updatedAt", at,
                    "author", actor(SyntheticGitHub.commentByBot(id) ? "Bot" : "User",
                            SyntheticGitHub.commentLogin(number, id))));
        }
        i.put("comments", comments);
        List<Map<String, Object>> timeline = new ArrayList<>();
        Map<String, Object> closer = actor("User", SyntheticGitHub.login(number + 1));
        if (merged != 0) {
            timeline.add(node("MergedEvent", "createdAt", SyntheticGitHub.time(merged), "actor", closer));
        }
        if (closed != 0) {
            timeline.add(node("ClosedEvent", "createdAt", SyntheticGitHub.time(closed), "actor", closer));
        }
        i.put("timelineItems", timeline);
        if (pull) {
            i.put("mergedAt", merged == 0 ? null : SyntheticGitHub.time(merged));
            i.put("isDraft", github.draft(number));
            List<Map<String, Object>> reviews = new ArrayList<>();
            for (int r = 0; r < SyntheticGitHub.reviewCount(number); r++) {
                reviews.add(node("PullRequestReview", "fullDatabaseId", String.valueOf(number * 10L + r),
                        "submittedAt", SyntheticGitHub.time(SyntheticGitHub.reviewAt(number, r)),
                        "state", r == 0 ? "COMMENTED" : "APPROVED",
                        "author", actor("User", SyntheticGitHub.reviewLogin(number, r))));
            }
            i.put("reviews", reviews);
        }
        return i;
    }
}

package dev.gqm.collect.github;

import dev.gqm.collect.IssueSource;
import dev.gqm.collect.Tracker;
import dev.gqm.collect.TrackerOption;
import dev.gqm.collect.http.Sleeper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * GitHub (github.com or an Enterprise Server), as a tracker source: over its GraphQL API when a
 * token is there (GitHub's GraphQL API needs one), else over REST; {@value #API} chooses. Both
 * store the same records under one location, so a store may be filled by either.
 */
public final class GitHubTracker implements Tracker {
    static final String REPOSITORY = "--github";
    static final String API_URL = "--github-api-url";
    static final String API = "--github-api";
    static final String DEFAULT_API_URL = "https://api.github.com";
    private static final Pattern OWNER_REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    @Override
    public String kind() {
        return "github";
    }

    @Override
    public String name() {
        return "GitHub";
    }

    @Override
    public List<TrackerOption> options() {
        return List.of(
                new TrackerOption(REPOSITORY, "OWNER/REPO", "GitHub repository for the issue and change-request metrics.",
                        null, "github"),
                new TrackerOption(API_URL, "URL", "GitHub REST endpoint; GitHub Enterprise Server is https://HOST/api/v3."
                        + " Default: " + DEFAULT_API_URL + ".", DEFAULT_API_URL, "github_api_url"),
                new TrackerOption(API, "graphql|rest", "GitHub API to read: graphql (needs a token) or rest."
                        + " Default: graphql when GITHUB_TOKEN or GH_TOKEN is set, else rest.", null, "github_api"));
    }

    @Override
    public Optional<Tracker.Configured> configure(Map<String, String> values) {
        String repository = values.get(REPOSITORY);
        if (repository == null) {
            return Optional.empty();
        }
        if (!OWNER_REPO.matcher(repository).matches()) {
            throw new IllegalArgumentException("bad " + REPOSITORY + " '" + repository + "': expected OWNER/REPO");
        }
        String apiUrl = values.getOrDefault(API_URL, DEFAULT_API_URL);
        if (!apiUrl.matches("^https?://[^/\\s]+.*")) {
            throw new IllegalArgumentException("bad " + API_URL + " '" + apiUrl + "': expected an http(s) URL");
        }
        String api = values.get(API);
        if (api != null && !api.equals(GRAPHQL) && !api.equals(REST)) {
            throw new IllegalArgumentException("bad " + API + " '" + api + "': expected graphql or rest");
        }
        return Optional.of(new Configured(repository, apiUrl.replaceAll("/+$", ""), api));
    }

    static final String GRAPHQL = "graphql";
    static final String REST = "rest";

    /** The GraphQL endpoint of a REST endpoint: {@code …/api/v3} becomes {@code …/api/graphql}, else {@code /graphql} is appended. */
    static String graphQlEndpoint(String apiUrl) {
        String base = apiUrl.replaceAll("/+$", "");
        return base.endsWith("/api/v3") ? base.substring(0, base.length() - "/v3".length()) + "/graphql"
                : base + "/graphql";
    }

    /** @param api the API asked for, or null for the default */
    private record Configured(String repository, String apiUrl, String api) implements Tracker.Configured {
        /** Whether this run reads GraphQL: asked for, or by default when there is a token. */
        private boolean graphQl(GitHubToken token) {
            return api == null ? token.value().isPresent() : api.equals(GRAPHQL);
        }

        @Override
        public String location() {
            return apiUrl + "/repos/" + repository;
        }

        @Override
        public String webUrl() {
            return GitHubWeb.page(apiUrl, repository);
        }

        @Override
        public String describe() {
            return "issues and pull requests of " + repository + " from " + apiUrl;
        }

        @Override
        public Optional<String> credentialProblem(Map<String, String> env) {
            GitHubToken token = GitHubToken.fromEnvironment(env);
            Optional<String> problem = token.problem();
            if (problem.isEmpty() && GRAPHQL.equals(api) && token.value().isEmpty()) {
                return Optional.of(API + " graphql needs a token (GitHub's GraphQL API has no anonymous access):"
                        + " set GITHUB_TOKEN or GH_TOKEN, or use " + API + " rest");
            }
            return problem;
        }

        @Override
        public IssueSource open(Map<String, String> env, Clock clock, Consumer<String> progress) {
            GitHubToken token = GitHubToken.fromEnvironment(env);
            token.warning().ifPresent(w -> progress.accept("warning: " + w));
            if (graphQl(token)) {
                return new GitHubGraphQlSource(repository, graphQlEndpoint(apiUrl), token.value().orElseThrow(),
                        Sleeper.REAL, clock, progress, GitHubIssueSource.DEFAULT_WAIT_BUDGET);
            }
            return new GitHubIssueSource(repository, apiUrl, token.value().orElse(null), Sleeper.REAL, clock, progress,
                    GitHubIssueSource.DEFAULT_WAIT_BUDGET);
        }
    }
}

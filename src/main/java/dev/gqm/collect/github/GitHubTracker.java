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

/** GitHub (github.com or an Enterprise Server) over its REST API, as a tracker source. */
public final class GitHubTracker implements Tracker {
    static final String REPOSITORY = "--github";
    static final String API_URL = "--github-api-url";
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
                        + " Default: " + DEFAULT_API_URL + ".", DEFAULT_API_URL, "github_api_url"));
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
        return Optional.of(new Configured(repository, apiUrl.replaceAll("/+$", "")));
    }

    private record Configured(String repository, String apiUrl) implements Tracker.Configured {
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
            return GitHubToken.fromEnvironment(env).problem();
        }

        @Override
        public IssueSource open(Map<String, String> env, Clock clock, Consumer<String> progress) {
            GitHubToken token = GitHubToken.fromEnvironment(env);
            token.warning().ifPresent(w -> progress.accept("warning: " + w));
            return new GitHubIssueSource(repository, apiUrl, token.value().orElse(null), Sleeper.REAL, clock, progress,
                    GitHubIssueSource.DEFAULT_WAIT_BUDGET);
        }
    }
}

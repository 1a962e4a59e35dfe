package dev.gqm.collect.gitlab;

import dev.gqm.collect.IssueSource;
import dev.gqm.collect.Tracker;
import dev.gqm.collect.TrackerOption;
import dev.gqm.collect.http.ApiKey;
import dev.gqm.collect.http.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** GitLab (gitlab.com or a self-managed instance) over its REST API v4, as a tracker source. */
public final class GitLabTracker implements Tracker {
    static final String PROJECT = "--gitlab";
    static final String URL = "--gitlab-url";
    static final String DEFAULT_URL = "https://gitlab.com";
    static final String TOKEN_VARIABLE = "GITLAB_TOKEN";
    /** A project's full path: its group, any subgroups and its name. */
    static final Pattern PROJECT_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+");

    @Override
    public String kind() {
        return "gitlab";
    }

    @Override
    public String name() {
        return "GitLab";
    }

    @Override
    public List<TrackerOption> options() {
        return List.of(
                new TrackerOption(PROJECT, "GROUP/PROJECT", "GitLab project (its full path, subgroups included) for the"
                        + " issue and change-request metrics.", null, "gitlab"),
                new TrackerOption(URL, "URL", "GitLab instance; a self-managed one is its base URL (the API is URL/api/v4)."
                        + " Default: " + DEFAULT_URL + ".", DEFAULT_URL, "gitlab_url"));
    }

    @Override
    public Optional<Tracker.Configured> configure(Map<String, String> values) {
        String project = values.get(PROJECT);
        if (project == null) {
            return Optional.empty();
        }
        if (!PROJECT_PATH.matcher(project).matches() || project.contains("..")) {
            throw new IllegalArgumentException("bad " + PROJECT + " '" + project
                    + "': expected GROUP/PROJECT (the full path, subgroups included)");
        }
        String url = values.getOrDefault(URL, DEFAULT_URL).replaceAll("/+$", "");
        URI base;
        try {
            base = URI.create(url);
        } catch (IllegalArgumentException e) {
            base = null;
        }
        if (base != null && base.getRawUserInfo() != null) {
            throw new IllegalArgumentException("no user name or password in " + URL
                    + ": give the token in GITLAB_TOKEN");
        }
        if (base == null || base.getHost() == null || !url.matches("^https?://[^/\\s]+.*")
                || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("bad " + URL + " '" + url + "': expected the http(s) base URL of a GitLab"
                    + " instance, such as " + DEFAULT_URL);
        }
        return Optional.of(new Configured(project, url, base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort())));
    }

    private record Configured(String repository, String url, String host) implements Tracker.Configured {
        @Override
        public String location() {
            return url + "/api/v4/projects/" + repository;
        }

        @Override
        public String webUrl() {
            return url + "/" + repository;
        }

        @Override
        public String noun() {
            return "project";
        }

        @Override
        public String where() {
            return "on " + host;
        }

        @Override
        public String describe() {
            return "issues and merge requests of " + repository + " on " + host;
        }

        @Override
        public Optional<String> credentialProblem(Map<String, String> env) {
            return ApiKey.named(env, "token", TOKEN_VARIABLE).problem();
        }

        @Override
        public IssueSource open(Map<String, String> env, Clock clock, Consumer<String> progress) {
            String token = token(env);
            if (token == null) {
                progress.accept("warning: no " + TOKEN_VARIABLE + " set: GitLab is read anonymously"
                        + " (public projects only)");
            }
            return new GitLabIssueSource(repository, url, token, Sleeper.REAL, clock, progress,
                    GitLabIssueSource.DEFAULT_WAIT_BUDGET);
        }

        private static String token(Map<String, String> env) {
            return ApiKey.named(env, "token", TOKEN_VARIABLE).value().orElse(null);
        }
    }
}

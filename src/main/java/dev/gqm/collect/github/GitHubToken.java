package dev.gqm.collect.github;

import dev.gqm.collect.http.ApiKey;
import java.util.Map;
import java.util.Optional;

/**
 * The token for GitHub's API, from {@code GITHUB_TOKEN}, else {@code GH_TOKEN}. Its
 * {@code toString} never shows the value, so it can't leak through a log line by accident.
 */
public final class GitHubToken {
    private final ApiKey key;

    private GitHubToken(ApiKey key) {
        this.key = key;
    }

    public static GitHubToken fromEnvironment(Map<String, String> env) {
        return new GitHubToken(ApiKey.named(env, "token", "GITHUB_TOKEN", "GH_TOKEN"));
    }

    /**
     * Why the token cannot be sent, naming no part of it (see {@link ApiKey#problem()}).
     */
    public Optional<String> problem() {
        return key.problem();
    }

    /** The secret itself: pass it to the client only. */
    public Optional<String> value() {
        return key.value();
    }

    /** A line for the user when no token was found: anonymous access is limited to 60 requests an hour. */
    public Optional<String> warning() {
        return key.value().isEmpty()
                ? Optional.of("no GITHUB_TOKEN or GH_TOKEN set: GitHub is read anonymously (60 requests an hour)")
                : Optional.empty();
    }

    @Override
    public String toString() {
        return key.value().isEmpty() ? "GitHubToken[anonymous]" : "GitHubToken[from " + key.variable() + "]";
    }
}

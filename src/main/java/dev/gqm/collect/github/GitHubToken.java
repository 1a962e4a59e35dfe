package dev.gqm.collect.github;

import dev.gqm.collect.http.HeaderSecret;
import java.util.Map;
import java.util.Optional;

/**
 * The token for GitHub's API, from {@code GITHUB_TOKEN}, else {@code GH_TOKEN}. Its
 * {@code toString} never shows the value, so it can't leak through a log line by accident.
 */
public final class GitHubToken {
    private final String value;
    private final String variable;

    private GitHubToken(String value, String variable) {
        this.value = value;
        this.variable = variable;
    }

    public static GitHubToken fromEnvironment(Map<String, String> env) {
        for (String name : new String[] {"GITHUB_TOKEN", "GH_TOKEN"}) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return new GitHubToken(v.strip(), name);
            }
        }
        return new GitHubToken(null, null);
    }

    /**
     * Why the token cannot be sent, naming no part of it: an HTTP header carries visible ASCII
     * only, so a control character, a line break or a non-ASCII letter (a paste gone wrong) would
     * otherwise surface in an error message together with the token.
     */
    public Optional<String> problem() {
        return HeaderSecret.problem(variable, value);
    }

    /** The secret itself: pass it to the client only. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** A line for the user when no token was found: anonymous access is limited to 60 requests an hour. */
    public Optional<String> warning() {
        return value == null
                ? Optional.of("no GITHUB_TOKEN or GH_TOKEN set: GitHub is read anonymously (60 requests an hour)")
                : Optional.empty();
    }

    @Override
    public String toString() {
        return value == null ? "GitHubToken[anonymous]" : "GitHubToken[from " + variable + "]";
    }
}

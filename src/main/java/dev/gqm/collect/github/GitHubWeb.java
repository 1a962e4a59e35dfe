package dev.gqm.collect.github;

import java.net.URI;
import java.util.regex.Pattern;

/** Where a repository's web page is, from the API endpoint it was read through. */
public final class GitHubWeb {
    private static final Pattern OWNER_REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    private GitHubWeb() {
    }

    /**
     * {@code https://github.com/o/r} for {@code https://api.github.com}; {@code https://HOST/o/r}
     * for a GitHub Enterprise Server at {@code https://HOST/api/v3}; null for any other endpoint
     * (a stand-in server, a proxy), whose web pages nobody can tell.
     */
    public static String page(String apiUrl, String ownerRepo) {
        if (apiUrl == null || ownerRepo == null || !OWNER_REPO.matcher(ownerRepo).matches()) {
            return null;
        }
        String api = apiUrl.replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(api);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return null;
        }
        if ("api.github.com".equalsIgnoreCase(uri.getHost())) {
            return "https://github.com/" + ownerRepo;
        }
        if (api.endsWith("/api/v3")) {
            return api.substring(0, api.length() - "/api/v3".length()) + "/" + ownerRepo;
        }
        return null;
    }
}

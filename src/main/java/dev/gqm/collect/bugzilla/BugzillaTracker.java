package dev.gqm.collect.bugzilla;

import dev.gqm.collect.IssueSource;
import dev.gqm.collect.Tracker;
import dev.gqm.collect.TrackerOption;
import dev.gqm.collect.http.ApiKey;
import dev.gqm.collect.http.Sleeper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A Bugzilla instance's bugs of some products (and components), over its REST API, as a bug
 * tracker: its bugs are the run's issues, whatever forge gives the change requests.
 */
public final class BugzillaTracker implements Tracker {
    static final String URL = "--bugzilla";
    static final String PRODUCT = "--bugzilla-product";
    static final String COMPONENT = "--bugzilla-component";
    static final String KEY_VARIABLE = "BUGZILLA_API_KEY";

    @Override
    public String kind() {
        return "bugzilla";
    }

    @Override
    public String name() {
        return "Bugzilla";
    }

    @Override
    public Role role() {
        return Role.BUG_TRACKER;
    }

    @Override
    public List<TrackerOption> options() {
        return List.of(
                new TrackerOption(URL, "URL", "Bugzilla instance (its base URL, e.g. https://bugs.kde.org) whose bugs are"
                        + " the issues; needs " + PRODUCT + ". API key from " + KEY_VARIABLE + ".", null, "bugzilla.url"),
                new TrackerOption(PRODUCT, "NAME", "Bugzilla product to read (repeatable).", null, "bugzilla.products",
                        true),
                new TrackerOption(COMPONENT, "NAME", "Only bugs of this component (repeatable; default: all).", null,
                        "bugzilla.components", true));
    }

    @Override
    public Optional<Tracker.Configured> configure(Map<String, String> values) {
        String url = values.get(URL);
        List<String> products = TrackerOption.values(values.get(PRODUCT));
        List<String> components = TrackerOption.values(values.get(COMPONENT));
        if (url == null) {
            if (!products.isEmpty() || !components.isEmpty()) {
                throw new IllegalArgumentException((products.isEmpty() ? COMPONENT : PRODUCT) + " needs " + URL + " URL");
            }
            return Optional.empty();
        }
        if (url.matches("^https?://[^/@\\s]*@.*")) {
            throw new IllegalArgumentException("no user name or password in " + URL + ": give the key in " + KEY_VARIABLE);
        }
        if (!url.matches("^https?://[^/\\s?#]+[^\\s?#]*")) {
            throw new IllegalArgumentException("bad " + URL + " '" + url + "': expected the instance's http(s) base URL");
        }
        if (products.isEmpty()) {
            throw new IllegalArgumentException(URL + " needs " + PRODUCT + " NAME (one or more)");
        }
        for (String name : concat(products, components)) {
            if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("bad Bugzilla product or component name '" + name.strip() + "'");
            }
        }
        return Optional.of(new Configured(url.replaceAll("/+$", ""), List.copyOf(products), List.copyOf(components)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** A configured instance: the base URL, the products and the components (none: all). */
    record Configured(String url, List<String> products, List<String> components) implements Tracker.Configured {
        @Override
        public String repository() {
            String names = String.join(", ", products);
            return components.isEmpty() ? names : names + " (" + String.join(", ", components) + ")";
        }

        @Override
        public String noun() {
            return products.size() == 1 ? "product" : "products";
        }

        @Override
        public String where() {
            java.net.URI uri = java.net.URI.create(url);
            return "on " + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        }

        @Override
        public String location() {
            return url + "/rest?" + query();
        }

        /** {@code product=A&product=B&component=C}, URL-encoded. */
        String query() {
            return java.util.stream.Stream.concat(
                            products.stream().map(p -> "product=" + encode(p)),
                            components.stream().map(c -> "component=" + encode(c)))
                    .collect(Collectors.joining("&"));
        }

        @Override
        public String webUrl() {
            return url + "/buglist.cgi?" + query();
        }

        @Override
        public String describe() {
            return "bugs of " + (products.size() == 1 ? "product " : "products ") + repository() + " on " + url;
        }

        @Override
        public Optional<String> credentialProblem(Map<String, String> env) {
            return ApiKey.fromEnvironment(env, KEY_VARIABLE).problem();
        }

        @Override
        public IssueSource open(Map<String, String> env, Clock clock, Consumer<String> progress) {
            ApiKey key = ApiKey.fromEnvironment(env, KEY_VARIABLE);
            return new BugzillaIssueSource(this, key.value().orElse(null), Sleeper.REAL, clock, progress,
                    BugzillaIssueSource.DEFAULT_WAIT_BUDGET);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package dev.gqm.cli;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One repository of a portfolio file.
 *
 * @param name   the report's directory under the portfolio's output, {@code [a-z0-9-]+}, unique in the file
 * @param repo   a clone URL, or an absolute local path (relative ones are resolved against the portfolio file)
 * @param tracker the tracker options the entry gives (option name → value, e.g. --github → o/r), maybe none
 * @param group  a free label to compare like with like (a team, a product), or null
 * @param branch the branch to analyse, or null for the default
 */
record PortfolioRepository(String name, String repo, java.util.Map<String, String> tracker, String group, String branch) {
    static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

    PortfolioRepository {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(repo, "repo");
        tracker = java.util.Map.copyOf(tracker);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a portfolio name is [a-z0-9-]+: " + name);
        }
    }
}

package dev.gqm.cli;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One repository of a portfolio file.
 *
 * @param name   the report's directory under the portfolio's output, {@code [a-z0-9-]+}, unique in the file
 * @param repo   a clone URL, or an absolute local path (relative ones are resolved against the portfolio file)
 * @param github {@code OWNER/REPO} for the issue and change-request metrics, or null
 * @param group  a free label to compare like with like (a team, a product), or null
 * @param branch the branch to analyse, or null for the default
 */
record PortfolioRepository(String name, String repo, String github, String group, String branch) {
    static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

    PortfolioRepository {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(repo, "repo");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a portfolio name is [a-z0-9-]+: " + name);
        }
    }
}

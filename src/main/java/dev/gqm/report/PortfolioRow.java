package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import java.util.Objects;
import java.util.Optional;

/**
 * One repository of a portfolio: its evaluated model, or the one-line error that stopped it.
 *
 * @param name       the repository's report directory under the portfolio's output ({@code name/index.html})
 * @param group      a free label, "" for none
 * @param repository where it was read from: a local path or a clone URL
 * @param result     the evaluation, null exactly when the repository failed
 * @param error      why it failed, null exactly when it has a result
 */
public record PortfolioRow(String name, String group, String repository, ModelResult result, String error) {
    /** What the status column says for a repository that produced no report. */
    public static final String FAILED = "failed";

    public PortfolioRow {
        Objects.requireNonNull(name, "name");
        // the name becomes a directory and a link: nothing in it may climb out or start a URL scheme
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a portfolio row's name is [a-z0-9-]+: " + name);
        }
        Objects.requireNonNull(repository, "repository");
        group = group == null ? "" : group;
        if ((result == null) == (error == null)) {
            throw new IllegalArgumentException("a portfolio row has either a result or an error: " + name);
        }
        // the error goes into one table cell: keep it to one line
        error = error == null ? null : error.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    public static PortfolioRow reported(String name, String group, String repository, ModelResult result) {
        return new PortfolioRow(name, group, repository, Objects.requireNonNull(result, "result"), null);
    }

    public static PortfolioRow failed(String name, String group, String repository, String error) {
        return new PortfolioRow(name, group, repository, null, Objects.requireNonNull(error, "error"));
    }

    public boolean isFailed() {
        return result == null;
    }

    /** The model's status, or {@value #FAILED}. */
    public String statusLabel() {
        return isFailed() ? FAILED : result.status().label();
    }

    Optional<GoalResult> goal(String goalId) {
        return isFailed() ? Optional.empty()
                : result.goals().stream().filter(g -> g.goal().id().equals(goalId)).findFirst();
    }

    /** Metric use ids are unique within a goal, so goal and use id name one result. */
    Optional<MetricResult> metric(String goalId, String useId) {
        return goal(goalId).stream().flatMap(g -> g.questions().stream())
                .flatMap((QuestionResult q) -> q.metrics().stream())
                .filter(m -> m.use().id().equals(useId))
                .findFirst();
    }
}

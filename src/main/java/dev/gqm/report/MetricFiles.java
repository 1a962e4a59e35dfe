package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Where one metric use's files go, relative to the report directory and written with {@code /}:
 * {@code <goal-id>/<metric-use-id>.csv}, {@code -items.csv}, {@code .png}, {@code .svg}.
 */
record MetricFiles(String goalId, String useId) {
    /** Ids become file names: no separators, no leading dot, nothing a file system may reject. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");

    MetricFiles {
        requireSafe("goal id", goalId);
        requireSafe("metric use id", useId);
    }

    static void requireSafe(String what, String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "' cannot be used as a file name"
                    + " (letters, digits, '.', '_' and '-' only, not starting with '.')");
        }
    }

    String csv() {
        return goalId + "/" + useId + ".csv";
    }

    String itemsCsv() {
        return goalId + "/" + useId + "-items.csv";
    }

    String png() {
        return goalId + "/" + useId + ".png";
    }

    String svg() {
        return goalId + "/" + useId + ".svg";
    }

    /** The id of the metric's chart element on the page (and the prefix of its SVG ids). */
    String chartId() {
        return chartId(goalId, useId);
    }

    /** The same without the file-name checks, for the page: ids are file-name safe already. */
    static String chartId(String goalId, String useId) {
        return "chart-" + goalId + "-" + useId;
    }

    /** What a format writes for one metric of goal {@code goalId}. */
    interface PerMetric {
        void write(String goalId, MetricResult metric, MetricFiles files) throws IOException;
    }

    /** Runs {@code each} for every metric of {@code result}, in the model's order. */
    static void forEach(ModelResult result, PerMetric each) throws IOException {
        for (GoalResult goal : result.goals()) {
            for (QuestionResult question : goal.questions()) {
                for (MetricResult metric : question.metrics()) {
                    each.write(goal.goal().id(), metric, new MetricFiles(goal.goal().id(), metric.use().id()));
                }
            }
        }
    }
}

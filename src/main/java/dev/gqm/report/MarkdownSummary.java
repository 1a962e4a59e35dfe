package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.SourceInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code summary.md}: the summary as Markdown, one table per goal. */
final class MarkdownSummary {
    private MarkdownSummary() {
    }

    static void write(ModelResult result, Path file) throws IOException {
        Files.writeString(file, render(result));
    }

    static String render(ModelResult result) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(result.model().title())).append("\n\n");
        if (result.model().description() != null && !result.model().description().isBlank()) {
            md.append(inline(result.model().description())).append("\n\n");
        }
        md.append("- Model: `").append(code(result.model().id())).append("`\n");
        md.append("- As of: ").append(JsonSummary.instant(result.asOf())).append("\n");
        md.append("- Generated at: ").append(JsonSummary.instant(result.generatedAt())).append("\n");
        md.append("- Overall status: **").append(result.status().label()).append("**\n");
        for (SourceInfo source : result.sources()) {
            md.append("- Source: ").append(inline(SourceText.of(source))).append("\n");
        }
        for (GoalResult goal : result.goals()) {
            md.append("\n## ").append(inline(goal.goal().title()))
                    .append(" (`").append(code(goal.goal().id())).append("`): ")
                    .append(goal.status().label()).append("\n\n");
            md.append("| Question | Metric | Value | Thresholds | Status |\n");
            md.append("|---|---|---|---|---|\n");
            for (QuestionResult question : goal.questions()) {
                for (MetricResult metric : question.metrics()) {
                    md.append("| ").append(cell(question.question().text()))
                            .append(" | ").append(cell(metric.use().id() + " (" + metric.use().metric() + ", "
                                    + metric.use().stat().label() + ")"))
                            .append(" | ").append(cell(HumanFormat.value(metric.value(), metric.unit())))
                            .append(" | ").append(cell(HumanFormat.thresholds(metric.use())))
                            .append(" | ").append(metric.status().label())
                            .append(" |\n");
                }
            }
        }
        md.append("\n## Warnings\n\n");
        if (result.warnings().isEmpty()) {
            md.append("None.\n");
        } else {
            for (String warning : result.warnings()) {
                md.append("- ").append(inline(warning)).append("\n");
            }
        }
        return md.toString();
    }

    /** A table cell: a {@code |} would end the cell and a newline the row. */
    static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /**
     * One line of text. Markdown renderers pass HTML through, so a {@code <} that could open a tag
     * is escaped; "{@code < 10}" in a threshold cannot and stays readable.
     */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')
                .replaceAll("<(?=[A-Za-z/!?])", "&lt;");
    }

    private static String code(String text) {
        return inline(text).replace("`", "'");
    }
}

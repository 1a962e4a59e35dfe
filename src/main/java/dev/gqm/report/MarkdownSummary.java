package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.SourceInfo;
import dev.gqm.model.Note;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code summary.md}: the summary as Markdown: the facts, the warnings, then per goal a table of
 * its metrics and each metric's definition, direction, sample and notes in words.
 */
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
        // what limits the whole report comes before any number
        md.append("\n## Warnings\n\n");
        if (result.warnings().isEmpty()) {
            md.append("None.\n");
        } else {
            for (String warning : result.warnings()) {
                md.append("- ").append(inline(warning)).append("\n");
            }
        }
        for (GoalResult goal : result.goals()) {
            md.append("\n## ").append(inline(goal.goal().title()))
                    .append(" (`").append(code(goal.goal().id())).append("`): ")
                    .append(goal.status().label()).append("\n\n");
            md.append("| Question | Metric | Value | Sample | Thresholds | Status |\n");
            md.append("|---|---|---|---|---|---|\n");
            for (QuestionResult question : goal.questions()) {
                for (MetricResult metric : question.metrics()) {
                    md.append("| ").append(cell(question.question().text()))
                            .append(" | ").append(cell(metric.use().id() + " (" + metric.use().metric() + ", "
                                    + HumanFormat.stat(metric.use().stat()) + ")"))
                            .append(" | ").append(cell(HumanFormat.value(metric)))
                            .append(" | ").append(cell(metric.sample() == null ? "" : metric.sample().text()))
                            .append(" | ").append(cell(HumanFormat.thresholds(metric.use())))
                            .append(" | ").append(metric.status().label())
                            .append(" |\n");
                }
            }
            md.append('\n');
            for (QuestionResult question : goal.questions()) {
                for (MetricResult metric : question.metrics()) {
                    block(md, metric);
                }
            }
        }
        return md.toString();
    }

    /**
     * A metric's words beside its table row: "- **id**: definition. lower is better. Sample: …",
     * then its notes and its reason for no data, one sub-item each.
     */
    private static void block(StringBuilder md, MetricResult metric) {
        List<String> parts = new ArrayList<>(3);
        String definition = HumanFormat.definition(metric);
        if (!definition.isEmpty()) {
            parts.add(inline(definition) + ".");
        }
        if (metric.better() != null) {
            parts.add(capitalised(metric.better().text()) + ".");
        }
        if (metric.sample() != null && !metric.sample().text().isBlank()) {
            parts.add("Sample: " + inline(metric.sample().text()) + ".");
        }
        md.append("- **").append(inline(metric.use().id())).append("**");
        md.append(parts.isEmpty() ? "" : ": " + String.join(" ", parts)).append('\n');
        if (metric.censored() && metric.value() != null) {
            md.append("  - ≥: a lower bound, not reached yet: the longest wait so far.\n");
        }
        if (metric.note() != null && !metric.note().isBlank()) {
            md.append("  - ").append(metric.value() == null ? "No data: " : "Note: ").append(inline(metric.note()))
                    .append('\n');
        }
        for (Note note : metric.notes()) {
            md.append("  - `").append(code(note.code())).append("`: ").append(inline(note.text())).append('\n');
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
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

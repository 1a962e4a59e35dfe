package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.Status;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The check as a GitHub Actions job summary: a compact Markdown table (goal, metric, value,
 * thresholds, status), then the items behind each metric at warn or fail, appended to the file
 * named by {@code $GITHUB_STEP_SUMMARY}. GitHub refuses a step summary above 1 MiB, so what is past
 * a budget is left out with a note, and the text is appended in pieces below 65,536 characters.
 */
public final class StepSummary {
    /** Below GitHub's 1 MiB per step, with room for what earlier commands of the step wrote. */
    static final int MAX_BYTES = 1_000_000;
    static final int MAX_CHUNK = 65_535;

    private StepSummary() {
    }

    /** Appends the summary to {@code file}; what is already there is kept. */
    public static void append(ModelResult result, FailOn failOn, Path file) throws ReportException {
        append(result, failOn, file, MAX_BYTES, MAX_CHUNK);
    }

    static void append(ModelResult result, FailOn failOn, Path file, int maxBytes, int maxChunk) throws ReportException {
        try {
            long existing = Files.exists(file) ? Files.size(file) : 0;
            String text = render(result, failOn, (int) Math.max(0, maxBytes - existing));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
                for (String chunk : chunks(text, maxChunk)) {
                    out.write(chunk);
                    out.flush();
                }
            }
        } catch (IOException e) {
            throw new ReportException("cannot append the job summary to " + file + ": " + e.getMessage(), e);
        }
    }

    static String render(ModelResult result, FailOn failOn) {
        return render(result, failOn, MAX_BYTES);
    }

    /**
     * The summary in at most {@code maxBytes} UTF-8 bytes: rows, then the items of metrics at warn or
     * fail; what does not fit is counted in a closing note.
     */
    static String render(ModelResult result, FailOn failOn, int maxBytes) {
        List<String> rows = new ArrayList<>();
        List<String> items = new ArrayList<>();
        int gate = 0;
        for (GoalResult goal : result.goals()) {
            for (QuestionResult question : goal.questions()) {
                for (MetricResult metric : question.metrics()) {
                    rows.add(row(goal, metric));
                    String listed = items(goal, metric, failOn);
                    if (!listed.isEmpty()) {
                        items.add(listed);
                    }
                    gate += failOn.trips(metric.status()) ? 1 : 0;
                }
            }
        }
        StringBuilder head = new StringBuilder();
        head.append("### gqm check: ").append(MarkdownSummary.inline(result.model().title()))
                .append(" — ").append(icon(result.status())).append(' ').append(result.status().label()).append("\n\n");
        head.append("Model `").append(result.model().id().replace("`", "'")).append("` as of ")
                .append(JsonSummary.instant(result.asOf())).append(", gate `--fail-on ").append(failOn.label())
                .append("`: ").append(gate == 0 ? "passed" : gate + (gate == 1 ? " metric fails it" : " metrics fail it"))
                .append(".\n\n");
        head.append("| Goal | Metric | Value | Thresholds | Status |\n|---|---|---|---|---|\n");
        StringBuilder tail = new StringBuilder("\n");
        for (String warning : result.warnings()) {
            tail.append("> warning: ").append(MarkdownSummary.inline(warning)).append('\n');
        }
        if (!result.warnings().isEmpty()) {
            tail.append('\n');
        }

        StringBuilder md = new StringBuilder(head);
        int used = bytes(head) + bytes(tail);
        List<String> pieces = new ArrayList<>(rows);
        pieces.addAll(items);
        int shown = 0;
        for (String piece : pieces) {
            // keep room for the note that says pieces were left out
            int reserve = shown + 1 < pieces.size() ? 120 : 0;
            if (used + bytes(piece) + reserve > maxBytes) {
                break;
            }
            md.append(piece);
            used += bytes(piece);
            shown++;
        }
        if (shown < rows.size()) {
            md.append("\n*Truncated: ").append(rows.size() - shown).append(" of ").append(rows.size())
                    .append(" metrics not shown, GitHub limits a job summary to 1 MiB; see the JUnit report or summary.md.*\n");
        } else if (shown < pieces.size()) {
            md.append("\n*Truncated: the items of ").append(pieces.size() - shown).append(" of ").append(items.size())
                    .append(" metrics not shown, GitHub limits a job summary to 1 MiB; see the JUnit report.*\n");
        }
        return md.append(tail).toString();
    }

    /**
     * A metric's items ({@link ItemLines}) as a list in a details block, open when the metric fails
     * the gate; "" for a metric without items to name.
     */
    private static String items(GoalResult goal, MetricResult m, FailOn failOn) {
        List<String> lines = ItemLines.of(m);
        if (lines.isEmpty()) {
            return "";
        }
        int n = ItemLines.count(m);
        StringBuilder s = new StringBuilder("\n<details").append(failOn.trips(m.status()) ? " open" : "").append("><summary>")
                .append(icon(m.status())).append(' ').append(m.status().label()).append(' ')
                .append(html(goal.goal().id() + "/" + m.use().id())).append(" (").append(html(m.use().metric())).append("): ")
                .append(n).append(n == 1 ? " item" : " items").append("</summary>\n\n");
        lines.forEach(line -> s.append("- ").append(MarkdownSummary.inline(line)).append('\n'));
        return s.append("\n</details>\n").toString();
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String row(GoalResult goal, MetricResult m) {
        String value = (m.censored() && m.value() != null ? "≥ " : "") + HumanFormat.value(m.value(), m.unit());
        if (m.status() == Status.NO_DATA && m.note() != null && !m.note().isBlank()) {
            value += " (" + m.note() + ")";
        }
        if (!MetricVerdict.sample(m).isEmpty()) {
            value += " — " + MetricVerdict.sample(m);
        }
        for (String note : MetricVerdict.notes(m)) {
            value += "; note " + note;
        }
        return "| " + MarkdownSummary.cell(goal.goal().title()) + " (`" + goal.goal().id() + "`)"
                + " | " + MarkdownSummary.cell(m.use().id()) + " (" + m.use().metric() + ", " + m.use().stat().label() + ")"
                + " | " + MarkdownSummary.cell(value)
                + " | " + MarkdownSummary.cell(HumanFormat.thresholds(m.use()))
                + " | " + icon(m.status()) + ' ' + m.status().label() + " |\n";
    }

    private static String icon(Status status) {
        return switch (status) {
            case FAIL -> "❌";
            case WARN -> "⚠️";
            case PASS -> "✅";
            case NO_DATA -> "➖";
            case INFO -> "ℹ️";
        };
    }

    /** Pieces of at most {@code max} characters, cut after a line break where there is one. */
    static List<String> chunks(String text, int max) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + max);
            if (end < text.length()) {
                int lineEnd = text.lastIndexOf('\n', end - 1);
                if (lineEnd >= start) {
                    end = lineEnd + 1;
                } else if (Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--; // never split a character in two
                }
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        return chunks;
    }

    private static int bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}

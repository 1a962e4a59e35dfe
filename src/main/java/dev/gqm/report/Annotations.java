package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands that annotate the run: {@code ::error} for a metric that fails
 * the gate, {@code ::warning} for one at warn that does not, each naming the items behind it
 * ({@link ItemLines}). Values are escaped by GitHub's rules,
 * so a line break in a title or note can neither break the annotation nor start a new command.
 */
public final class Annotations {
    private Annotations() {
    }

    public static List<String> lines(ModelResult result, FailOn failOn) {
        List<String> lines = new ArrayList<>();
        for (GoalResult goal : result.goals()) {
            for (QuestionResult question : goal.questions()) {
                for (MetricResult metric : question.metrics()) {
                    String command = failOn.trips(metric.status()) ? "error"
                            : metric.status() == Status.WARN ? "warning" : null;
                    if (command != null) {
                        lines.add(line(command, goal, question, metric));
                    }
                }
            }
        }
        return lines;
    }

    private static String line(String command, GoalResult goal, QuestionResult question, MetricResult metric) {
        String title = "gqm " + metric.status().label() + ": " + goal.goal().id() + "/" + metric.use().id();
        StringBuilder message = new StringBuilder();
        message.append(metric.use().metric()).append(' ').append(MetricVerdict.explain(metric))
                .append("\ngoal: ").append(goal.goal().title())
                .append("\nquestion: ").append(question.question().text());
        if (metric.note() != null && !metric.note().isBlank()) {
            message.append("\nnote: ").append(metric.note());
        }
        if (!MetricVerdict.sample(metric).isEmpty()) {
            message.append("\nsample: ").append(MetricVerdict.sample(metric));
        }
        MetricVerdict.notes(metric).forEach(note -> message.append("\nnote ").append(note));
        List<String> items = ItemLines.of(metric);
        if (!items.isEmpty()) {
            message.append("\nitems:");
            items.forEach(item -> message.append("\n- ").append(item));
        }
        return "::" + command + " title=" + property(title) + "::" + data(message.toString());
    }

    /** A command's message: {@code %}, CR and LF are escaped. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A command's property value: as {@link #data}, and {@code :} and {@code ,} that would end it. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}

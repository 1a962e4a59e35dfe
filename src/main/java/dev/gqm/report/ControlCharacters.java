package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.SourceInfo;
import dev.gqm.model.Goal;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Model;
import dev.gqm.model.Note;
import dev.gqm.model.Question;
import dev.gqm.model.Sample;
import dev.gqm.model.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Text as every output writes it: a control character becomes U+FFFD, the replacement character.
 * Issue titles, people's names, labels and model files can carry them; written raw they make XML
 * and SVG invalid, move a terminal's cursor and hide text in a page. Control characters are C0
 * except tab, line feed and carriage return (each format already writes line breaks its own
 * way), DEL and C1; a lone surrogate, which UTF-8 cannot encode, is replaced too. Replaced rather
 * than dropped, so that taking one out never joins two words, or a name and an address.
 *
 * <p>{@link #replaced(ModelResult)} is applied to every result before any writer sees it, so
 * summary.json carries the same text as the other outputs (escaped, JSON could hold a NUL, but
 * the programs that read it often cannot).
 */
public final class ControlCharacters {
    private static final char REPLACEMENT = '\uFFFD';

    private ControlCharacters() {
    }

    /** Whether {@code c} is replaced: C0 but tab, LF and CR; DEL; C1; a surrogate (a paired one never gets here). */
    static boolean isReplaced(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
                || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    /** {@code text} with every control character as U+FFFD; null stays null. */
    public static String replaced(String text) {
        if (text == null || text.codePoints().noneMatch(ControlCharacters::isReplaced)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(isReplaced(c) ? REPLACEMENT : c));
        return out.toString();
    }

    /** The result with every text in it as {@link #replaced(String)}. */
    public static ModelResult replaced(ModelResult result) {
        Model model = replaced(result.model());
        List<GoalResult> goals = new ArrayList<>();
        for (GoalResult goal : result.goals()) {
            List<QuestionResult> questions = new ArrayList<>();
            for (QuestionResult question : goal.questions()) {
                questions.add(new QuestionResult(replaced(question.question()), question.status(),
                        question.metrics().stream().map(ControlCharacters::replaced).toList()));
            }
            goals.add(new GoalResult(replaced(goal.goal()), goal.status(), questions));
        }
        List<SourceInfo> sources = result.sources().stream().map(s -> s.withTexts(replaced(s.kind()),
                replaced(s.location()), replaced(s.head()), replaced(s.repository()), replaced(s.name()),
                replaced(s.webUrl()), replaced(s.where()))).toList();
        return new ModelResult(model, result.asOf(), result.generatedAt(), sources, result.status(), goals,
                result.warnings().stream().map(ControlCharacters::replaced).toList());
    }

    /** The model with its titles, description, goal template and question texts as {@link #replaced(String)}. */
    public static Model replaced(Model model) {
        // ids are checked when the model is read
        return new Model(model.id(), replaced(model.title()), replaced(model.description()),
                model.goals().stream().map(ControlCharacters::replaced).toList());
    }

    /** A portfolio's row: its labels, its error and its result. */
    static PortfolioRow replaced(PortfolioRow row) {
        return new PortfolioRow(row.name(), replaced(row.group()), replaced(row.repository()),
                row.result() == null ? null : replaced(row.result()), replaced(row.error()));
    }

    private static Goal replaced(Goal goal) {
        return new Goal(goal.id(), replaced(goal.title()), optional(goal.purpose()), optional(goal.focus()),
                optional(goal.object()), optional(goal.viewpoint()),
                goal.questions().stream().map(ControlCharacters::replaced).toList());
    }

    private static Question replaced(Question question) {
        return new Question(question.id(), replaced(question.text()),
                question.metrics().stream().map(ControlCharacters::replaced).toList());
    }

    private static MetricUse replaced(MetricUse use) {
        // a threshold's text is what the model file said
        return new MetricUse(use.id(), use.metric(), use.stat(), use.params(), threshold(use.warn()),
                threshold(use.fail()));
    }

    private static Optional<Threshold> threshold(Optional<Threshold> threshold) {
        return threshold.map(t -> new Threshold(t.op(), t.value(), replaced(t.text())));
    }

    private static Optional<String> optional(Optional<String> text) {
        return text.map(ControlCharacters::replaced);
    }

    private static MetricResult replaced(MetricResult m) {
        Sample s = m.sample();
        Sample sample = s == null ? null
                : new Sample(s.n(), s.observed(), s.censored(), s.numerator(), s.denominator(), replaced(s.text()));
        List<Note> notes = m.notes().stream().map(n -> new Note(n.code(), replaced(n.text()))).toList();
        return new MetricResult(replaced(m.use()), m.unit(), m.value(), m.status(), replaced(m.note()), m.series(),
                replaced(m.items()), sample, m.censored(), notes, replaced(m.definition()), m.better());
    }

    private static Items replaced(Items items) {
        if (items == null || items.isEmpty()) {
            return items;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : items.rows()) {
            List<Object> cells = new ArrayList<>(row.size());
            for (Object cell : row) {
                cells.add(cell instanceof String text ? replaced(text) : cell);
            }
            rows.add(cells);
        }
        return new Items(items.columns().stream().map(ControlCharacters::replaced).toList(), rows,
                replaced(items.linkColumn()));
    }
}

package dev.gqm.evaluate;

import dev.gqm.dataset.Dataset;
import dev.gqm.metric.ItemTable;
import dev.gqm.metric.Measurement;
import dev.gqm.metric.MetricCatalog;
import dev.gqm.metric.MetricRunner;
import dev.gqm.metric.Outcome;
import dev.gqm.model.Goal;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Model;
import dev.gqm.model.Question;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Measures every metric use of a model and judges metrics, questions, goals and the model (worst-of upward). */
public final class Evaluator {
    private final MetricCatalog catalog;
    private final MetricRunner runner;

    public Evaluator(MetricCatalog catalog) {
        this.catalog = catalog;
        this.runner = new MetricRunner(catalog);
    }

    public ModelResult evaluate(Model model, Dataset data, Instant generatedAt, List<SourceInfo> sources, List<String> warnings) {
        List<GoalResult> goals = new ArrayList<>();
        for (Goal goal : model.goals()) {
            List<QuestionResult> questions = new ArrayList<>();
            for (Question question : goal.questions()) {
                List<MetricResult> metrics = question.metrics().stream().map(use -> measure(use, data)).toList();
                questions.add(new QuestionResult(question, Status.worst(metrics.stream().map(MetricResult::status).toList()), metrics));
            }
            goals.add(new GoalResult(goal, Status.worst(questions.stream().map(QuestionResult::status).toList()), questions));
        }
        return new ModelResult(model, data.asOf(), generatedAt, sources,
                Status.worst(goals.stream().map(GoalResult::status).toList()), goals, warnings);
    }

    private MetricResult measure(MetricUse use, Dataset data) {
        Outcome outcome = runner.run(use, data);
        Measurement m = outcome.current();
        List<SeriesPoint> series = outcome.series().stream().map(p -> new SeriesPoint(p.periodStart(), p.value())).toList();
        var unit = catalog.find(use.metric()).orElseThrow().unit();
        return new MetricResult(use, unit, m.value(), Judge.judge(use, m.value()), m.note(), series, items(m.items()));
    }

    private static Items items(ItemTable table) {
        return table == null ? Items.NONE : new Items(table.columns(), table.rows(), table.linkColumn());
    }
}

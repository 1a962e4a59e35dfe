package dev.gqm.evaluate;

import dev.gqm.dataset.Dataset;
import dev.gqm.metric.ItemTable;
import dev.gqm.metric.Measurement;
import dev.gqm.metric.Metric;
import dev.gqm.metric.MetricCatalog;
import dev.gqm.metric.MetricRunner;
import dev.gqm.metric.Outcome;
import dev.gqm.model.Goal;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Model;
import dev.gqm.model.Question;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Measures every metric use of a model and judges metrics, questions, goals and the model (worst-of upward). */
public final class Evaluator {
    private static final int THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private final MetricCatalog catalog;
    private final MetricRunner runner;

    public Evaluator(MetricCatalog catalog) {
        this.catalog = catalog;
        this.runner = new MetricRunner(catalog);
    }

    public ModelResult evaluate(Model model, Dataset data, Instant generatedAt, List<SourceInfo> sources, List<String> warnings) {
        Iterator<MetricResult> measured = measureAll(model, data).iterator();
        List<GoalResult> goals = new ArrayList<>();
        for (Goal goal : model.goals()) {
            List<QuestionResult> questions = new ArrayList<>();
            for (Question question : goal.questions()) {
                List<MetricResult> metrics = new ArrayList<>();
                for (int i = 0; i < question.metrics().size(); i++) {
                    metrics.add(measured.next());
                }
                questions.add(new QuestionResult(question, Status.worst(metrics.stream().map(MetricResult::status).toList()), metrics));
            }
            goals.add(new GoalResult(goal, Status.worst(questions.stream().map(QuestionResult::status).toList()), questions));
        }
        return new ModelResult(model, data.asOf(), generatedAt, sources,
                Status.worst(goals.stream().map(GoalResult::status).toList()), goals, warnings);
    }

    /**
     * The result {@code use} has as of {@code asOf} when the run gives none of the sources it
     * reads: measured on a dataset without them. For a metric of an issue tracker, a run without
     * a tracker gives it this result whatever else is collected, but for its series: that one
     * has a point (without value) per period since the first commit, this one none.
     */
    public MetricResult withoutItsSource(MetricUse use, Instant asOf) {
        return measure(use, new Dataset(asOf, java.util.Optional.empty(), java.util.Optional.empty()));
    }

    /**
     * Every metric use of the model in order, measured on two threads: the dataset is built and
     * only read from here on, and the uses share nothing else.
     */
    private List<MetricResult> measureAll(Model model, Dataset data) {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "gqm-measure");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<MetricResult>> pending = new ArrayList<>();
            for (Goal goal : model.goals()) {
                for (Question question : goal.questions()) {
                    for (MetricUse use : question.metrics()) {
                        pending.add(threads.submit(() -> measure(use, data)));
                    }
                }
            }
            List<MetricResult> out = new ArrayList<>(pending.size());
            for (Future<MetricResult> result : pending) {
                out.add(result.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /** One metric use measured on {@code data} and judged. */
    public MetricResult measure(MetricUse use, Dataset data) {
        Outcome outcome = runner.run(use, data);
        Measurement m = outcome.current();
        List<SeriesPoint> series = outcome.series().stream()
                .map(p -> new SeriesPoint(p.periodStart(), p.value(), p.censored(), Judge.judge(use, p.value(), p.censored())))
                .toList();
        Metric metric = catalog.find(use.metric()).orElseThrow();
        Status status = Judge.judge(use, m.value(), m.censored());
        Double value = m.value();
        String note = m.note();
        if (status == Status.NO_DATA && value != null) {
            // a lower bound that crosses no threshold: no verdict yet, and the bound says how long so far
            note = String.format(java.util.Locale.ROOT, "not reached yet: at least %.1f h (%.1f days) so far", value, value / 24.0);
            value = null;
        }
        return new MetricResult(use, metric.unit(), value, status, note, series, items(m.items()), m.sample(),
                m.censored(), m.notes(), metric.definition(), metric.better());
    }

    private static Items items(ItemTable table) {
        return table == null ? Items.NONE : new Items(table.columns(), table.rows(), table.linkColumn());
    }
}

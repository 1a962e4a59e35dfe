package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.SeriesPoint;
import dev.gqm.evaluate.SourceInfo;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Direction;
import dev.gqm.model.Duration;
import dev.gqm.model.Goal;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Model;
import dev.gqm.model.Note;
import dev.gqm.model.Period;
import dev.gqm.model.Question;
import dev.gqm.model.Sample;
import dev.gqm.model.Stat;
import dev.gqm.model.Threshold;
import dev.gqm.model.Unit;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-built result: two goals, metrics at warn, fail, pass, info and no-data, one a censored
 * lower bound, with samples and data notes, hostile item cells.
 */
final class ReportFixtures {
    static final Instant AS_OF = Instant.parse("2026-07-01T00:00:00Z");
    static final Instant GENERATED = Instant.parse("2026-07-01T08:15:30.123456Z");

    private ReportFixtures() {
    }

    static MetricUse use(String id, String metric, Stat stat, Period period, Threshold warn, Threshold fail) {
        return new MetricUse(id, metric, stat,
                Map.of("window", Duration.parse("90d"), "period", period, "include_bots", false),
                Optional.ofNullable(warn), Optional.ofNullable(fail));
    }

    static SeriesPoint point(String day, Double value) {
        return new SeriesPoint(Instant.parse(day + "T00:00:00Z"), value);
    }

    /** A point as judged: the status it would have had. */
    static SeriesPoint point(String day, Double value, Status status) {
        return new SeriesPoint(Instant.parse(day + "T00:00:00Z"), value, false, status);
    }

    static MetricResult firstResponse() {
        MetricUse use = use("first-response-median", "issue.first_response_time", Stat.MEDIAN, Period.MONTH,
                new Threshold(Threshold.Op.GT, 48, "> 2d"), new Threshold(Threshold.Op.GT, 168, "> 7d"));
        return new MetricResult(use, Unit.HOURS, 52.5, Status.WARN, null,
                List.of(point("2026-04-01", 30.0, Status.PASS), point("2026-05-01", null, Status.NO_DATA),
                        point("2026-06-01", 52.5, Status.WARN)),
                Items.NONE);
    }

    static MetricResult staleIssues() {
        MetricUse use = use("stale-issues", "issue.stale", Stat.COUNT, Period.MONTH,
                null, new Threshold(Threshold.Op.GT, 2, "> 2"));
        Items items = new Items(List.of("number", "title", "url", "last_activity", "age_days"), List.of(
                List.of(12, "<script>alert(1)</script>", "https://github.com/o/r/issues/12",
                        Instant.parse("2026-05-01T10:00:00Z"), 61.25),
                List.of(15, "=HYPERLINK(\"x\")", "javascript:alert(1)", Instant.parse("2026-05-20T00:00:00Z"), 41),
                Arrays.asList(17, "-1, plain text", "https://x.example/\"onmouseover=\"alert(1)", null, -3.5)),
                "url");
        return new MetricResult(use, Unit.COUNT, 3.0, Status.FAIL, "2 of them have no answer at all",
                List.of(point("2026-05-01", 1.0, Status.PASS), point("2026-06-01", 3.0, Status.FAIL)), items);
    }

    static MetricResult commits() {
        MetricUse use = use("git-commits", "git.commits", Stat.COUNT, Period.WEEK,
                new Threshold(Threshold.Op.LT, 10, "< 10"), null);
        return new MetricResult(use, Unit.COUNT, 120.0, Status.PASS, null,
                List.of(point("2026-06-15", 50.0, Status.PASS), point("2026-06-22", 70.0, Status.PASS)), Items.NONE);
    }

    static MetricResult reviewCoverage() {
        MetricUse use = use("review-coverage", "change.review_coverage", Stat.RATIO, Period.MONTH,
                new Threshold(Threshold.Op.LT, 0.5, "< 50%"), null);
        return new MetricResult(use, Unit.RATIO, null, Status.NO_DATA, "no GitHub source configured",
                List.of(), Items.NONE);
    }

    /** Measured without thresholds: info, with its sample, a data note and the catalog's words. */
    static MetricResult newContributors() {
        MetricUse use = use("new-contributors", "git.new_contributors", Stat.COUNT, Period.MONTH, null, null);
        return new MetricResult(use, Unit.COUNT, 2.0, Status.INFO, null,
                List.of(new SeriesPoint(Instant.parse("2026-05-01T00:00:00Z"), 1.0, false, Status.INFO),
                        new SeriesPoint(Instant.parse("2026-06-01T00:00:00Z"), 2.0, false, Status.INFO)),
                Items.NONE, Sample.count(2, "2 people"), false,
                List.of(new Note(Note.ALIASES_SUSPECTED, "2 people may be one person under two e-mail addresses.")),
                "contributors in W whose first contribution ever falls in W", Direction.HIGHER);
    }

    /**
     * A survival median not reached yet: at least 624 h (26.0 days), which already crosses
     * "fail > 7d" (SPEC §4); its points by month pass, warn, then fail as a lower bound.
     */
    static MetricResult firstReview() {
        MetricUse use = use("first-review", "change.first_review_time", Stat.SURVIVAL_MEDIAN, Period.MONTH,
                new Threshold(Threshold.Op.GT, 48, "> 2d"), new Threshold(Threshold.Op.GT, 168, "> 7d"));
        return new MetricResult(use, Unit.HOURS, 624.0, Status.FAIL, null,
                List.of(new SeriesPoint(Instant.parse("2026-04-01T00:00:00Z"), 24.0, false, Status.PASS),
                        new SeriesPoint(Instant.parse("2026-05-01T00:00:00Z"), 96.0, false, Status.WARN),
                        new SeriesPoint(Instant.parse("2026-06-01T00:00:00Z"), 624.0, true, Status.FAIL)),
                Items.NONE, Sample.durations(4, 1, "reviewed 1 of 4 pull requests"), true,
                List.of(new Note(Note.PARTIAL_COLLECTION, "The tracker holds 40 of 55 pull requests."),
                        new Note(Note.SHALLOW_HISTORY, "The clone is shallow: <b>history</b> stops early.")),
                "pull requests created in W: creation to the first review by a non-bot non-author", Direction.LOWER);
    }

    static ModelResult result() {
        return result(commits());
    }

    /** The fixture with {@code sustainabilityMetric} as the second goal's first metric. */
    static ModelResult result(MetricResult sustainabilityMetric) {
        MetricResult first = firstResponse();
        MetricResult stale = staleIssues();
        MetricResult coverage = reviewCoverage();
        Question q1 = new Question("first-response", "How quickly | how well\nis an issue answered?", List.of(first.use()));
        Question q2 = new Question("stale", "Are issues left to rot?", List.of(stale.use()));
        Goal responsiveness = new Goal("responsiveness", "Contributors get timely answers", Optional.of("improve"),
                Optional.of("responsiveness"), Optional.of("issue tracker"), Optional.empty(), List.of(q1, q2));
        Question q3 = new Question("activity", "Is the project active?", List.of(sustainabilityMetric.use()));
        Question q4 = new Question("reviews", "Are changes reviewed?", List.of(coverage.use()));
        MetricResult newcomers = newContributors();
        MetricResult review = firstReview();
        Question q5 = new Question("newcomers", "Do new people start contributing?", List.of(newcomers.use()));
        Question q6 = new Question("review-wait", "How long does a change wait for its first review?",
                List.of(review.use()));
        Goal sustainability = new Goal("sustainability", "Sustainable | team", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(q3, q4, q5, q6));
        Model model = new Model("community-health", "Community health",
                "Is this project welcoming, responsive and sustainable?", List.of(responsiveness, sustainability));
        GoalResult g1 = new GoalResult(responsiveness, Status.FAIL, List.of(
                new QuestionResult(q1, Status.WARN, List.of(first)),
                new QuestionResult(q2, Status.FAIL, List.of(stale))));
        GoalResult g2 = new GoalResult(sustainability, Status.FAIL, List.of(
                new QuestionResult(q3, sustainabilityMetric.status(), List.of(sustainabilityMetric)),
                new QuestionResult(q4, Status.NO_DATA, List.of(coverage)),
                new QuestionResult(q5, Status.INFO, List.of(newcomers)),
                new QuestionResult(q6, Status.FAIL, List.of(review))));
        return new ModelResult(model, AS_OF, GENERATED,
                List.of(SourceInfo.git("/src/project", "0123456789abcdef0123456789abcdef01234567"),
                        SourceInfo.tracker("github", "GitHub", "o/r", "https://github.com/o/r")),
                Status.FAIL, List.of(g1, g2), List.of("no .mailmap at the tip: identities not merged",
                        "unknown bot pattern <img src=x onerror=alert(1)>"));
    }
}

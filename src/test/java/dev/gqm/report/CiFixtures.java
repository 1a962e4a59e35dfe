package dev.gqm.report;

import static dev.gqm.report.ReportFixtures.point;
import static dev.gqm.report.ReportFixtures.use;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.SourceInfo;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Goal;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Model;
import dev.gqm.model.Period;
import dev.gqm.model.Question;
import dev.gqm.model.Stat;
import dev.gqm.model.Threshold;
import dev.gqm.model.Unit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A hand-built result for the CI outputs: goal "gate" holds a metric at warn (52.5 h against
 * warn > 2d) and one at fail (3 stale issues against fail > 2, a note with {@code %} and a line
 * break); goal "health", titled with {@code <&">}, holds one at pass and one without data.
 * Items: the warn lists #5 still waiting 21 days, #3 answered after 52.5 h and #4 after 10 h (a
 * title with {@code %}); the fail lists #7 (40 days inactive), #9 (91, a title with quotes and
 * {@code <b>}) and #12 (35.5, a title with a line break); the pass lists a commit by Zed, which no
 * output may name: only metrics at warn or fail name their items.
 */
final class CiFixtures {
    private CiFixtures() {
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static ModelResult result() {
        MetricUse firstResponse = use("first-response-median", "issue.first_response_time", Stat.MEDIAN, Period.MONTH,
                new Threshold(Threshold.Op.GT, 48, "> 2d"), new Threshold(Threshold.Op.GT, 168, "> 7d"));
        Items answers = new Items(List.of("number", "title", "url", "author", "created_at", "end_at", "hours", "waiting_days"),
                List.of(
                        List.of(3, "Question about %s", "https://github.com/o/r/issues/3", "dave", at("2026-06-01T00:00:00Z"),
                                at("2026-06-03T04:30:00Z"), 52.5, ""),
                        List.of(4, "Typo", "https://github.com/o/r/issues/4", "frank", at("2026-06-05T00:00:00Z"),
                                at("2026-06-05T10:00:00Z"), 10.0, ""),
                        List.of(5, "Build breaks", "https://github.com/o/r/issues/5", "erin", at("2026-06-10T00:00:00Z"),
                                "", "", 21.0)),
                "url");
        MetricResult warn = new MetricResult(firstResponse, Unit.HOURS, 52.5, Status.WARN, null,
                List.of(point("2026-06-01", 52.5)), answers);
        MetricUse staleUse = use("stale-issues", "issue.stale", Stat.COUNT, Period.MONTH,
                null, new Threshold(Threshold.Op.GT, 2, "> 2"));
        Items stale = new Items(List.of("number", "title", "url", "author", "created_at", "age_days", "inactive_days"),
                List.of(
                        List.of(7, "Crash on start", "https://github.com/o/r/issues/7", "alice", at("2026-01-05T00:00:00Z"),
                                177.0, 40.0),
                        List.of(9, "Docs: \"install\" <b>page</b>", "https://github.com/o/r/issues/9", "bob",
                                at("2026-03-01T00:00:00Z"), 122.0, 91.0),
                        List.of(12, "Login fails\nwith SSO", "https://github.com/o/r/issues/12", "carol",
                                at("2026-05-20T00:00:00Z"), 42.0, 35.5)),
                "url");
        MetricResult fail = new MetricResult(staleUse, Unit.COUNT, 3.0, Status.FAIL,
                "100% of them unanswered\n::error::injected </failure>",
                List.of(point("2026-06-01", 3.0)), stale);
        MetricUse commitsUse = use("git-commits", "git.commits", Stat.COUNT, Period.WEEK,
                new Threshold(Threshold.Op.LT, 10, "< 10"), null);
        Items commits = new Items(List.of("commit", "author", "authored_at"),
                List.of(List.of("0123456789abcdef0123456789abcdef01234567", "Zed", at("2026-06-22T00:00:00Z"))), null);
        MetricResult pass = new MetricResult(commitsUse, Unit.COUNT, 120.0, Status.PASS, null,
                List.of(point("2026-06-22", 120.0)), commits);
        MetricUse coverageUse = use("review-coverage", "change.review_coverage", Stat.RATIO, Period.MONTH,
                new Threshold(Threshold.Op.LT, 0.5, "< 50%"), null);
        MetricResult noData = new MetricResult(coverageUse, Unit.RATIO, null, Status.NO_DATA,
                "no GitHub source configured", List.of(), Items.NONE);

        Question q1 = new Question("first-response", "How quickly | how well\nis an issue answered?", List.of(firstResponse));
        Question q2 = new Question("stale", "Are issues left to rot?", List.of(staleUse));
        Goal gate = new Goal("gate", "Contributors get timely answers", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(q1, q2));
        Question q3 = new Question("activity", "Is the project active?", List.of(commitsUse));
        Question q4 = new Question("reviews", "Are changes reviewed?", List.of(coverageUse));
        Goal health = new Goal("health", "Tom & Jerry's <team> \"healthy\"", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(q3, q4));
        Model model = new Model("ci-gate", "CI gate <&\"", "Fails on stale work.", List.of(gate, health));
        GoalResult g1 = new GoalResult(gate, Status.FAIL, List.of(
                new QuestionResult(q1, Status.WARN, List.of(warn)),
                new QuestionResult(q2, Status.FAIL, List.of(fail))));
        GoalResult g2 = new GoalResult(health, Status.PASS, List.of(
                new QuestionResult(q3, Status.PASS, List.of(pass)),
                new QuestionResult(q4, Status.NO_DATA, List.of(noData))));
        return new ModelResult(model, ReportFixtures.AS_OF, ReportFixtures.GENERATED,
                List.of(SourceInfo.git("/src/project", "0123456789abcdef0123456789abcdef01234567")),
                Status.FAIL, List.of(g1, g2), List.of("no .mailmap at the tip: identities not merged"));
    }
}

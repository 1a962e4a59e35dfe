package dev.gqm.report;

import static dev.gqm.report.ReportFixtures.use;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Direction;
import dev.gqm.model.Period;
import dev.gqm.model.Stat;
import dev.gqm.model.Threshold;
import dev.gqm.model.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemLinesTest {
    static final List<String> TRACKER = List.of("number", "title", "url", "author", "created_at", "age_days", "inactive_days");

    static MetricResult result(String metric, Unit unit, Status status, Items items, Direction better) {
        return new MetricResult(use(metric.replace('.', '-'), metric, Stat.COUNT, Period.MONTH, null,
                new Threshold(Threshold.Op.GT, 0, "> 0")), unit, 1.0, status, null, List.of(), items, null, false,
                List.of(), "", better);
    }

    static MetricResult result(String metric, Status status, Items items) {
        return result(metric, Unit.COUNT, status, items, Direction.NEITHER);
    }

    static Instant at(String day) {
        return Instant.parse(day + "T00:00:00Z");
    }

    @Test
    void twelveStaleIssuesAreTheTenMostInactiveThenAndTwoMore() {
        List<List<Object>> rows = new ArrayList<>();
        // #1 .. #12, inactive 31 .. 42 days: the most inactive are the newest numbers
        for (int n = 1; n <= 12; n++) {
            rows.add(List.of(n, "item " + n, "https://github.com/o/r/issues/" + n, "u" + n, at("2026-01-01"), 100.0, 30.0 + n));
        }
        List<String> lines = ItemLines.of(result("issue.stale", Status.FAIL, new Items(TRACKER, rows, "url")));
        List<String> expected = new ArrayList<>();
        for (int n = 12; n >= 3; n--) {
            expected.add("#" + n + " \"item " + n + "\" https://github.com/o/r/issues/" + n + " — " + (30 + n) + " days inactive");
        }
        expected.add("and 2 more");
        assertEquals(expected, lines);
        assertEquals(12, ItemLines.count(result("issue.stale", Status.WARN, new Items(TRACKER, rows, "url"))));
    }

    @Test
    void onlyAMetricAtWarnOrFailNamesItsItems() {
        Items items = new Items(TRACKER, List.of(List.of(1, "t", "https://x/1", "a", at("2026-01-01"), 1.0, 1.0)), "url");
        for (Status quiet : List.of(Status.PASS, Status.INFO, Status.NO_DATA)) {
            assertEquals(List.of(), ItemLines.of(result("issue.stale", quiet, items)), quiet.label());
        }
        assertEquals(List.of("#1 \"t\" https://x/1 — 1 day inactive"), ItemLines.of(result("issue.stale", Status.WARN, items)));
        assertEquals(List.of(), ItemLines.of(result("issue.stale", Status.FAIL, Items.NONE)));
    }

    @Test
    void gitItemsNameThePersonOrTheCommit() {
        Items people = new Items(List.of("person", "organization", "commits"),
                List.of(List.of("Alice Example", "example.com", 12), List.of("", "(no name) (individual)", 1)), null);
        assertEquals(List.of("Alice Example — 12 commits", "(no name) — 1 commit"),
                ItemLines.of(result("git.contributors", Status.WARN, people)));

        Items bus = new Items(List.of("person", "commits", "share", "cumulative_share"),
                List.of(List.of("Alice", 3, 0.75, 0.75)), null);
        assertEquals(List.of("Alice — 3 commits (75 % of all)"), ItemLines.of(result("git.bus_factor", Status.FAIL, bus)));

        Items organizations = new Items(List.of("organization", "commits", "share", "cumulative_share"),
                List.of(List.of("corp.com", 2, 0.5, 0.5)), null);
        assertEquals(List.of("corp.com — 2 commits (50 % of all)"),
                ItemLines.of(result("git.elephant_factor", Status.FAIL, organizations)));

        Items commits = new Items(List.of("commit", "author", "authored_at"),
                List.of(List.of("0123456789abcdef0123456789abcdef01234567", "Bob", Instant.parse("2026-06-10T12:00:00Z"))), null);
        assertEquals(List.of("0123456789ab by Bob — authored 2026-06-10"), ItemLines.of(result("git.commits", Status.WARN, commits)));

        Items newcomers = new Items(List.of("person", "first_contribution", "commit"),
                List.of(List.of("Dave", Instant.parse("2026-05-05T12:00:00Z"), "abc")), null);
        assertEquals(List.of("Dave — first contribution 2026-05-05"),
                ItemLines.of(result("git.new_contributors", Status.WARN, newcomers)));

        Items inactive = new Items(List.of("person", "last_contribution"),
                List.of(List.of("Bob", Instant.parse("2025-09-15T12:00:00Z"))), null);
        assertEquals(List.of("Bob — last contribution 2025-09-15"),
                ItemLines.of(result("git.inactive_contributors", Status.FAIL, inactive)));

        Items tags = new Items(List.of("tag", "date", "commit"), List.of(List.of("v1.0", Instant.parse("2026-05-10T12:00:00Z"), "abc")), null);
        assertEquals(List.of("v1.0 — tagged 2026-05-10"), ItemLines.of(result("git.releases", Status.WARN, tags)));
    }

    @Test
    void anEmailColumnKeptByShowEmailsGoesBesideTheName() {
        Items items = new Items(List.of("person", "email", "commits"),
                List.of(List.of("Alice", "alice@example.com", 2), List.of("", "anon@corp.example.org", 1)), null);
        assertEquals(List.of("Alice <alice@example.com> — 2 commits", "<anon@corp.example.org> — 1 commit"),
                ItemLines.of(result("git.contributors", Status.WARN, items)));
    }

    @Test
    void waitingItemsComeFirstThenTheLongestAnswered() {
        List<String> columns = List.of("number", "title", "url", "author", "created_at", "end_at", "hours", "waiting_days");
        Items items = new Items(columns, List.of(
                List.of(1, "quick", "https://x/1", "a", at("2026-06-01"), at("2026-06-02"), 24.0, ""),
                List.of(2, "short wait", "https://x/2", "b", at("2026-06-20"), "", "", 11.0),
                List.of(3, "slow", "https://x/3", "c", at("2026-06-01"), at("2026-06-04"), 72.0, ""),
                List.of(4, "long wait", "https://x/4", "d", at("2026-06-01"), "", "", 30.0)), "url");
        assertEquals(List.of(
                "#4 \"long wait\" https://x/4 — waiting 30 days",
                "#2 \"short wait\" https://x/2 — waiting 11 days",
                "#3 \"slow\" https://x/3 — answered after 3.0 days",
                "#1 \"quick\" https://x/1 — answered after 24.0 h"),
                ItemLines.of(result("issue.first_response_time", Unit.HOURS, Status.FAIL, items, Direction.LOWER)));
        List<String> review = ItemLines.of(result("change.first_review_time", Unit.HOURS, Status.WARN, items, Direction.LOWER));
        assertEquals("#3 \"slow\" https://x/3 — reviewed after 3.0 days", review.get(2));
    }

    @Test
    void anItemClosedBeforeItsAnswerIsNotSaidToBeWaiting() {
        List<String> columns = List.of("number", "title", "url", "author", "created_at", "end_at", "hours", "waiting_days",
                "closed_unanswered_days");
        Items items = new Items(columns, List.of(
                List.of(6, "closed quietly", "https://x/6", "a", at("2026-06-01"), "", "", "", 21.0),
                List.of(7, "open", "https://x/7", "b", at("2026-06-20"), "", "", 11.0, "")), "url");
        assertEquals(List.of(
                "#7 \"open\" https://x/7 — waiting 11 days",
                "#6 \"closed quietly\" https://x/6 — closed unanswered after 21 days"),
                ItemLines.of(result("issue.first_response_time", Unit.HOURS, Status.FAIL, items, Direction.LOWER)));
        assertEquals("#6 \"closed quietly\" https://x/6 — closed unreviewed after 21 days",
                ItemLines.of(result("change.first_review_time", Unit.HOURS, Status.FAIL, items, Direction.LOWER)).get(1));
    }

    @Test
    void aRatioNamesTheItemsThatPullItTheWrongWay() {
        List<String> columns = List.of("number", "title", "url", "author", "created_at", "counted");
        Items items = new Items(columns, List.of(
                List.of(10, "reviewed", "https://x/10", "a", at("2026-06-05"), "yes"),
                List.of(13, "not reviewed", "https://x/13", "b", at("2026-06-10"), "no")), "url");
        assertEquals(List.of("#13 \"not reviewed\" https://x/13 — opened 2026-06-10"),
                ItemLines.of(result("change.review_coverage", Unit.RATIO, Status.FAIL, items, Direction.HIGHER)));

        Items closure = new Items(List.of("number", "title", "url", "author", "created_at", "opened_in_window", "closed_in_window"),
                List.of(List.of(1, "open", "https://x/1", "a", at("2026-06-02"), "yes", "no"),
                        List.of(2, "closed", "https://x/2", "b", at("2026-06-10"), "yes", "yes"),
                        List.of(6, "old, closed", "https://x/6", "c", at("2026-03-01"), "no", "yes")), "url");
        assertEquals(List.of("#1 \"open\" https://x/1 — opened 2026-06-02"),
                ItemLines.of(result("issue.closure_ratio", Unit.RATIO, Status.WARN, closure, Direction.HIGHER)));
    }

    @Test
    void aLineBreakInATitleCannotStartALine() {
        Items items = new Items(TRACKER, List.of(List.of(5, "one\r\n::error::two\u2028three", "https://x/5", "a",
                at("2026-01-01"), 1.0, 2.5)), "url");
        assertEquals(List.of("#5 \"one ::error::two three\" https://x/5 — 2.5 days inactive"),
                ItemLines.of(result("issue.stale", Status.FAIL, items)));
    }
}

package dev.gqm.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gqm.collect.Actor;
import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.Review;
import dev.gqm.dataset.Dataset;
import dev.gqm.dataset.IdentityResolver;
import dev.gqm.dataset.IssueData;
import dev.gqm.dataset.Mailmap;
import dev.gqm.dataset.Window;
import dev.gqm.model.Duration;
import dev.gqm.model.MetricUse;
import dev.gqm.model.ParamSpec;
import dev.gqm.model.Stat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every issue.* and change.* metric on a hand-made tracker, as of 2026-07-01 with a 30-day window
 * W = (2026-06-01, 2026-07-01]. The traps: pull requests inside the issue listing, a bot comment,
 * the author's own comment, an issue closed after as-of, a review after the merge, bot-authored
 * items, an AI review assistant, an item created after as-of.
 */
class TrackerMetricsTest {
    static final Instant AS_OF = Instant.parse("2026-07-01T00:00:00Z");
    static final MetricCatalog CATALOG = new MetricCatalog();
    static final Actor BOT_ACTIONS = new Actor("github-actions[bot]", "Bot");
    static final Actor DEPENDABOT = new Actor("dependabot[bot]", "Bot");

    static long ids = 1000;
    static final List<Issue> ITEMS = new ArrayList<>();
    static final List<Comment> COMMENTS = new ArrayList<>();
    static final List<Review> REVIEWS = new ArrayList<>();

    static Actor user(String login) {
        return new Actor(login, "User");
    }

    static Instant t(String day) {
        return Instant.parse(day.length() == 10 ? day + "T00:00:00Z" : day);
    }

    static void issue(int n, Actor by, String created, String closed) {
        ITEMS.add(new Issue(ids++, n, "issue " + n, "https://github.com/o/r/issues/" + n, by, "NONE", t(created), t(created),
                closed == null ? null : t(closed), false, null, false, List.of(), closed == null ? "open" : "closed"));
    }

    static void pull(int n, Actor by, String created, String closed, boolean merged) {
        ITEMS.add(new Issue(ids++, n, "pull " + n, "https://github.com/o/r/pull/" + n, by, "CONTRIBUTOR", t(created), t(created),
                closed == null ? null : t(closed), true, merged ? t(closed) : null, false, List.of(),
                closed == null ? "open" : "closed"));
    }

    static void comment(int n, Actor by, String at) {
        COMMENTS.add(new Comment(ids++, n, by, t(at), t(at)));
    }

    static void review(int n, Actor by, String at) {
        REVIEWS.add(new Review(ids++, n, by, t(at), "APPROVED"));
    }

    static {
        issue(1, user("alice"), "2026-06-02", null);
        comment(1, user("alice"), "2026-06-02T05:00:00Z");
        comment(1, BOT_ACTIONS, "2026-06-02T06:00:00Z");
        comment(1, user("bob"), "2026-06-03");
        issue(2, user("carol"), "2026-06-10", "2026-06-12");
        comment(2, user("dave"), "2026-06-10T12:00:00Z");
        issue(3, user("erin"), "2026-06-20", "2026-07-05");
        issue(4, user("frank"), "2026-04-01", null);
        comment(4, new Actor("renovate[bot]", "Bot"), "2026-06-25");
        issue(5, user("gina"), "2026-05-01", null);
        comment(5, user("bob"), "2026-06-15");
        issue(6, user("hank"), "2026-03-01", "2026-06-05");
        issue(7, user("ivan"), "2026-07-10", null);
        comment(7, user("bob"), "2026-07-11");
        issue(8, DEPENDABOT, "2026-06-15", null);

        pull(10, user("alice"), "2026-06-05", "2026-06-06", true);
        review(10, user("bob"), "2026-06-05T10:00:00Z");
        pull(11, DEPENDABOT, "2026-06-07", "2026-06-08", true);
        pull(12, user("carol"), "2026-06-08", "2026-06-09", false);
        pull(13, user("dave"), "2026-06-10", "2026-06-20", true);
        review(13, new Actor("coderabbitai[bot]", "Bot"), "2026-06-11");
        review(13, user("dave"), "2026-06-12");
        review(13, user("alice"), "2026-06-21");
        pull(14, user("erin"), "2026-06-25", null, false);
        pull(15, user("gina"), "2026-05-01", null, false);
        comment(15, user("bob"), "2026-05-10");
    }

    static Dataset data() {
        IssueData tracker = IssueData.build(new dev.gqm.collect.TrackerRecords(ITEMS, COMMENTS, REVIEWS, List.of()), new IdentityResolver(Mailmap.empty(), null), AS_OF);
        return new Dataset(AS_OF, Optional.empty(), Optional.of(tracker));
    }

    static MetricUse use(String metric, Stat stat, Map<String, Object> overrides) {
        Map<String, Object> params = new HashMap<>();
        for (ParamSpec p : CATALOG.signature(metric).orElseThrow().params().values()) {
            params.put(p.name(), p.defaultValue());
        }
        params.put("window", Duration.parse("30d"));
        params.putAll(overrides);
        return new MetricUse(metric.replace('.', '-').replace('_', '-'), metric, stat, params, Optional.empty(), Optional.empty());
    }

    static Measurement measure(String metric, Stat stat, Map<String, Object> overrides) {
        MetricUse u = use(metric, stat, overrides);
        return CATALOG.find(metric).orElseThrow().measure(new MetricQuery(data(), AS_OF, Window.ending(AS_OF, u.window().toJava()), u));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "issue.opened, 3",
        "issue.closed, 2",
        "issue.open, 4",
        "issue.stale, 1",
        "issue.age, 1080",
        "issue.first_response_time, 24",
        "issue.resolution_time, 1176",
        "issue.closure_ratio, 0.666667",
        "change.opened, 4",
        "change.merged, 2",
        "change.open, 2",
        "change.stale, 1",
        "change.merge_latency, 132",
        "change.acceptance_ratio, 0.666667",
        "change.review_coverage, 0.5",
        "change.first_review_time, 240",
    })
    void handWorkedValue(String metric, double expected) {
        Stat stat = CATALOG.find(metric).orElseThrow().defaultStat();
        assertEquals(expected, measure(metric, stat, Map.of()).value(), 1e-4);
    }

    @Test
    void statsOverFirstResponseTimes() {
        // answered: #2 after 12 h, #1 after 24 h; p90 rank 0.9 x (2 - 1) lies 90 % of the way from 12 to 24

        assertEquals(12, measure("issue.first_response_time", Stat.MIN, Map.of()).value(), 1e-9);
        assertEquals(24, measure("issue.first_response_time", Stat.MAX, Map.of()).value(), 1e-9);
        assertEquals(18, measure("issue.first_response_time", Stat.MEAN, Map.of()).value(), 1e-9);
        assertEquals(22.8, measure("issue.first_response_time", Stat.P90, Map.of()).value(), 1e-9);
    }

    @Test
    void waitingTimesDefaultToTheSurvivalMedianOverAllItems() {
        // issues of W by people: #1 answered after 24 h, #2 after 12 h, #3 never (open at as-of:
        // censored after 11 days = 264 h). S(12) = 2/3, S(24) = 2/3 x 1/2 = 1/3 <= 0.5: 24 h, while
        // the median over the two answered is 18 h.
        Measurement survival = measure("issue.first_response_time", Stat.SURVIVAL_MEDIAN, Map.of());
        assertEquals(24, survival.value(), 1e-9);
        assertEquals(false, survival.censored());
        assertEquals(new dev.gqm.model.Sample(3, 2L, 1L, null, null, "answered 2 of 3 issues"), survival.sample());
        assertEquals(18, measure("issue.first_response_time", Stat.MEDIAN, Map.of()).value(), 1e-9);
        // S(24) = 1/3 > 0.1 and no later event: p90 not reached, at least the longest wait seen (264 h)
        Measurement p90 = measure("issue.first_response_time", Stat.SURVIVAL_P90, Map.of());
        assertEquals(264, p90.value(), 1e-9);
        assertEquals(true, p90.censored());
    }

    @Test
    void aPullRequestClosedUnreviewedIsCensoredAtItsClose() {
        // #10 reviewed after 10 h; #12 closed unreviewed after 24 h; #14 open, 144 h at as-of; #13
        // merged after 240 h, its only review by someone else (alice) a day after the merge: no
        // answer to its wait, so it is censored at the merge too. S(10) = 3/4 and no later event:
        // the median is not reached, at least the longest time seen (240 h).
        Measurement m = measure("change.first_review_time", Stat.SURVIVAL_MEDIAN, Map.of());
        assertEquals(240, m.value(), 1e-9);
        assertEquals(true, m.censored());
        assertEquals("reviewed 1 of 4 pull requests", m.sample().text());
        assertEquals(3L, m.sample().censored());
        // over the reviewed ones only: #10 alone
        assertEquals(10, measure("change.first_review_time", Stat.MEDIAN, Map.of()).value(), 1e-9);
        ItemTable items = m.items();
        int waiting = items.columns().indexOf("waiting_days");
        int closed = items.columns().indexOf("closed_unanswered_days");
        // rows by number: #10, #12, #13, #14
        assertEquals(List.of("", 1.0, 10.0, ""), items.rows().stream().map(r -> r.get(closed)).toList());
        assertEquals(List.of("", "", "", 6.0), items.rows().stream().map(r -> r.get(waiting)).toList());
    }

    @Test
    void unansweredIssuesAreListedWithoutADuration() {
        ItemTable items = measure("issue.first_response_time", Stat.MEDIAN, Map.of()).items();
        assertEquals(3, items.rows().size());
        List<Object> third = items.rows().get(2);
        assertEquals(3, third.get(0));
        assertEquals("", third.get(items.columns().indexOf("hours")));
        assertEquals("url", items.linkColumn());
    }

    @Test
    void staleIssueItemsSayHowLongSinceActivity() {
        ItemTable items = measure("issue.stale", Stat.COUNT, Map.of()).items();
        assertEquals(1, items.rows().size());
        assertEquals(4, items.rows().get(0).get(0));
        assertEquals(91.0, items.rows().get(0).get(items.columns().indexOf("inactive_days")));
    }

    @Test
    void botsCountWhenAsked() {
        assertEquals(4, measure("issue.opened", Stat.COUNT, Map.of("include_bots", true)).value(), 1e-9);
        assertEquals(5, measure("change.opened", Stat.COUNT, Map.of("include_bots", true)).value(), 1e-9);
    }

    @Test
    void shorterInactivitySpanMakesMoreStale() {
        // 10 days: #1 (last 06-03) and #5 (06-15) join #4; #3 (06-20) is 11 days quiet too.
        assertEquals(4, measure("issue.stale", Stat.COUNT, Map.of("inactive_for", Duration.parse("10d"))).value(), 1e-9);
    }

    @Test
    void nothingOpenedIsNoDataNotZero() {
        Measurement m = measure("issue.closure_ratio", Stat.RATIO, Map.of("labels", List.of("no-such-label")));
        assertNull(m.value());
    }

    @Test
    void withoutGitHubEveryTrackerMetricIsNoData() {
        MetricUse u = use("issue.open", Stat.COUNT, Map.of());
        Dataset none = new Dataset(AS_OF, Optional.empty());
        assertNull(CATALOG.find("issue.open").orElseThrow()
                .measure(new MetricQuery(none, AS_OF, Window.ending(AS_OF, u.window().toJava()), u)).value());
    }
}

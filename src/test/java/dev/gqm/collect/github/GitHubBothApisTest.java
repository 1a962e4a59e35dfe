package dev.gqm.collect.github;

import static dev.gqm.collect.github.FakeGitHubGraphQl.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSource;
import dev.gqm.collect.StateEvent;
import dev.gqm.collect.Tracker;
import dev.gqm.collect.TrackerRecords;
import dev.gqm.collect.http.Sleeper;
import dev.gqm.dataset.IdentityResolver;
import dev.gqm.dataset.IssueData;
import dev.gqm.dataset.Mailmap;
import dev.gqm.store.IssueStore;
import dev.gqm.store.IssueSync;
import dev.gqm.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One repository read over REST and over GraphQL: the same records, the same values. */
class GitHubBothApisTest {
    private static final String TOKEN = "ghp_both0123456789";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static String day(int d) {
        return Instant.parse("2026-06-01T00:00:00Z").plus(Duration.ofDays(d)).toString();
    }

    /** #1 an open issue by a bot with two comments (one by a deleted account), #2 closed, #3 a merged pull request reviewed twice, #4 an open draft. */
    private static void rest(FakeGitHub rest) {
        rest.addIssue(101, 1, "dependabot[bot]", "Bot", "MEMBER", day(1), day(9), null, false, "dependencies");
        rest.addComment(501, 1, "alice", "User", day(2), day(2));
        rest.addComment(502, 1, "ghost", "User", day(3), day(3)).putNull("user");
        rest.addIssue(102, 2, "alice", "User", "MEMBER", day(1), day(4), day(4), false, "bug", "ui");
        rest.addIssue(103, 3, "carol", "User", "MEMBER", day(2), day(7), day(6), true);
        rest.addPull(203, 3, "carol", day(2), day(7), day(6), false).put("state", "closed");
        rest.addReview(701, 3, "bob", "User", day(4), "APPROVED");
        rest.addReview(702, 3, "copilot-pull-request-reviewer[bot]", "Bot", day(5), "COMMENTED");
        rest.addComment(503, 3, "bob", "User", day(5), day(5));
        rest.addIssue(104, 4, "dave", "User", "MEMBER", day(3), day(8), null, true);
        rest.addPull(204, 4, "dave", day(3), day(8), null, true).put("state", "open");
    }

    private static void graphQl(FakeGitHubGraphQl gql) {
        Map<String, Object> one = gql.addItem(false, 101, 1, actor("Bot", "dependabot"), day(1), day(9), null,
                "dependencies");
        FakeGitHubGraphQl.addComment(one, 501, actor("User", "alice"), day(2), day(2));
        FakeGitHubGraphQl.addComment(one, 502, null, day(3), day(3));
        Map<String, Object> two = gql.addItem(false, 102, 2, actor("User", "alice"), day(1), day(4), day(4), "bug", "ui");
        FakeGitHubGraphQl.addEvent(two, "ClosedEvent", actor("User", "alice"), day(4));
        // GraphQL gives a pull request its own id (REST's /pulls id), REST's /issues its issue's
        Map<String, Object> three = gql.addItem(true, 203, 3, actor("User", "carol"), day(2), day(7), day(6));
        three.put("state", "MERGED");
        three.put("mergedAt", day(6));
        FakeGitHubGraphQl.addReview(three, 701, actor("User", "bob"), day(4), "APPROVED");
        FakeGitHubGraphQl.addReview(three, 702, actor("Bot", "copilot-pull-request-reviewer"), day(5), "COMMENTED");
        FakeGitHubGraphQl.addComment(three, 503, actor("User", "bob"), day(5), day(5));
        FakeGitHubGraphQl.addEvent(three, "MergedEvent", actor("User", "bob"), day(6));
        FakeGitHubGraphQl.addEvent(three, "ClosedEvent", actor("User", "bob"), day(6));
        Map<String, Object> four = gql.addItem(true, 204, 4, actor("User", "dave"), day(3), day(8), null);
        four.put("isDraft", true);
    }

    /** The items with a pull request's id left out: REST names it by its issue's id, GraphQL by its own. */
    private static List<Issue> withoutPullIds(List<Issue> items) {
        return items.stream().map(i -> !i.changeRequest() ? i : new Issue(0, i.number(), i.title(), i.url(),
                i.author(), i.authorAssociation(), i.createdAt(), i.updatedAt(), i.closedAt(), true, i.mergedAt(),
                i.draft(), i.labels(), i.state())).toList();
    }

    private TrackerRecords collect(String file, IssueSource source) throws Exception {
        try (Store store = Store.open(tmp.resolve(file).toString())) {
            IssueStore issues = store.issues(store.sourceId("github", "x/repos/o/r"));
            new IssueSync(issues).sync(source);
            return issues.records();
        }
    }

    @Test
    void restAndGraphQlStoreTheSameRecordsAndGiveTheSameValues() throws Exception {
        TrackerRecords overRest;
        TrackerRecords overGraphQl;
        try (FakeGitHub rest = new FakeGitHub("o/r"); FakeGitHubGraphQl gql = new FakeGitHubGraphQl("o/r")) {
            rest(rest);
            graphQl(gql);
            overRest = collect("rest.db", new GitHubIssueSource("o/r", rest.url(), TOKEN, Sleeper.REAL, CLOCK));
            overGraphQl = collect("graphql.db", new GitHubGraphQlSource("o/r", gql.endpoint(), TOKEN, Sleeper.REAL,
                    CLOCK, line -> { }, Duration.ofHours(1)));
            assertEquals(List.of(), gql.invalid);
        }
        assertEquals(4, overRest.items().size());
        assertEquals(withoutPullIds(overRest.items()), withoutPullIds(overGraphQl.items()));
        assertEquals(overRest.comments(), overGraphQl.comments());
        assertEquals(overRest.reviews(), overGraphQl.reviews());
        // REST keeps no state history; GraphQL's closes fall at the present close times
        assertEquals(List.of(), overRest.events());
        assertEquals(List.of(StateEvent.Kind.CLOSED, StateEvent.Kind.MERGED),
                overGraphQl.events().stream().map(StateEvent::kind).toList());

        IdentityResolver people = new IdentityResolver(Mailmap.empty(), null);
        for (Instant asOf : List.of(Instant.parse(day(5)), CLOCK.instant())) {
            IssueData a = IssueData.build(overRest, people, asOf);
            IssueData b = IssueData.build(overGraphQl, people, asOf);
            assertEquals(a.issues(), b.issues(), "issues as of " + asOf);
            assertEquals(a.pulls(), b.pulls(), "pull requests as of " + asOf);
        }
    }

    @Test
    void aStoreFilledOverRestIsReadOnOverGraphQl() throws Exception {
        try (FakeGitHub rest = new FakeGitHub("o/r"); FakeGitHubGraphQl gql = new FakeGitHubGraphQl("o/r")) {
            rest(rest);
            graphQl(gql);
            rest.pulls.get(0).put("draft", true);
            collect("one.db", new GitHubIssueSource("o/r", rest.url(), TOKEN, Sleeper.REAL, CLOCK));
            TrackerRecords both = collect("one.db", new GitHubGraphQlSource("o/r", gql.endpoint(), TOKEN,
                    Sleeper.REAL, CLOCK, line -> { }, Duration.ofHours(1)));
            assertEquals(List.of(1, 2, 3, 4), both.items().stream().map(Issue::number).toList(),
                    "each pull request once, under GraphQL's id");
            // #3 was a draft when REST read it; GraphQL's answer is the newer word
            assertEquals(List.of(101L, 102L, 203L, 204L), both.items().stream().map(Issue::id).toList());
            assertEquals(List.of(false, false, false, true), both.items().stream().map(Issue::draft).toList());
            assertEquals(3, both.comments().size());
            assertEquals(2, both.reviews().size());
        }
    }

    @Test
    void theApiIsChosenByTheTokenUnlessGiven() {
        GitHubTracker tracker = new GitHubTracker();
        Map<String, String> token = Map.of("GITHUB_TOKEN", TOKEN);
        Tracker.Configured byDefault = tracker.configure(Map.of("--github", "o/r")).orElseThrow();
        assertInstanceOf(GitHubGraphQlSource.class, byDefault.open(token, CLOCK, line -> { }));
        assertInstanceOf(GitHubIssueSource.class, byDefault.open(Map.of(), CLOCK, line -> { }));
        Tracker.Configured rest = tracker.configure(Map.of("--github", "o/r", "--github-api", "rest")).orElseThrow();
        assertInstanceOf(GitHubIssueSource.class, rest.open(token, CLOCK, line -> { }));
        Tracker.Configured graphQl = tracker.configure(Map.of("--github", "o/r", "--github-api", "graphql"))
                .orElseThrow();
        assertEquals(rest.location(), graphQl.location(), "one store source whichever API reads it");
        assertTrue(graphQl.credentialProblem(Map.of()).orElseThrow().contains("--github-api graphql needs a token"));
        assertEquals(java.util.Optional.empty(), graphQl.credentialProblem(token));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> tracker.configure(Map.of("--github", "o/r", "--github-api", "soap")));
        assertEquals("bad --github-api 'soap': expected graphql or rest", bad.getMessage());
    }
}

package dev.gqm.collect.bugzilla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.Comment;
import dev.gqm.collect.Issue;
import dev.gqm.collect.IssueSink;
import dev.gqm.collect.SourceException;
import dev.gqm.collect.StateEvent;
import dev.gqm.collect.TrackerOption;
import dev.gqm.collect.http.Sleeper;
import dev.gqm.dataset.IdentityResolver;
import dev.gqm.dataset.IssueData;
import dev.gqm.dataset.Mailmap;
import dev.gqm.dataset.TrackedItem;
import dev.gqm.dataset.Window;
import dev.gqm.store.IssueStore;
import dev.gqm.store.IssueSync;
import dev.gqm.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BugzillaIssueSourceTest {
    private static final String KEY = "bzKEY0123456789secret";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    private FakeBugzilla bz;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        bz = new FakeBugzilla();
    }

    @AfterEach
    void stop() {
        bz.close();
    }

    private static String day(int d) {
        return Instant.parse("2025-03-01T00:00:00Z").plus(Duration.ofDays(d - 1)).toString();
    }

    private BugzillaIssueSource source(List<String> products, List<String> components) {
        Map<String, String> values = new HashMap<>();
        values.put(BugzillaTracker.URL, bz.url());
        values.put(BugzillaTracker.PRODUCT, String.join(TrackerOption.SEPARATOR, products));
        if (!components.isEmpty()) {
            values.put(BugzillaTracker.COMPONENT, String.join(TrackerOption.SEPARATOR, components));
        }
        BugzillaTracker.Configured config = (BugzillaTracker.Configured) new BugzillaTracker().configure(values)
                .orElseThrow();
        Sleeper sleeper = waits::add;
        return new BugzillaIssueSource(config, KEY, sleeper, CLOCK, line -> { }, Duration.ofMinutes(10),
                Duration.ofSeconds(5));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BugzillaIssueSourceTest.class.getResourceAsStream("/bugzilla/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Krita's bugs: the traps of the scenario, worked out by hand below. */
    private void krita() {
        bz.products.addAll(List.of("Krita", "Calligra"));
        // 1: answered by bob on day 2, closed by bob on day 5, reopened by alice on day 8: open since
        bz.bug(1, "Krita", "General", "REOPENED", day(1), day(8), "alice@example.org");
        bz.comment(1, 1, "bob@kde.org", day(2));
        bz.statusChange(1, "bob@kde.org", day(5), "UNCONFIRMED", "RESOLVED");
        bz.statusChange(1, "alice@example.org", day(8), "RESOLVED", "REOPENED");
        // 2: only the janitor bot commented; closed on day 20 (after an as-of of day 15)
        bz.bug(2, "Krita", "Brush engines", "RESOLVED", day(3), day(20), "carol@example.org");
        bz.comment(2, 1, "bug-janitor@kde.org", day(4));
        bz.statusChange(2, "dave@kde.org", day(20), "CONFIRMED", "RESOLVED");
        // 3: another product; 4: a component outside the filter
        bz.bug(3, "Calligra", "General", "CONFIRMED", day(2), day(2), "erin@example.org");
        bz.bug(4, "Krita", "Translations", "CONFIRMED", day(2), day(2), "erin@example.org");
    }

    @Test
    void collectsTheProductsBugsWithCommentsAndHistoryPageByPage() throws Exception {
        krita();
        // 200 more bugs of Krita/General make three pages of 100, 100 and 2
        for (int id = 10; id < 210; id++) {
            bz.bug(id, "Krita", "General", "CONFIRMED", day(1), day(6), "frank@example.org");
        }
        try (Store store = Store.open(tmp.resolve("s.db").toString())) {
            IssueStore issues = store.issues(store.sourceId("bugzilla", "x"));
            BugzillaIssueSource source = source(List.of("Krita"), List.of("General", "Brush engines"));
            new IssueSync(issues).sync(source);

            List<String> paths = bz.requests.stream().map(r -> r.replaceAll("\\?.*", "")).toList();
            assertEquals(List.of("/rest/field/bug/bug_status", "/rest/product",
                    "/rest/bug", "/rest/bug/1/history", "/rest/bug/1/comment",
                    "/rest/bug", "/rest/bug/108/history", "/rest/bug/108/comment",
                    "/rest/bug", "/rest/bug/208/history", "/rest/bug/208/comment", "/rest/bug"), paths);
            assertEquals(12, source.requests(), "an empty page ends the listing");
            assertTrue(bz.requests.get(2).contains("product=Krita&component=General&component=Brush%20engines"),
                    bz.requests.get(2));
            assertTrue(bz.requests.get(3).endsWith("ids=1&ids=2&ids=10&ids=11&ids=12&ids=13&ids=14&ids=15&ids=16"
                    + "&ids=17&ids=18&ids=19&ids=20&ids=21&ids=22&ids=23&ids=24&ids=25&ids=26&ids=27&ids=28&ids=29"
                    + "&ids=30&ids=31&ids=32&ids=33&ids=34&ids=35&ids=36&ids=37&ids=38&ids=39&ids=40&ids=41&ids=42"
                    + "&ids=43&ids=44&ids=45&ids=46&ids=47&ids=48&ids=49&ids=50&ids=51&ids=52&ids=53&ids=54&ids=55"
                    + "&ids=56&ids=57&ids=58&ids=59&ids=60&ids=61&ids=62&ids=63&ids=64&ids=65&ids=66&ids=67&ids=68"
                    + "&ids=69&ids=70&ids=71&ids=72&ids=73&ids=74&ids=75&ids=76&ids=77&ids=78&ids=79&ids=80&ids=81"
                    + "&ids=82&ids=83&ids=84&ids=85&ids=86&ids=87&ids=88&ids=89&ids=90&ids=91&ids=92&ids=93&ids=94"
                    + "&ids=95&ids=96&ids=97&ids=98&ids=99&ids=100&ids=101&ids=102&ids=103&ids=104&ids=105&ids=106"
                    + "&ids=107"), "a page's histories in one request");
            // the key travels in its header on every request, never in an address
            assertTrue(bz.keys.stream().allMatch(KEY::equals));
            assertTrue(bz.requests.stream().noneMatch(r -> r.contains(KEY)));

            List<Issue> stored = issues.issues();
            assertEquals(202, stored.size(), "bugs 3 (Calligra) and 4 (Translations) are left out");
            Issue one = stored.get(0);
            assertEquals("REOPENED", one.state());
            assertEquals(null, one.closedAt());
            assertEquals(bz.url() + "/show_bug.cgi?id=1", one.url());
            assertEquals(List.of("component:General", "severity:normal"), one.labels());
            Issue two = stored.get(1);
            assertEquals(Instant.parse(day(20)), two.closedAt(), "the last close in the history");
            assertEquals(List.of("component:Brush engines", "severity:normal", "resolution:FIXED"), two.labels());
            // comment 0 is each bug's description: only bob's and the janitor's are comments
            assertEquals(List.of("bob@kde.org", "bug-janitor@kde.org"),
                    issues.comments().stream().map(c -> c.author().login()).toList());
            assertEquals(List.of(StateEvent.Kind.CLOSED, StateEvent.Kind.REOPENED, StateEvent.Kind.CLOSED),
                    issues.events().stream().map(StateEvent::kind).toList());
            assertEquals(Map.of("bugs", Instant.parse(day(20))), issues.cursors());
            assertFalse(issues.partial());
            assertFalse(Files.readString(tmp.resolve("s.db"), StandardCharsets.ISO_8859_1).contains(KEY));

            // as of day 15: bug 1 is open (reopened on day 8), bug 2 still open (closed on day 20)
            Instant asOf = Instant.parse(day(15));
            IssueData data = IssueData.build(issues.records(), new IdentityResolver(Mailmap.empty(), null), asOf);
            TrackedItem bug1 = data.issues().get(0);
            TrackedItem bug2 = data.issues().get(1);
            assertTrue(bug1.openAt(asOf));
            assertFalse(bug1.openAt(Instant.parse(day(6))), "closed from day 5 to day 8");
            assertFalse(bug1.closedIn(new Window(Instant.parse(day(1)), asOf)), "closed in W, reopened since");
            assertTrue(bug2.openAt(asOf));
            assertEquals(Instant.parse(day(2)), bug1.firstAnswer(bug1.comments(), asOf).at());
            assertEquals(null, bug2.firstAnswer(bug2.comments(), asOf), "a bot's comment answers nobody");

            // a rerun with nothing changed: the statuses, and the search from the cursor, which
            // Bugzilla answers "at or after": bug 2 again, with its comments and history, then
            // the empty page
            int served = bz.requests.size();
            BugzillaIssueSource again = source(List.of("Krita"), List.of("General", "Brush engines"));
            new IssueSync(issues).sync(again);
            assertEquals(5, again.requests());
            assertTrue(bz.requests.get(served + 1).endsWith("&last_change_time=2025-03-20T00%3A00%3A00Z"),
                    bz.requests.get(served + 1));
            assertEquals(202, issues.issues().size());
        }
    }

    @Test
    void aMisspeltProductIsAnErrorNamingTheKnownOnes() throws Exception {
        krita();
        BugzillaIssueSource source = source(List.of("Krta"), List.of());
        SourceException e = assertThrows(SourceException.class, () -> source.collect(Map.of(), page -> { }));
        assertEquals("Bugzilla product not found on " + bz.url() + ": Krta (it knows Krita, Calligra)", e.getMessage());
    }

    @Test
    void limitsAreWaitedOutAndRefusalsAreOneLine() throws Exception {
        krita();
        bz.script("/rest/field/bug/bug_status", 429, Map.of("Retry-After", "7"), "{}");
        bz.script("/rest/bug", 503, Map.of("Retry-After", "3"), "");
        List<IssueSink.Page> pages = new ArrayList<>();
        source(List.of("Krita"), List.of()).collect(Map.of(), pages::add);
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(3)), waits);
        assertEquals(3, pages.get(0).items().size());

        bz.script("/rest/field/bug/bug_status", 401, Map.of(),
                "{\"error\":true,\"code\":306,\"message\":\"The API key you specified is invalid.\"}");
        SourceException bad = assertThrows(SourceException.class,
                () -> source(List.of("Krita"), List.of()).collect(Map.of(), page -> { }));
        assertEquals("bad credentials for Bugzilla " + bz.url() + ": check BUGZILLA_API_KEY", bad.getMessage());
        assertFalse(bad.getMessage().contains(KEY));

        bz.script("/rest/field/bug/bug_status", 400, Map.of(), resource("bugbite/error-nonexistent-bug.json"));
        SourceException refused = assertThrows(SourceException.class,
                () -> source(List.of("Krita"), List.of()).collect(Map.of(), page -> { }));
        assertEquals("Bugzilla refused /rest/field/bug/bug_status: Bug #1 does not exist. (code 101)",
                refused.getMessage());
    }

    @Test
    void readsRecordedAnswersOfRealInstances() throws Exception {
        // bugs.gentoo.org's statuses (the first value has no name); bugzilla.mozilla.org's bug
        // 12345 (VERIFIED FIXED), its 19 comments and the history of bug 1190
        bz.raw.put("/rest/field/bug/bug_status", resource("bugbite/fields-gentoo.json"));
        bz.raw.put("/rest/product", "{\"products\":[{\"name\":\"MailNews Core\"}]}");
        bz.raw.put("/rest/bug", resource("libmozdata/search-12345.json"));
        bz.raw.put("/rest/bug/12345/comment", resource("libmozdata/comment-12345.json"));
        bz.raw.put("/rest/bug/12345/history", "{\"bugs\":[{\"id\":12345,\"alias\":[],\"history\":[]}]}");
        List<IssueSink.Page> pages = new ArrayList<>();
        source(List.of("MailNews Core"), List.of()).collect(Map.of(), pages::add);

        Issue bug = pages.get(0).items().get(0);
        assertEquals(12345, bug.number());
        assertEquals("VERIFIED", bug.state());
        assertEquals(Instant.parse("1999-08-23T23:34:25Z"), bug.createdAt());
        assertEquals(Instant.parse("2020-04-13T10:15:51Z"), bug.closedAt(), "no history: the last change");
        assertEquals("marina@formerly-netscape.com.tld", bug.author().login());
        assertTrue(bug.labels().containsAll(List.of("component:Backend", "severity:normal", "resolution:FIXED")));
        List<Comment> comments = pages.get(0).comments();
        assertEquals(18, comments.size(), "19 comments, the first being the description");
        assertEquals("phil@formerly-netscape.com.tld", comments.get(0).author().login());
        assertEquals(Instant.parse("1999-08-23T23:38:59Z"), comments.get(0).createdAt());
        assertEquals(List.of(), pages.get(0).events());

        // bug 1190's recorded history, for a bug the stand-in lists: ASSIGNED→RESOLVED closes, RESOLVED→REOPENED reopens, ASSIGNED→RESOLVED closes,
        // RESOLVED→VERIFIED and NEW↔ASSIGNED change nothing (gentoo's list lacks NEW, ASSIGNED
        // and REOPENED: Bugzilla's usual open statuses stand in)
        bz.raw.remove("/rest/bug");
        bz.bug(1190, "MailNews Core", "Backend", "VERIFIED", "1998-10-01T00:00:00Z", "2013-01-01T00:00:00Z", "x@y.tld");
        bz.raw.put("/rest/bug/1190/history", resource("libmozdata/history-1190.json"));
        pages.clear();
        source(List.of("MailNews Core"), List.of()).collect(Map.of(), pages::add);
        assertEquals(Instant.parse("1999-02-04T18:38:43Z"), pages.get(0).items().get(0).closedAt());
        List<StateEvent> events = pages.get(0).events();
        assertEquals(List.of("1999-01-30T01:04:52Z CLOSED", "1999-02-02T21:37:32Z REOPENED",
                        "1999-02-04T18:38:43Z CLOSED"),
                events.stream().map(e -> e.at() + " " + e.kind()).toList());
        assertEquals(1190, events.get(0).number());
    }

    @Test
    void anInstanceThatAnswersFewerThanAskedOrIgnoresOffsetIsReadRightOrRefused() throws Exception {
        krita();
        // an instance whose maximum (40) is below the page size asked for (100): still read whole,
        // in pages of 40, 40, 23 and an empty one
        for (int id = 10; id < 110; id++) {
            bz.bug(id, "Krita", "General", "CONFIRMED", day(1), day(6), "frank@example.org");
        }
        bz.maxLimit = 40;
        List<IssueSink.Page> pages = new ArrayList<>();
        source(List.of("Krita"), List.of()).collect(Map.of(), pages::add);
        assertEquals(103, pages.stream().mapToInt(p -> p.items().size()).sum());
        assertEquals(List.of(40, 40, 23, 0), pages.stream().map(p -> p.items().size()).toList());

        // one that ignores offset gives the first page again: refused, not read for ever
        bz.ignoreOffset = true;
        SourceException e = assertThrows(SourceException.class,
                () -> source(List.of("Krita"), List.of()).collect(Map.of("bugs", Instant.parse(day(1))), page -> { }));
        assertEquals("Bugzilla's search answered offset 40 with bugs already read (it may ignore offset);"
                + " stopping rather than reading them again", e.getMessage());
    }

    @Test
    void anInstanceWithoutTheStatusOrProductListIsStillRead() throws Exception {
        krita();
        bz.script("/rest/field/bug/bug_status", 404, Map.of(), "{\"error\":true,\"code\":32614,\"message\":\"no\"}");
        bz.script("/rest/product", 404, Map.of(), "not here");
        List<String> lines = new ArrayList<>();
        Map<String, String> values = new HashMap<>(Map.of(BugzillaTracker.URL, bz.url(), BugzillaTracker.PRODUCT, "Krita"));
        BugzillaTracker.Configured config = (BugzillaTracker.Configured) new BugzillaTracker().configure(values)
                .orElseThrow();
        List<IssueSink.Page> pages = new ArrayList<>();
        new BugzillaIssueSource(config, null, d -> { }, CLOCK, lines::add, Duration.ofMinutes(1)).collect(Map.of(),
                pages::add);
        assertEquals(3, pages.get(0).items().size(), "Krita's bugs 1, 2 and 4");
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("does not list its statuses"), lines.get(0));
        // RESOLVED is not among the usual open statuses: bug 1's close on day 5 still counts
        assertEquals(StateEvent.Kind.CLOSED, pages.get(0).events().get(0).kind());
    }

    @Test
    void optionsAreCheckedBeforeAnythingIsRead() {
        BugzillaTracker tracker = new BugzillaTracker();
        IllegalArgumentException noProduct = assertThrows(IllegalArgumentException.class,
                () -> tracker.configure(Map.of(BugzillaTracker.URL, "https://bugs.kde.org")));
        assertEquals("--bugzilla needs --bugzilla-product NAME (one or more)", noProduct.getMessage());
        IllegalArgumentException noUrl = assertThrows(IllegalArgumentException.class,
                () -> tracker.configure(Map.of(BugzillaTracker.PRODUCT, "krita")));
        assertEquals("--bugzilla-product needs --bugzilla URL", noUrl.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> tracker.configure(Map.of(BugzillaTracker.URL, "bugs.kde.org", BugzillaTracker.PRODUCT, "krita")));
        var configured = tracker.configure(Map.of(BugzillaTracker.URL, "https://bugs.kde.org/",
                BugzillaTracker.PRODUCT, "krita" + TrackerOption.SEPARATOR + "calligra")).orElseThrow();
        assertEquals("krita, calligra", configured.repository());
        assertEquals("https://bugs.kde.org/buglist.cgi?product=krita&product=calligra", configured.webUrl());
        assertEquals("bugs of products krita, calligra on https://bugs.kde.org", configured.describe());
    }
}

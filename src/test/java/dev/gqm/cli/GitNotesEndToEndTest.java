package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.model.Note;
import dev.gqm.testing.AgentsFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents, warnings and data notes through the whole pipeline on {@link AgentsFixture}, collected
 * on 2026-11-22 (the clock of the run) and measured as of earlier instants.
 */
class GitNotesEndToEndTest {
    static final String MODEL = """
            model: git-notes
            title: Git values and their notes
            defaults: { window: 90d, period: month }
            goals:
              - id: all
                title: All git metrics
                questions:
                  - id: q
                    text: What does the history say?
                    metrics:
                      - metric: git.commits
                      - metric: git.contributors
                      - metric: git.new_contributors
                      - metric: git.inactive_contributors
                      - metric: git.bus_factor
                      - metric: git.elephant_factor
                      - metric: git.releases
                      - id: commits-with-bots
                        metric: git.commits
                        params: { include_bots: true }
                      - id: contributors-with-bots
                        metric: git.contributors
                        params: { include_bots: true }
                      - id: new-with-bots
                        metric: git.new_contributors
                        params: { include_bots: true }
                      - id: elephant-with-bots
                        metric: git.elephant_factor
                        params: { include_bots: true }
            """;
    static final Instant COLLECTED = Instant.parse("2026-11-22T10:00:00Z");
    static final String ALIASES = "2 groups of identities look like one person each (same full name or GitHub no-reply"
            + " id) but were not merged: run gqm identities suggest";

    @TempDir
    static Path dir;
    static Path repo;

    @BeforeAll
    static void fixture() throws Exception {
        repo = AgentsFixture.build(dir.resolve("repo"), false);
        Files.writeString(dir.resolve("model.yaml"), MODEL);
        Files.writeString(dir.resolve("identities.yaml"), AgentsFixture.IDENTITIES);
    }

    /** A run's result and its warnings, measured in-process as {@code gqm report} would. */
    static ModelResult measure(Path repository, String asOf, String store) {
        StringWriter err = new StringWriter();
        Context ctx = new Context(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), Map.of(),
                Clock.fixed(COLLECTED, ZoneOffset.UTC), dir, dir.resolve("home"));
        RunOptions o = new RunOptions();
        o.repo = repository.toString();
        o.model = "model.yaml";
        o.store = dir.resolve(store).toString();
        o.asOf = asOf;
        o.identities = "identities.yaml";
        RunSchedule run = new RunSchedule(ctx, false);
        try {
            return run.measure(o).result();
        } finally {
            run.finish();
        }
    }

    static Map<String, MetricResult> byId(ModelResult result) {
        Map<String, MetricResult> m = new LinkedHashMap<>();
        result.goals().get(0).questions().get(0).metrics().forEach(r -> m.put(r.use().id(), r));
        return m;
    }

    static List<String> codes(MetricResult r) {
        return r.notes().stream().map(Note::code).toList();
    }

    @Test
    void agentsAsAuthorsOrCoAuthorsAreNoContributorsUnlessBotsAreIncluded() {
        Map<String, MetricResult> m = byId(measure(repo, AgentsFixture.AS_OF, "agents.db"));
        assertEquals(7.0, m.get("git-commits").value());
        assertEquals(9.0, m.get("commits-with-bots").value());
        assertEquals(6.0, m.get("git-contributors").value());
        assertEquals(8.0, m.get("contributors-with-bots").value());
        assertEquals(5.0, m.get("git-new-contributors").value());
        assertEquals(7.0, m.get("new-with-bots").value());
        assertEquals(0.0, m.get("git-inactive-contributors").value());
        assertEquals(3.0, m.get("git-bus-factor").value());
        List<Object> people = m.get("git-contributors").items().rows().stream().map(row -> row.get(0)).toList();
        assertEquals(List.of("Omar Haddad", "Lee", "Lee Park", "Jane Q. Doe", "jane q doe", "Kim"), people);
        List<Object> withAgents = m.get("contributors-with-bots").items().rows().stream().map(row -> row.get(0)).toList();
        assertTrue(withAgents.containsAll(List.of("Claude", "pi")), withAgents.toString());
    }

    @Test
    void aBackDatedRunWarnsOfNothingAndNotesWhatLimitsTheValues() {
        ModelResult result = measure(repo, AgentsFixture.AS_OF, "back-dated.db");
        // commit 11 (2026-09-01) is after as-of but before the collection: not implausible
        assertEquals(List.of(), result.warnings());
        Map<String, MetricResult> m = byId(result);
        for (String people : List.of("git-contributors", "git-new-contributors", "git-inactive-contributors",
                "git-bus-factor", "contributors-with-bots", "new-with-bots")) {
            assertEquals(List.of(new Note(Note.ALIASES_SUSPECTED, ALIASES)), m.get(people).notes(), people);
        }
        assertEquals(List.of(), m.get("git-commits").notes());
        assertEquals(List.of(), m.get("git-releases").notes());
        assertEquals(List.of(new Note(Note.ORGANIZATION_GUESSED, "the organization of 3 of 7 commits (43%) is guessed"
                + " from the author's e-mail domain, not given by the identities file")), m.get("git-elephant-factor").notes());
        assertEquals("the organization of 5 of 9 commits (56%) is guessed from the author's e-mail domain, not given by"
                + " the identities file", m.get("elephant-with-bots").notes().get(0).text());
    }

    @Test
    void commitsDatedIn1980And2100AreImplausible() throws Exception {
        Path broken = AgentsFixture.build(dir.resolve("broken-clocks"), true);
        ModelResult result = measure(broken, AgentsFixture.AS_OF, "broken.db");
        assertEquals(List.of("2 commits dated before 1990 or more than a day in the future were left out"),
                result.warnings());
        assertEquals(7.0, byId(result).get("git-commits").value(), "the values are those without them");
    }

    @Test
    void historyEndsEarlyMoreThanThirtyDaysAfterTheNewestCommit() {
        // the newest commit at or before as-of is commit 10, 2026-06-10T12:00Z
        ModelResult exactly = measure(repo, "2026-07-10T12:00:00Z", "thirty.db");
        assertEquals(List.of(), exactly.warnings());
        byId(exactly).values().forEach(r -> assertTrue(!codes(r).contains(Note.HISTORY_ENDS_EARLY), r.use().id()));

        // 30 days and a second, in tenths of a day rounded up: never "30 days" for more than 30
        ModelResult later = measure(repo, "2026-07-10T12:00:01Z", "thirty-and-a-second.db");
        String text = "the newest commit (2026-06-10) is 30.1 days before as-of: recent activity may be missing (an old"
                + " clone or the wrong branch?)";
        assertEquals(List.of(text), later.warnings());
        byId(later).values().forEach(r -> assertTrue(r.notes().contains(new Note(Note.HISTORY_ENDS_EARLY, text)),
                r.use().id() + ": " + r.notes()));
    }

    @Test
    void aShallowCloneNotesEveryGitValue() throws Exception {
        Path shallow = dir.resolve("shallow");
        // depth 5 keeps commits 7 to 11
        Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(shallow.toFile()).setDepth(5).call().close();
        ModelResult result = measure(shallow, AgentsFixture.AS_OF, "shallow.db");
        byId(result).values().forEach(r -> assertTrue(codes(r).contains(Note.SHALLOW_HISTORY), r.use().id()));
        assertEquals(4.0, byId(result).get("git-commits").value(), "commits 7, 8, 9 and 10 are left");
        assertTrue(result.warnings().stream().anyMatch(w -> w.startsWith("shallow clone")), result.warnings().toString());
    }
}

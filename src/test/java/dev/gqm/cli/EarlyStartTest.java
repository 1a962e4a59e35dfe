package dev.gqm.cli;

import dev.gqm.collect.git.RepoFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link RunSchedule#startEarly} opens before picocli reads the command line, and what it leaves alone. */
class EarlyStartTest {
    @TempDir
    Path tmp;

    @AfterEach
    void discardLeftovers() {
        GitOpening left = RunSchedule.takeEarly();
        if (left != null) {
            left.discard();
        }
    }

    private Context ctx() {
        return new Context(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(),
                Clock.systemUTC(), tmp, tmp.resolve("home"));
    }

    @Test
    void opensTheRepositoryThatRepoNamesForCommandsThatCollect() throws Exception {
        Path dir = tmp.resolve("repo");
        try (RepoFixture repo = RepoFixture.init(dir)) {
            String head = repo.commit("A", "a@x.org", RepoFixture.T0, "1").name();
            Context ctx = ctx();
            RunSchedule.startEarly(ctx, new String[] {"report", "--model", "m.yaml", "--repo", "repo", "--as-of", "2026-01-01"});
            GitOpening early = RunSchedule.takeEarly();
            assertNotNull(early);
            assertTrue(early.matches(dir.toString(), null, ctx.cacheDir()));
            GitOpening.Opened opened = early.take();
            try (var source = opened.source(); var walk = opened.walk()) {
                assertEquals(head, source.head().orElseThrow());
                assertNotNull(walk, "no store yet: the history starts to be walked too");
            }
            RunSchedule.startEarly(ctx, new String[] {"check", "--repo=repo", "--branch=main", "--cache-dir", "c"});
            early = RunSchedule.takeEarly();
            assertNotNull(early);
            assertTrue(early.matches(dir.toString(), "main", tmp.resolve("c")));
            assertFalse(early.matches(dir.toString(), null, tmp.resolve("c")));
            early.discard();

            // a store that exists may hold this history: the walk waits for what it holds
            java.nio.file.Files.writeString(tmp.resolve("gqm.db"), "");
            for (String[] args : new String[][] {{"report", "--repo", "repo", "--store", "gqm.db"},
                    {"report", "--repo", "repo", "--store=jdbc:sqlite:x.db"}}) {
                RunSchedule.startEarly(ctx, args);
                early = RunSchedule.takeEarly();
                opened = early.take();
                try (var source = opened.source()) {
                    assertNull(opened.walk(), String.join(" ", args));
                }
            }
        }
    }

    @Test
    void leavesOfflineRunsUrlsPortfoliosAndOtherCommandsAlone() {
        Context ctx = ctx();
        for (String[] args : new String[][] {
                {"report", "--offline"}, {"report", "--repo", "https://example.org/x.git"}, {"report", "--portfolio", "p.yaml"},
                {"validate", "m.yaml"}, {"metrics"}, {}, {"collect", "--", "--repo", "x"}}) {
            RunSchedule.startEarly(ctx, args);
            assertNull(RunSchedule.takeEarly(), String.join(" ", args));
        }
    }

    @Test
    void aMissingRepositoryFailsOnlyWhenTaken() {
        Context ctx = ctx();
        RunSchedule.startEarly(ctx, new String[] {"collect", "--repo", "missing"});
        GitOpening early = RunSchedule.takeEarly();
        assertNotNull(early);
        var failure = org.junit.jupiter.api.Assertions.assertThrows(dev.gqm.collect.SourceException.class, early::take);
        assertTrue(failure.getMessage().startsWith("repository not found: "), failure.getMessage());
    }
}

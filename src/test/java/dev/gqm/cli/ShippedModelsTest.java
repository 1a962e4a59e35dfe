package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.metric.MetricCatalog;
import dev.gqm.model.Model;
import dev.gqm.model.ModelException;
import dev.gqm.model.ModelLoader;
import dev.gqm.testing.CommunityFixture;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models in gqm-models/ load against the real catalog, and each is bundled and found by its name anywhere. */
class ShippedModelsTest {
    static final Path SHIPPED = Path.of("gqm-models");

    @TempDir
    static Path dir;
    static List<Path> models;

    @BeforeAll
    static void list() throws Exception {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            models = files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    static String name(Path file) {
        return file.getFileName().toString().replaceFirst("\\.yaml$", "");
    }

    @Test
    void theDefaultModelIsShipped() {
        assertTrue(models.contains(SHIPPED.resolve("community-health.yaml")), models.toString());
    }

    @Test
    void everyShippedModelLoadsAndIsNamedAfterItsFile() throws Exception {
        ModelLoader loader = new ModelLoader(new MetricCatalog());
        for (Path file : models) {
            Model model;
            try {
                model = loader.load(file);
            } catch (ModelException e) {
                throw new AssertionError(String.join("\n", e.problems()), e);
            }
            // --model NAME finds a bundled model by its file name, and reports go to reports/<model id>/
            assertEquals(name(file), model.id(), file.toString());
            assertFalse(model.goals().isEmpty(), file.toString());
        }
    }

    @Test
    void everyShippedModelIsBundledUnchanged() throws Exception {
        for (Path file : models) {
            String resource = "/dev/gqm/models/" + file.getFileName();
            try (InputStream in = Pipeline.class.getResourceAsStream(resource)) {
                assertNotNull(in, "not bundled: " + resource);
                assertEquals(Files.readString(file), new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
            }
        }
    }

    @Test
    void everyShippedModelValidatesByNameFromADirectoryWithoutModels() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("elsewhere"));
        for (Path file : models) {
            CliRunner.Run r = new CliRunner(empty).run("validate", name(file));
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().startsWith(name(file) + ": ok (model " + name(file) + ", "), r.out());
        }
    }

    @Test
    void checkRunsTheBundledDefaultModelByName() throws Exception {
        Path repo = CommunityFixture.build(dir.resolve("repo"));
        Path workDir = Files.createDirectories(dir.resolve("work"));
        CliRunner.Run r = new CliRunner(workDir).run("check", "--model", "community-health", "--repo", repo.toString(),
                "--store", dir.resolve("store.db").toString(), "--as-of", CommunityFixture.AS_OF, "--allow-missing-sources");
        assertFalse(Files.exists(workDir.resolve("gqm-models")));
        // bus factor 1 over 365 days fails "< 2" (hand-worked in GoldenSummaryTest)
        assertEquals(1, r.exitCode(), r.err());
        // the items under the warns and the fail: the 4 commits in 90 days; of the 6 in 365 days,
        // Alice's 3 (at example.com) are half
        assertEquals(List.of(
                "warn    activity/git-commits git.commits = 4 [warn < 10, fail < 1]",
                "        - <sha> by Alice — authored 2026-06-10",
                "        - <sha> by Dave — authored 2026-05-05",
                "        - <sha> by Alice — authored 2026-04-20",
                "        - <sha> by Alice — authored 2026-04-10",
                "pass    activity/git-releases git.releases = 1 [warn < 1]",
                "pass    community/git-contributors git.contributors = 3 [warn < 3, fail < 2]",
                "pass    community/git-new-contributors git.new_contributors = 2 [warn < 1]",
                "info    community/git-inactive-contributors git.inactive_contributors = 2",
                "fail    sustainability/git-bus-factor git.bus_factor = 1 (1 of 4 people reach 50% of 6 commits) [warn < 3, fail < 2]",
                "        - Alice — 3 commits (50 % of all)",
                "warn    sustainability/git-elephant-factor git.elephant_factor = 1 (1 of 3 organizations reach 50% of 6 commits) [warn < 2]",
                // Alice 3 (example.com), Bob 1 and Dave 1 (corp.com) of 6 commits: organizations from domains
                "        note organization-guessed: the organization of 5 of 6 commits (83%) is guessed from the author's"
                        + " e-mail domain, not given by the identities file",
                "        - example.com — 3 commits (50 % of all)",
                "no-data responsiveness/first-response issue.first_response_time = no data (no issue tracker given) [warn > 2d, fail > 7d]",
                "no-data responsiveness/issue-stale issue.stale = no data (no issue tracker given) [warn > 10, fail > 50]",
                "no-data responsiveness/issue-closure-ratio issue.closure_ratio = no data (no issue tracker given) [warn < 70%, fail < 30%]",
                "no-data review/first-review change.first_review_time = no data (no issue tracker given) [warn > 3d, fail > 14d]",
                "no-data review/change-review-coverage change.review_coverage = no data (no issue tracker given) [warn < 80%, fail < 50%]",
                "no-data review/merge-latency-median change.merge_latency = no data (no issue tracker given) [warn > 7d, fail > 30d]",
                "no-data review/change-acceptance-ratio change.acceptance_ratio = no data (no issue tracker given) [warn < 50%]",
                "overall: fail"), r.out().lines().map(l -> l.replaceAll("- [0-9a-f]{12} by ", "- <sha> by ")).toList());
    }
}

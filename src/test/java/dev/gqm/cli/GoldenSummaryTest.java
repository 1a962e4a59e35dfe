package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.report.BuildVersion;
import dev.gqm.testing.CommunityFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default model's summary.json on the community fixture, compared byte for byte with a golden
 * file. Regenerate it with {@code -Dgqm.golden.update=true} and review the diff.
 */
class GoldenSummaryTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/community-summary.json");
    static final String REPO_PLACEHOLDER = "<repo>";
    /** The build's version varies too (a release build takes it from its tag). */
    static final String VERSION_PLACEHOLDER = "<version>";

    @TempDir
    static Path dir;
    static String summary;

    @BeforeAll
    static void report() throws Exception {
        Path repo = CommunityFixture.build(dir.resolve("repo"));
        Path out = dir.resolve("out");
        // no --model: the bundled community-health model, as a user gets it
        CliRunner.Run r = new CliRunner(dir).run("report", "--repo", repo.toString(),
                "--store", dir.resolve("store.db").toString(), "--as-of", CommunityFixture.AS_OF, "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        // the repository lives in a temporary directory: its path is the one thing that varies
        summary = Files.readString(out.resolve("summary.json")).replace(repo.toString(), REPO_PLACEHOLDER);
    }

    @Test
    void summaryMatchesTheGoldenFile() throws Exception {
        String actual = summary.replace("\"gqm_version\" : \"" + BuildVersion.get() + "\"",
                "\"gqm_version\" : \"" + VERSION_PLACEHOLDER + "\"");
        if (Boolean.getBoolean("gqm.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual);
        }
        assertTrue(Files.isRegularFile(GOLDEN), "missing " + GOLDEN.toAbsolutePath() + ": run with -Dgqm.golden.update=true");
        assertEquals(Files.readString(GOLDEN), actual);
    }

    /** The golden file is only as good as its numbers: these are worked out by hand from the fixture. */
    @Test
    void summaryHasTheHandWorkedValues() throws Exception {
        JsonNode root = new ObjectMapper().readTree(summary);
        assertEquals("community-health", root.get("model").asText());
        assertEquals("2026-07-01T00:00:00Z", root.get("as_of").asText());
        assertEquals("2026-11-22T10:00:00Z", root.get("generated_at").asText());
        assertEquals(REPO_PLACEHOLDER, root.get("sources").get(0).get("location").asText());
        Map<String, String> got = new LinkedHashMap<>();
        for (JsonNode g : root.get("goals")) {
            got.put(g.get("id").asText(), g.get("status").asText());
            for (JsonNode q : g.get("questions")) {
                for (JsonNode m : q.get("metrics")) {
                    got.put(g.get("id").asText() + "/" + m.get("id").asText(), m.get("value").asText() + " " + m.get("status").asText());
                }
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("activity", "warn");
        expected.put("activity/git-commits", "4 warn");          // 90d: commits 4, 5, 6 and 9; "< 10" warns
        expected.put("activity/git-releases", "1 pass");         // 365d: v1.0 (tagged 2026-05-10); v0.1 is older
        expected.put("community", "pass");
        expected.put("community/git-contributors", "3 pass");    // Alice, Dave, Erin
        expected.put("community/git-new-contributors", "2 pass"); // Dave, Erin
        expected.put("community/git-inactive-contributors", "2 info"); // Bob, Carol; no thresholds: not judged
        expected.put("sustainability", "fail");
        // 365d: Alice 3, Bob 1, Carol 1, Dave 1 authored commits: Alice alone reaches half of 6
        expected.put("sustainability/git-bus-factor", "1 fail");
        // example.com 3, corp.com 2 (Bob, Dave), Carol on gmail.com as her own: example.com reaches half
        expected.put("sustainability/git-elephant-factor", "1 warn");
        // the tracker goals need --github: no data, never 0 or pass
        expected.put("responsiveness", "no-data");
        for (String id : List.of("first-response", "issue-stale", "issue-closure-ratio")) {
            expected.put("responsiveness/" + id, "null no-data");
        }
        expected.put("review", "no-data");
        for (String id : List.of("first-review", "change-review-coverage", "merge-latency-median", "change-acceptance-ratio")) {
            expected.put("review/" + id, "null no-data");
        }
        assertEquals(expected, got);
        assertEquals("fail", root.get("status").asText());
        // the question holding only the info metric is info; its goal's other question passes
        assertEquals("info", root.get("goals").get(1).get("questions").get(2).get("status").asText());
        assertEquals("pass", root.get("goals").get(1).get("status").asText());
    }

    @Test
    void everyValueCarriesItsWindowAndSample() throws Exception {
        JsonNode root = new ObjectMapper().readTree(summary);
        assertEquals(2, root.get("schema_version").asInt());
        assertTrue(root.get("gqm_version").asText().matches("\\d+\\.\\d+\\.\\d+.*"), root.get("gqm_version").asText());
        Map<String, String> got = new LinkedHashMap<>();
        for (JsonNode g : root.get("goals")) {
            for (JsonNode q : g.get("questions")) {
                for (JsonNode m : q.get("metrics")) {
                    got.put(m.get("id").asText(), m.get("window").asText() + " " + m.get("sample") + " "
                            + m.get("censored").asBoolean() + " " + m.get("notes").size());
                }
            }
        }
        // commits 4 in 90d; releases v1.0 in 365d; 3 contributors; 2 new; 2 inactive
        assertEquals("90d {\"n\":4} false 0", got.get("git-commits"));
        assertEquals("365d {\"n\":1} false 0", got.get("git-releases"));
        assertEquals("90d {\"n\":2} false 0", got.get("git-inactive-contributors"));
        // the bus factor's sample is the 4 people with commits in 365d; the elephant factor's the 3 organizations
        assertEquals("365d {\"n\":4} false 0", got.get("git-bus-factor"));
        // Alice 3 (example.com), Bob 1 and Dave 1 (corp.com): 5 of the 6 commits have a guessed organization;
        // Carol (gmail.com) is her own organization, which is not a guess
        assertEquals("365d {\"n\":3} false 1", got.get("git-elephant-factor"));
        // no tracker: no sample, never a made-up one
        assertEquals("30d null false 0", got.get("first-response"));
        // Frank's commit after as-of is not yet history: no warning for it, only the missing tracker
        assertEquals("[\"no tracker given (--github, --gitlab or --bugzilla): issue and change-request metrics are no-data\"]",
                root.get("warnings").toString());
    }
}

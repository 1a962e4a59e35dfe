package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.testing.CommunityFixture;
import dev.gqm.testing.HistoryBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gqm report --portfolio}: two JGit-built repositories and one that does not exist.
 *
 * <p>Hand-worked values as of 2026-07-01, window (2026-04-02, 2026-07-01]: the community fixture
 * (see {@link CommunityFixture}) has 4 commits, 3 contributors, bus factor 1 and 1 release, so
 * activity is warn (commits &lt; 5) and risk is fail (bus factor &lt; 2). The tiny repository built
 * here has 5 commits in W by Gina 2, Hank 2, Ivy 1: 3 contributors; the top person has 2/5 &lt; half,
 * the top two 4/5, so bus factor 2; tags v1.0 and v1.1 on commits in W, so 2 releases; all pass.
 */
class PortfolioReportTest {
    static final String MODEL = """
            model: compare
            title: Compare repositories
            defaults: { window: 90d, period: month }
            goals:
              - id: activity
                title: Work happens
                questions:
                  - id: work
                    text: Is work happening?
                    metrics:
                      - metric: git.commits
                        thresholds: { warn: "< 5", fail: "< 2" }
                      - metric: git.contributors
              - id: risk
                title: Not one person
                questions:
                  - id: people
                    text: How many people do half of the work?
                    metrics:
                      - metric: git.bus_factor
                        thresholds: { fail: "< 2" }
                      - metric: git.releases
            """;
    static final String HOSTILE_GROUP = "=<script>alert('group')</script>";
    static final String BROKEN_DIR = "<img src=x onerror=alert(1)>";
    static final Path GOLDEN = Path.of("src/test/resources/golden/portfolio.csv");

    @TempDir
    static Path dir;
    static CliRunner.Run run;
    static Path out;

    @BeforeAll
    static void report() throws Exception {
        CommunityFixture.build(dir.resolve("repos/community"));
        tiny(dir.resolve("repos/Tiny-Lib.git"));
        Files.writeString(dir.resolve("model.yaml"), MODEL);
        Files.writeString(dir.resolve("portfolio.yaml"), """
                repositories:
                  - repo: repos/community
                    group: "%s"
                  - repo: repos/Tiny-Lib.git   # name derived: tiny-lib
                    group: platform
                  - repo: "repos/%s"
                    name: broken
                    group: platform
                """.formatted(HOSTILE_GROUP.replace("\"", "\\\""), BROKEN_DIR));
        out = dir.resolve("out");
        run = new CliRunner(dir).run("report", "--portfolio", "portfolio.yaml", "--model", "model.yaml",
                "--store", "store.db", "--as-of", CommunityFixture.AS_OF, "--out", "out");
    }

    static void tiny(Path repo) throws Exception {
        try (HistoryBuilder h = HistoryBuilder.init(repo)) {
            h.file("README.md", "tiny\n");
            ObjectId first = h.commit("Gina", "gina@a.org", "2026-05-01T12:00:00Z", "start");
            h.lightweightTag("v1.0", first);
            h.commit("Hank", "hank@b.org", "2026-05-15T12:00:00Z", "fix");
            h.commit("Gina", "gina@a.org", "2026-06-01T12:00:00Z", "more");
            h.commit("Ivy", "ivy@c.org", "2026-06-10T12:00:00Z", "docs");
            ObjectId last = h.commit("Hank", "hank@b.org", "2026-06-20T12:00:00Z", "release");
            h.lightweightTag("v1.1", last);
        }
    }

    static Map<String, JsonNode> metrics(String name) throws Exception {
        JsonNode summary = new ObjectMapper().readTree(out.resolve(name).resolve("summary.json").toFile());
        Map<String, JsonNode> byId = new HashMap<>();
        summary.get("goals").forEach(g -> g.get("questions").forEach(q -> q.get("metrics")
                .forEach(m -> byId.put(g.get("id").asText() + ":" + m.get("id").asText(), m))));
        byId.put("status", summary.get("status"));
        return byId;
    }

    @Test
    void exitsThreeBecauseOneSourceFailed() {
        assertEquals(ExitCode.SOURCE, run.exitCode(), run.err());
        assertTrue(run.out().contains("Portfolio written to " + out + " (3 repositories, 1 failed)"), run.out());
    }

    @Test
    void oneProgressLinePerRepository() {
        assertTrue(run.err().lines().anyMatch(l -> l.matches("gqm: \\[1/3] community: fail in \\d+\\.\\d s \\(.*")), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.matches("gqm: \\[2/3] tiny-lib: pass in \\d+\\.\\d s \\(.*")), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.matches(
                "gqm: \\[3/3] broken: failed after \\d+\\.\\d s: repository not found: .*")), run.err());
    }

    @Test
    void eachRepositoryHasItsOwnReportWithItsValues() throws Exception {
        Map<String, JsonNode> community = metrics("community");
        assertEquals(4, community.get("activity:git-commits").get("value").asInt());
        assertEquals(3, community.get("activity:git-contributors").get("value").asInt());
        assertEquals(1, community.get("risk:git-bus-factor").get("value").asInt());
        assertEquals(1, community.get("risk:git-releases").get("value").asInt());
        assertEquals("fail", community.get("status").asText());

        Map<String, JsonNode> tiny = metrics("tiny-lib");
        assertEquals(5, tiny.get("activity:git-commits").get("value").asInt());
        assertEquals(3, tiny.get("activity:git-contributors").get("value").asInt());
        assertEquals(2, tiny.get("risk:git-bus-factor").get("value").asInt());
        assertEquals(2, tiny.get("risk:git-releases").get("value").asInt());
        assertEquals("pass", tiny.get("status").asText());

        assertTrue(Files.isRegularFile(out.resolve("community/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("tiny-lib/activity/git-commits.png")));
        assertFalse(Files.exists(out.resolve("broken")));
    }

    @Test
    void csvMatchesTheGoldenFile() throws Exception {
        String actual = Files.readString(out.resolve("portfolio.csv"), StandardCharsets.UTF_8)
                .replace(dir.toAbsolutePath().toString(), "$TMP");
        if (Boolean.getBoolean("gqm.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual);
    }

    @Test
    void csvSaysWhatTheGoldenFileMustSay() throws Exception {
        // the golden file is regenerated on request: these cells keep a regeneration honest
        List<String> lines = Files.readAllLines(out.resolve("portfolio.csv"));
        assertEquals("name,group,repository,status,activity:status,activity:git-commits,activity:git-contributors,"
                + "risk:status,risk:git-bus-factor,risk:git-releases,error", lines.get(0));
        assertTrue(lines.get(1).startsWith("community,'=<script>alert('group')</script>,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",fail,warn,4,3,fail,1,1,"), lines.get(1));
        assertTrue(lines.get(2).matches("tiny-lib,platform,.*/repos/Tiny-Lib\\.git,pass,pass,5,3,pass,2,2,"), lines.get(2));
        assertTrue(lines.get(3).matches("broken,platform,.*,failed,,,,,,,\"?repository not found: .*"), lines.get(3));
    }

    @Test
    void indexComparesTheRepositoriesAndEscapesWhatTheyCarry() throws Exception {
        String html = Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<a href=\"community/index.html\">community</a>"), html);
        assertTrue(html.contains("<a href=\"tiny-lib/index.html\">tiny-lib</a>"), html);
        assertFalse(html.contains("href=\"broken/index.html\""), html);
        assertTrue(html.contains("status-failed"), html);
        assertTrue(html.contains("<span class=\"metric-id\">git-commits</span> 4 (warn)"), html);
        assertTrue(html.contains("<span class=\"metric-id\">git-bus-factor</span> 2</li>"), html);
        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("=&lt;script&gt;alert(&#39;group&#39;)&lt;/script&gt;"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertTrue(html.contains("repository not found: "), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        // the one script is the sorting code of the template, with nothing from the data in it
        assertEquals(1, html.split("<script>", -1).length - 1, html);
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        // the marker says the directory is a portfolio of gqm's, which the next run may replace
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(".gqm-portfolio", "community", "index.html", "portfolio.csv", "tiny-lib"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}

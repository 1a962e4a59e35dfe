package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Period;
import dev.gqm.model.Stat;
import dev.gqm.model.Unit;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    static Path shared;
    static Path out;

    @BeforeAll
    static void writeOnce() throws ReportException {
        out = shared.resolve("reports").resolve("community-health");
        new ReportWriter().write(ReportFixtures.result(), out);
    }

    @Test
    void writesTheFilesOfSpecSection6() {
        for (String file : List.of("summary.json", "summary.md", "index.html",
                "responsiveness/first-response-median.csv", "responsiveness/first-response-median.png",
                "responsiveness/first-response-median.svg", "responsiveness/stale-issues.csv",
                "responsiveness/stale-issues-items.csv", "sustainability/git-commits.csv",
                "sustainability/review-coverage.png")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertFalse(Files.exists(out.resolve("responsiveness/first-response-median-items.csv")), "no items, no file");
    }

    @Test
    void summaryJsonFollowsTheSchema() throws IOException {
        JsonNode root = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(List.of("schema_version", "gqm_version", "model", "title", "as_of", "generated_at", "status", "sources",
                "goals", "warnings"), names(root));
        assertEquals(2, root.get("schema_version").asInt());
        assertEquals("community-health", root.get("model").asText());
        assertEquals("Community health", root.get("title").asText());
        assertEquals("2026-07-01T00:00:00Z", root.get("as_of").asText());
        assertEquals("2026-07-01T08:15:30Z", root.get("generated_at").asText());
        assertEquals("fail", root.get("status").asText());
        assertEquals("{\"kind\":\"git\",\"location\":\"/src/project\",\"head\":\"0123456789abcdef0123456789abcdef01234567\"}",
                root.get("sources").get(0).toString());
        assertEquals("{\"kind\":\"github\",\"repository\":\"o/r\"}", root.get("sources").get(1).toString());
        assertEquals("[\"no .mailmap at the tip: identities not merged\",\"unknown bot pattern <img src=x onerror=alert(1)>\"]",
                root.get("warnings").toString());

        JsonNode goal = root.get("goals").get(0);
        assertEquals(List.of("id", "title", "status", "questions"), names(goal));
        assertEquals("responsiveness", goal.get("id").asText());
        assertEquals("fail", goal.get("status").asText());
        JsonNode question = goal.get("questions").get(0);
        assertEquals(List.of("id", "text", "status", "metrics"), names(question));
        assertEquals("How quickly | how well\nis an issue answered?", question.get("text").asText());
        assertEquals("warn", question.get("status").asText());

        JsonNode firstResponse = question.get("metrics").get(0);
        assertEquals("{\"id\":\"first-response-median\",\"metric\":\"issue.first_response_time\",\"stat\":\"median\","
                + "\"value\":52.5,\"censored\":false,\"unit\":\"hours\",\"status\":\"warn\",\"window\":\"90d\",\"sample\":null,"
                + "\"notes\":[],\"thresholds\":{\"warn\":\"> 2d\",\"fail\":\"> 7d\"},"
                + "\"csv\":\"responsiveness/first-response-median.csv\",\"chart\":\"responsiveness/first-response-median.png\"}",
                firstResponse.toString());

        JsonNode stale = goal.get("questions").get(1).get("metrics").get(0);
        assertTrue(stale.get("value").isIntegralNumber(), "a count is an integer");
        assertEquals(3, stale.get("value").asInt());
        assertEquals("{\"fail\":\"> 2\"}", stale.get("thresholds").toString());
        assertEquals("responsiveness/stale-issues-items.csv", stale.get("items").asText());
        assertEquals("2 of them have no answer at all", stale.get("note").asText());

        JsonNode coverage = root.get("goals").get(1).get("questions").get(1).get("metrics").get(0);
        assertTrue(coverage.has("value") && coverage.get("value").isNull(), "no-data has value null");
        assertEquals("no-data", coverage.get("status").asText());
        assertEquals("ratio", coverage.get("unit").asText());
        assertEquals("{\"warn\":\"< 50%\"}", coverage.get("thresholds").toString());
        assertFalse(coverage.has("items"));
    }

    @Test
    void seriesCsvHasOneRowPerPeriodAndEmptyCellsForNoValue() throws IOException {
        assertEquals("period_start,value\n2026-04-01,30\n2026-05-01,\n2026-06-01,52.5\n",
                Files.readString(out.resolve("responsiveness/first-response-median.csv")));
        assertEquals("period_start,value\n2026-06-15,50\n2026-06-22,70\n",
                Files.readString(out.resolve("sustainability/git-commits.csv")));
        assertEquals("period_start,value\n", Files.readString(out.resolve("sustainability/review-coverage.csv")));
    }

    @Test
    void itemsCsvNeutralisesFormulaTextButNotNumbers() throws IOException {
        assertEquals("""
                number,title,url,last_activity,age_days
                12,<script>alert(1)</script>,https://github.com/o/r/issues/12,2026-05-01T10:00:00Z,61.25
                15,"'=HYPERLINK(""x"")",javascript:alert(1),2026-05-20T00:00:00Z,41
                17,"'-1, plain text","https://x.example/""onmouseover=""alert(1)",,-3.5
                """, Files.readString(out.resolve("responsiveness/stale-issues-items.csv")));
    }

    @Test
    void chartsArePng600x400AndSvg() throws IOException {
        for (String id : List.of("responsiveness/first-response-median", "responsiveness/stale-issues",
                "sustainability/git-commits", "sustainability/review-coverage")) {
            BufferedImage png = ImageIO.read(out.resolve(id + ".png").toFile());
            assertEquals(600, png.getWidth(), id);
            assertEquals(400, png.getHeight(), id);
            String svg = Files.readString(out.resolve(id + ".svg"));
            assertTrue(svg.contains("<svg"), id);
        }
    }

    @Test
    void htmlEscapesDataAndLinksOnlyWebUrls() throws IOException {
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "hostile title escaped");
        assertEquals(1, html.split("<script", -1).length - 1, "one script element: the page's own");
        assertFalse(html.contains("href=\"javascript:"), "javascript: never a link");
        assertTrue(html.contains("javascript:alert(1)"), "but shown as text");
        assertTrue(html.contains("<a href=\"https://github.com/o/r/issues/12\""), "web links are links");
        assertFalse(html.contains("\"onmouseover="), "a quote in a URL cannot end the attribute");
        assertTrue(html.contains("<li>unknown bot pattern &lt;img src=x onerror=alert(1)&gt;</li>"));
        assertTrue(html.contains("<meta name=\"viewport\""));
        assertTrue(html.contains("<svg id='chart-responsiveness-first-response-median'"), "charts inline");
        assertTrue(html.contains("href=\"responsiveness/stale-issues-items.csv\""));
        assertTrue(html.contains("href=\"#goal-sustainability\""), "navigation to each goal");
        assertTrue(html.contains("2.2 days"), "52.5 h shown in days");
        assertTrue(html.contains("no data"));
        assertTrue(html.contains("<dt>Purpose</dt><dd>improve</dd>"));
        assertFalse(html.contains("<dt>Viewpoint</dt>"), "absent template fields are left out");
        assertTrue(html.contains("Sustainable | team"));
        assertTrue(html.contains("status-fail\">✗ fail"), "status as text besides colour");
        assertFalse(html.contains("http://") && html.contains("cdn"), "self-contained");
    }

    @Test
    void markdownEscapesTableCells() throws IOException {
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.startsWith("# Community health\n"));
        assertTrue(md.contains("- Overall status: **fail**"));
        assertTrue(md.contains("## Sustainable | team (`sustainability`): fail"));
        assertTrue(md.contains("| Question | Metric | Value | Sample | Thresholds | Status |\n|---|---|---|---|---|---|\n"), md);
        assertTrue(md.contains("| How quickly \\| how well is an issue answered? | first-response-median"
                + " (issue.first_response_time, median) | 2.2 days |  | warn > 2d, fail > 7d | warn |"), md);
        assertTrue(md.contains("| Are changes reviewed? | review-coverage (change.review_coverage, ratio) | no data"
                + " |  | warn < 50% | no-data |"), md);
        assertTrue(md.contains("- unknown bot pattern &lt;img src=x onerror=alert(1)>"), "a tag would reach the rendered page");
        assertTrue(md.contains("- no .mailmap at the tip: identities not merged"));
    }

    @Test
    void markdownSaysEachMetricsDefinitionDirectionSampleAndNotes() throws IOException {
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("| How long does a change wait for its first review? | first-review"
                + " (change.first_review_time, survival median) | ≥ 26.0 days | reviewed 1 of 4 pull requests"
                + " | warn > 2d, fail > 7d | fail |"), md);
        assertTrue(md.contains("""
                - **first-review**: pull requests created in W: creation to the first review by a non-bot non-author \
                (W: the 90d up to as-of). Lower is better. Sample: reviewed 1 of 4 pull requests.
                  - ≥: a lower bound, not reached yet: the longest wait so far.
                  - `partial-collection`: The tracker holds 40 of 55 pull requests.
                  - `shallow-history`: The clone is shallow: &lt;b>history&lt;/b> stops early.
                """), md);
        assertTrue(md.contains("- **new-contributors**: contributors in W whose first contribution ever falls in W"
                + " (W: the 90d up to as-of). Higher is better. Sample: 2 people.\n"
                + "  - `aliases-suspected`: 2 people may be one person under two e-mail addresses.\n"), md);
        assertTrue(md.contains("- **review-coverage**: Neither higher nor lower is better in itself.\n"
                + "  - No data: no GitHub source configured\n"), md);
        assertTrue(md.contains("- **stale-issues**: Neither higher nor lower is better in itself.\n"
                + "  - Note: 2 of them have no answer at all\n"), md);
    }

    @Test
    void markdownPutsTheWarningsBeforeTheGoals() throws IOException {
        String md = Files.readString(out.resolve("summary.md"));
        int warnings = md.indexOf("\n## Warnings\n\n- no .mailmap at the tip");
        assertTrue(warnings > md.indexOf("- Source: "), "after the facts");
        assertTrue(warnings < md.indexOf("\n## Contributors get timely answers"), md);
        assertEquals(1, md.split("## Warnings", -1).length - 1, "once");
    }

    @Test
    void aFailedWriteLeavesThePreviousReportUntouched(@TempDir Path dir) throws IOException, ReportException {
        Path target = dir.resolve("report");
        new ReportWriter().write(ReportFixtures.result(), target);
        Files.writeString(target.resolve("marker.txt"), "previous run");
        String previousJson = Files.readString(target.resolve("summary.json"));

        // the second goal's metric cannot become a file name: the first goal's files are already staged
        MetricResult bad = renamed(ReportFixtures.commits(), "../escape");
        ReportException e = assertThrows(ReportException.class,
                () -> new ReportWriter().write(ReportFixtures.result(bad), target));
        assertTrue(e.getMessage().startsWith("cannot write report to " + target + ": metric use id '../escape'"),
                e.getMessage());

        assertEquals("previous run", Files.readString(target.resolve("marker.txt")));
        assertEquals(previousJson, Files.readString(target.resolve("summary.json")));
        assertEquals(List.of("report"), listing(dir), "no staging directory left behind");
        assertFalse(Files.exists(dir.resolve("escape")));
    }

    @Test
    void aSuccessfulWriteReplacesThePreviousReport(@TempDir Path dir) throws IOException, ReportException {
        Path target = dir.resolve("report");
        new ReportWriter().write(ReportFixtures.result(), target);
        Files.writeString(target.resolve("marker.txt"), "previous run");

        MetricResult renamed = renamed(ReportFixtures.commits(), "commits-weekly");
        new ReportWriter().write(ReportFixtures.result(renamed), target);

        assertFalse(Files.exists(target.resolve("marker.txt")));
        assertFalse(Files.exists(target.resolve("sustainability/git-commits.csv")), "stale files go with the old report");
        assertTrue(Files.exists(target.resolve("sustainability/commits-weekly.csv")));
        assertEquals(List.of("report"), listing(dir), "backup removed");
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotAReport(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        ReportException e = assertThrows(ReportException.class,
                () -> new ReportWriter().write(ReportFixtures.result(), dir));
        assertTrue(e.getMessage().contains("is not a gqm report"), e.getMessage());
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void writesIntoAnEmptyExistingDirectory(@TempDir Path dir) throws IOException, ReportException {
        Path target = Files.createDirectory(dir.resolve("empty"));
        new ReportWriter().write(ReportFixtures.result(), target);
        assertTrue(Files.isRegularFile(target.resolve("summary.json")));
    }

    @Test
    void duplicateMetricIdsInAGoalFailInsteadOfOverwriting(@TempDir Path dir) {
        MetricResult clash = renamed(ReportFixtures.commits(), "review-coverage");
        ReportException e = assertThrows(ReportException.class,
                () -> new ReportWriter().write(ReportFixtures.result(clash), dir.resolve("r")));
        assertTrue(e.getMessage().contains("share the id 'review-coverage'"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("r")));
    }

    static MetricResult renamed(MetricResult m, String id) {
        var use = ReportFixtures.use(id, m.use().metric(), m.use().stat(), m.use().period(),
                m.use().warn().orElse(null), m.use().fail().orElse(null));
        return new MetricResult(use, m.unit(), m.value(), m.status(), m.note(), m.series(), m.items());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

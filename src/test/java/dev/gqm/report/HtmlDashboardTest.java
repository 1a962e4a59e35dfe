package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Goal;
import dev.gqm.model.Model;
import dev.gqm.model.Question;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

class HtmlDashboardTest {
    @Test
    void thePolicyAllowsExactlyThePagesOwnScript() throws IOException {
        String html = HtmlDashboard.render(ReportFixtures.result());
        String script = html.substring(html.indexOf("<script>") + 8, html.indexOf("</script>"));
        String expected = "script-src &#39;" + HtmlDashboard.sha256(script) + "&#39;";
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;"), html);
        assertTrue(html.contains(expected), "hash of the script as rendered");
        // a known vector for the hash form browsers expect: the SHA-256 of "" in base 64
        assertEquals("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", HtmlDashboard.sha256(""));
    }

    @Test
    void chartsAreInlineScalableAndIdentifiedPerMetric() throws IOException {
        String html = HtmlDashboard.render(ReportFixtures.result());
        Matcher svg = Pattern.compile("<svg id='([^']+)'[^>]*viewBox='0.0 0.0 800.0 400.0'").matcher(html);
        int charts = 0;
        while (svg.find()) {
            charts++;
        }
        assertEquals(3, charts, "one scalable inline chart per metric with values");
        assertTrue(html.contains("<p class=\"no-chart\">No chart: no period of the series has a value.</p>"),
                "review coverage has an empty series");
        assertFalse(Pattern.compile("<svg [^>]*width=").matcher(html).find(), "no fixed size: CSS scales the chart");
        assertTrue(html.contains("clip-path='url(#chart-sustainability-git-commits-clip-0)'"), "clip ids per chart");
        assertEquals(html, HtmlDashboard.render(ReportFixtures.result()), "the same result gives the same page");
    }

    @Test
    void chartTextIsEscapedByJFreeSvg() {
        JFreeChart chart = MetricChart.chart(ReportFixtures.commits());
        chart.setTitle("<script>alert(1)</script> & \"quoted\" 'single'");
        String svg = DashboardChart.svg(chart, "c");
        assertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &apos;single&apos;")
                || svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;"), svg);
        assertFalse(svg.contains("<script"));
    }

    @Test
    void headerNamesSourcesWithShortHeadAndRepositoryLink() throws IOException {
        String html = HtmlDashboard.render(ReportFixtures.result());
        assertTrue(html.contains("Git repository <code>/src/project</code> at commit"
                + " <code class=\"head\" title=\"0123456789abcdef0123456789abcdef01234567\">0123456</code>"), html);
        assertTrue(html.contains("GitHub <a href=\"https://github.com/o/r\" rel=\"noopener noreferrer\"><code>o/r</code></a>"));
        assertTrue(html.contains("<time datetime=\"2026-07-01T00:00:00Z\">2026-07-01 00:00:00 UTC</time>"));
        assertTrue(html.contains("<time datetime=\"2026-07-01T08:15:30Z\">2026-07-01 08:15:30 UTC</time>"));
        assertTrue(html.contains("<span id=\"overall-status\"><span class=\"status status-fail big\">✗ fail</span></span>"));
        assertTrue(html.contains("<title>Community health (fail) — gqm report</title>"));
    }

    @Test
    void navigationCountsMetricsPerStatus() throws IOException {
        String html = HtmlDashboard.render(ReportFixtures.result());
        assertTrue(html.contains("<p class=\"tally\">4 metrics: 1 fail, 1 warn, 1 pass, 1 no-data</p>"));
        assertTrue(html.contains("<span class=\"counts\">2 metrics: 1 fail, 1 warn</span>"));
        assertTrue(html.contains("<span class=\"counts\">2 metrics: 1 pass, 1 no-data</span>"));
        assertEquals("0 metrics", HtmlDashboard.tally(List.of()));
        assertEquals("1 metric: 1 pass", HtmlDashboard.tally(List.of(ReportFixtures.commits())));
    }

    @Test
    void itemsTableMarksNumericColumnsAndOpensForAFailingMetric() throws IOException {
        String html = HtmlDashboard.render(ReportFixtures.result());
        assertTrue(html.contains("<details class=\"items\" open>"), "stale issues at fail: shown open");
        assertTrue(html.contains("<th scope=\"col\" data-type=\"number\">number</th><th scope=\"col\">title</th>"
                + "<th scope=\"col\">url</th><th scope=\"col\">last_activity</th>"
                + "<th scope=\"col\" data-type=\"number\">age_days</th>"), html);
        assertTrue(html.contains("<td class=\"num\" data-sort=\"61.25\">61.25</td>"));
        assertTrue(html.contains("<td>2026-05-01T10:00:00Z</td>"));
        assertTrue(html.contains("<td>=HYPERLINK(&quot;x&quot;)</td>"), "no spreadsheet guard on the page");
        assertTrue(html.contains("<td>javascript:alert(1)</td>"), "not a link");
    }

    @Test
    void itemsOfAPassingMetricStayClosed() throws IOException {
        MetricResult commits = ReportFixtures.commits();
        MetricResult withItems = new MetricResult(commits.use(), commits.unit(), commits.value(), Status.PASS,
                null, commits.series(), new Items(List.of("author"), List.of(List.of("ann")), null));
        String html = HtmlDashboard.render(ReportFixtures.result(withItems));
        assertTrue(html.contains("<details class=\"items\">\n      <summary>Items (1)</summary>"), html);
    }

    @Test
    void repositoryPageFollowsTheItemsHostForEnterpriseServer() {
        assertEquals("https://github.com/o/r", HtmlDashboard.repositoryPage("o/r", ReportFixtures.result()));
        MetricResult stale = ReportFixtures.staleIssues();
        Items enterprise = new Items(List.of("url"), List.of(List.of("https://git.example.com/o/r/issues/3")), "url");
        MetricResult onEnterprise = new MetricResult(stale.use(), stale.unit(), stale.value(), stale.status(), null,
                stale.series(), enterprise);
        assertEquals("https://git.example.com/o/r", HtmlDashboard.repositoryPage("o/r", oneMetric(onEnterprise)));
        assertEquals("https://github.com/o/r", HtmlDashboard.repositoryPage("o/r", oneMetric(ReportFixtures.commits())));
        assertEquals("", HtmlDashboard.repositoryPage("o/r\" onclick=\"x", ReportFixtures.result()), "not owner/name");
    }

    /** They are inserted as markup: a closing tag inside would end the element early. */
    @Test
    void styleAndScriptCannotCloseTheirElements() throws IOException {
        for (String name : List.of(HtmlDashboard.STYLE, HtmlDashboard.SCRIPT)) {
            try (InputStream in = HtmlDashboardTest.class.getClassLoader().getResourceAsStream(name)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertFalse(text.isBlank(), name);
                assertFalse(text.contains("</"), name);
                assertFalse(text.contains("<!--"), name);
            }
        }
    }

    private static ModelResult oneMetric(MetricResult metric) {
        Question question = new Question("q", "Q?", List.of(metric.use()));
        Goal goal = new Goal("g", "G", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(question));
        return new ModelResult(new Model("m", "M", "", List.of(goal)), ReportFixtures.AS_OF, ReportFixtures.GENERATED,
                List.of(), metric.status(), List.of(new GoalResult(goal, metric.status(),
                List.of(new QuestionResult(question, metric.status(), List.of(metric))))), List.of());
    }
}

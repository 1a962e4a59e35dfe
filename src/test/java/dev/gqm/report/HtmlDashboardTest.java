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
        Matcher svg = Pattern.compile("<svg id='([^']+)'[^>]*viewBox='0.0 0.0 600.0 400.0'").matcher(html);
        int charts = 0;
        while (svg.find()) {
            charts++;
        }
        assertEquals(5, charts, "one scalable inline chart per metric with values");
        assertTrue(html.contains("<p class=\"no-chart\">No chart: no period of the series has a value.</p>"),
                "review coverage has an empty series");
        assertFalse(Pattern.compile("<svg [^>]*width=").matcher(html).find(), "no fixed size: CSS scales the chart");
        assertTrue(html.contains("clip-path='url(#chart-sustainability-git-commits-clip-0)'"), "clip ids per chart");
        assertEquals(html, HtmlDashboard.render(ReportFixtures.result()), "the same result gives the same page");
    }

    @Test
    void chartTextIsEscapedByJFreeSvg() {
        JFreeChart chart = MetricChart.chart(ReportFixtures.commits(), "q", ReportFixtures.AS_OF);
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
        assertTrue(html.contains("<p class=\"tally\">6 metrics: 2 fail, 1 warn, 1 pass, 1 info, 1 no-data</p>"), html);
        assertTrue(html.contains("<span class=\"counts\">2 metrics: 1 fail, 1 warn</span>"));
        assertTrue(html.contains("<span class=\"counts\">4 metrics: 1 fail, 1 pass, 1 info, 1 no-data</span>"));
        assertEquals("0 metrics", HtmlDashboard.tally(List.of()));
        assertEquals("1 metric: 1 pass", HtmlDashboard.tally(List.of(ReportFixtures.commits())));
        assertEquals("2 metrics: 1 info, 1 no-data",
                HtmlDashboard.tally(List.of(ReportFixtures.reviewCoverage(), ReportFixtures.newContributors())),
                "info counted apart, before no-data");
    }

    /** The card of one metric: from its article element to the end of its facts. */
    private static String card(String html, String elementId) {
        int start = html.indexOf("<article class=\"metric");
        while (start >= 0 && !html.startsWith("id=\"" + elementId + "\"", html.indexOf("id=", start))) {
            start = html.indexOf("<article class=\"metric", start + 1);
        }
        assertTrue(start >= 0, "no card " + elementId);
        return html.substring(start, html.indexOf("</article>", start));
    }

    @Test
    void aCardSaysItsDefinitionDirectionSampleAndNotes() throws IOException {
        String html = HtmlDashboard.render(ReportFixtures.result());
        String card = card(html, "sustainability-new-contributors");
        assertTrue(card.contains("<p class=\"definition\">contributors in W whose first contribution ever falls in W"
                + " (W: the 90d up to as-of)</p>"), card);
        assertTrue(card.contains("<dt>Direction</dt><dd class=\"better\">higher is better</dd>"), card);
        assertTrue(card.contains("<dt>Sample</dt><dd class=\"sample\">2 people</dd>"), card);
        assertTrue(card.contains("<li><code class=\"note-code\" title=\"data note aliases-suspected\">aliases-suspected</code>"
                + " 2 people may be one person under two e-mail addresses.</li>"), card);
        assertTrue(card.contains("<code>git.new_contributors</code>, count"), card);

        String review = card(html, "sustainability-first-review");
        assertTrue(review.contains("<dt>Sample</dt><dd class=\"sample\">reviewed 1 of 4 pull requests</dd>"), review);
        assertTrue(review.contains("<dd class=\"better\">lower is better</dd>"), review);
        assertTrue(review.contains("<code>change.first_review_time</code>, survival median"), review);
        assertTrue(review.contains(">partial-collection</code> The tracker holds 40 of 55 pull requests.</li>"), review);
        assertTrue(review.contains(">shallow-history</code> The clone is shallow: &lt;b&gt;history&lt;/b&gt; stops early.</li>"),
                "a note is text, escaped");

        String coverage = card(html, "sustainability-review-coverage");
        assertFalse(coverage.contains("class=\"sample\""), "no data, no sample");
        assertFalse(coverage.contains("data-notes"), "no notes, no list");
        assertFalse(coverage.contains("class=\"definition\""), "the fixture gave no definition");
    }

    @Test
    void aLowerBoundReadsAtLeast() throws IOException {
        String html = HtmlDashboard.render(ReportFixtures.result());
        String review = card(html, "sustainability-first-review");
        assertTrue(review.contains("<span class=\"value\">≥ 26.0 days</span>"), review);
        assertTrue(review.contains("<p class=\"bound\">"), review);
        String first = card(html, "responsiveness-first-response-median");
        assertTrue(first.contains("<span class=\"value\">2.2 days</span>"), "not censored: no ≥");
        assertFalse(first.contains("class=\"bound\""));
        assertTrue(review.contains("latest value ≥ 26.0 days, status fail"), "the chart's description too");
    }

    @Test
    void infoHasItsOwnBadgeAndTheFooterExplainsIt() throws IOException {
        String html = HtmlDashboard.render(ReportFixtures.result());
        String card = card(html, "sustainability-new-contributors");
        assertTrue(card.contains("<article class=\"metric edge-info\""), card);
        assertTrue(card.contains("<span class=\"status status-info\">i info</span>"), card);
        assertFalse(card.contains("status-pass"), "info is never shown as pass");
        String footer = html.substring(html.indexOf("<footer>"));
        assertTrue(footer.contains("i info: measured, no thresholds — not judged"), footer);
        assertTrue(resource(HtmlDashboard.STYLE).contains(".status-info { background: var(--info-tint);"),
                "a colour of its own");
    }

    @Test
    void warningsStandBeforeTheGoals() throws IOException {
        String html = HtmlDashboard.render(ReportFixtures.result());
        int warnings = html.indexOf("<section class=\"warnings\" id=\"warnings\"");
        assertTrue(warnings > 0, html);
        assertTrue(warnings < html.indexOf("<nav class=\"goals\""), "before the goal list");
        assertTrue(warnings < html.indexOf("<section class=\"goal "), "before the first goal");
        assertTrue(html.contains("<li>unknown bot pattern &lt;img src=x onerror=alert(1)&gt;</li>"));
        assertTrue(html.contains("<dt>Warnings</dt><dd><a href=\"#warnings\">2, below</a></dd>"));

        ModelResult full = ReportFixtures.result();
        ModelResult none = new ModelResult(full.model(), full.asOf(), full.generatedAt(), full.sources(), full.status(),
                full.goals(), List.of());
        String quiet = HtmlDashboard.render(none);
        assertFalse(quiet.contains("id=\"warnings\""), "no empty warnings box");
        assertTrue(quiet.contains("<dt>Warnings</dt><dd>none</dd>"));
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

    private static String resource(String name) throws IOException {
        try (InputStream in = HtmlDashboardTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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

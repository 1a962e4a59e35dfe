package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.model.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the dashboard in a real headless Chromium, from file://, as a user would. */
class DashboardBrowserTest {
    /** Would mark the page if it ever ran: data must stay text, whatever it holds. */
    static final String SCRIPT_PAYLOAD = "<script>document.documentElement.setAttribute('data-pwned','script')</script>";
    static final String IMG_PAYLOAD = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">";

    @TempDir
    static Path scratch;
    static HeadlessChromium chromium;
    static Path report;

    @BeforeAll
    static void writeReport() throws ReportException {
        chromium = HeadlessChromium.find();
        report = scratch.resolve("report");
        new ReportWriter().write(hostileResult(), report);
    }

    /** Each test skips itself, so that a run without the browser counts every skip (not "Tests run: 0"). */
    @BeforeEach
    void needsTheBrowser() {
        HeadlessChromium.assumeFound(chromium);
    }

    /** The fixture with payloads in the description, a goal title, and an items table with numbers to sort. */
    static ModelResult hostileResult() {
        MetricResult commits = ReportFixtures.commits();
        Items items = new Items(List.of("author", "commits", "url"), List.of(
                List.of(SCRIPT_PAYLOAD, 100, "https://github.com/o/r/commit/1"),
                List.of(IMG_PAYLOAD, 9, "javascript:document.documentElement.setAttribute('data-pwned','link')"),
                Arrays.asList("carol", null, "https://github.com/o/r/commit/3"),
                List.of("dave", 20.5, "https://github.com/o/r/commit/4")), "url");
        MetricResult withItems = new MetricResult(commits.use(), commits.unit(), commits.value(), commits.status(),
                commits.note(), commits.series(), items);
        ModelResult base = ReportFixtures.result(withItems);
        List<GoalResult> goals = new ArrayList<>(base.goals());
        GoalResult first = goals.get(0);
        var g = first.goal();
        goals.set(0, new GoalResult(new dev.gqm.model.Goal(g.id(), IMG_PAYLOAD, g.purpose(), g.focus(), g.object(),
                g.viewpoint(), g.questions()), first.status(), first.questions()));
        Model model = new Model(base.model().id(), base.model().title(), SCRIPT_PAYLOAD, base.model().goals());
        return new ModelResult(model, base.asOf(), base.generatedAt(), base.sources(), base.status(), goals,
                base.warnings());
    }

    @Test
    void loadsWithoutConsoleMessagesAndRunsItsScript() throws IOException, InterruptedException {
        HeadlessChromium.Page page = chromium.dumpDom(report.resolve("index.html"), scratch);
        assertEquals(List.of(), page.console(), "the page logged to the console (errors, CSP refusals, failed loads)");
        assertTrue(page.htmlTag().contains("data-ready=\"true\""), page.htmlTag());
        assertFalse(page.htmlTag().contains("data-script-error"), page.htmlTag());
        assertEquals(2, count(page.dom(), "data-sortable=\"ready\""), "both items tables wired for sorting");
    }

    @Test
    void everyGoalAndEveryChartWithValuesIsOnThePage() throws IOException, InterruptedException {
        String dom = chromium.dumpDom(report.resolve("index.html"), scratch).dom();
        for (String goal : List.of("responsiveness", "sustainability")) {
            assertTrue(dom.contains("<section class=\"goal edge-"), goal);
            assertTrue(dom.contains("id=\"goal-" + goal + "\""), goal);
            assertTrue(dom.contains("href=\"#goal-" + goal + "\""), goal);
        }
        List<String> charts = new ArrayList<>();
        Matcher m = Pattern.compile("<svg id=\"(chart-[^\"]+)\"").matcher(dom);
        while (m.find()) {
            charts.add(m.group(1));
        }
        assertEquals(List.of("chart-responsiveness-first-response-median", "chart-responsiveness-stale-issues",
                "chart-sustainability-git-commits", "chart-sustainability-new-contributors",
                "chart-sustainability-first-review"), charts);
        assertTrue(dom.contains("<p class=\"no-chart\">"), "review coverage has no values: text, not an empty chart");
        // each chart drew its title, subtitle and axes, not an empty box
        assertTrue(dom.contains(">Is the project active?</text>"));
        assertTrue(dom.contains(">git.commits · count</text>"));
        assertTrue(dom.contains(">as of the end of each week (the last: 2026-07-01)</text>"));
        assertTrue(dom.contains(">2026-06-22</text>") && dom.contains(">06-29</text>"), "ticks on the week ends");
        assertTrue(dom.contains(">warn &gt; 2d</text>"), "a threshold in the model's own words");
    }

    @Test
    void hostileDataStaysText() throws IOException, InterruptedException {
        HeadlessChromium.Page page = chromium.dumpDom(report.resolve("index.html"), scratch);
        String dom = page.dom();
        assertFalse(page.htmlTag().contains("data-pwned"), page.htmlTag());
        assertEquals(1, count(dom, "<script"), "only the page's own script element");
        assertEquals(0, count(dom, "<img"), "no image element made from data");
        assertTrue(dom.contains("&lt;script&gt;document.documentElement.setAttribute('data-pwned','script')&lt;/script&gt;"));
        assertTrue(dom.contains("<h2>&lt;img src=x onerror=\"document.documentElement"), "goal title as text");
        assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the fixture's issue title as text");
        assertFalse(dom.contains("href=\"javascript:"));
        assertTrue(dom.contains("<a href=\"https://github.com/o/r/issues/12\" rel=\"noopener noreferrer\">"));
    }

    /**
     * At a phone's width (390 CSS px) the page does not scroll sideways: cards stack, charts scale
     * to the card, and a wide items table scrolls inside its own box. Headless Chromium's window is
     * at least 500 px wide, so the page is measured in a 390 px frame.
     */
    @Test
    void aPhoneWidthPageDoesNotScrollSideways() throws IOException, InterruptedException {
        String harness = """
                <!DOCTYPE html>
                <html><body style="margin:0">
                <iframe id="phone" src="index.html" width="390" height="2400" style="border:0;display:block"></iframe>
                <script>
                var frame = document.getElementById("phone");
                frame.addEventListener("load", function () {
                  var body = document.body;
                  try {
                    var page = frame.contentWindow;
                    var doc = frame.contentDocument;
                    body.setAttribute("data-inner-width", String(page.innerWidth));
                    body.setAttribute("data-scroll-width", String(doc.documentElement.scrollWidth));
                    // what overflows its box, other than the tables' own scroll boxes (for the message)
                    var wide = Array.prototype.filter.call(doc.querySelectorAll("body *"), function (e) {
                      return e.closest(".table-wrap") === null && e.closest("svg") === null
                          && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1;
                    }).map(function (e) { return e.tagName + "." + e.className; });
                    body.setAttribute("data-too-wide", wide.join(" "));
                    var charts = Array.prototype.map.call(doc.querySelectorAll("figure.chart svg"), function (svg) {
                      var box = svg.getBoundingClientRect();
                      return Math.round(box.left) + ":" + Math.round(box.right);
                    });
                    body.setAttribute("data-charts", charts.join(" "));
                    var inside = Array.prototype.filter.call(doc.querySelectorAll(".table-wrap"), function (w) {
                      return w.offsetParent !== null && w.scrollWidth > w.clientWidth;
                    });
                    body.setAttribute("data-tables-scrolling-inside", String(inside.length));
                  } catch (e) {
                    body.setAttribute("data-probe-error", String(e));
                  }
                });
                </script>
                </body></html>
                """;
        Path probe = report.resolve("phone-probe.html");
        Files.writeString(probe, harness);
        String dom = chromium.dumpDom(probe, scratch, List.of("--allow-file-access-from-files", "--hide-scrollbars")).dom();
        String body = dom.substring(dom.indexOf("<body"), dom.indexOf('>', dom.indexOf("<body")) + 1);
        assertEquals(null, attribute(body, "data-probe-error"), body);
        assertEquals("390", attribute(body, "data-inner-width"), body);
        assertEquals("390", attribute(body, "data-scroll-width"), "the page is as wide as the phone; too wide: "
                + attribute(body, "data-too-wide"));
        assertEquals("", attribute(body, "data-too-wide"));
        List<String> charts = List.of(attribute(body, "data-charts").split(" "));
        assertEquals(5, charts.size(), body);
        for (String chart : charts) {
            int left = Integer.parseInt(chart.substring(0, chart.indexOf(':')));
            int right = Integer.parseInt(chart.substring(chart.indexOf(':') + 1));
            assertTrue(left >= 0 && right <= 390 && right - left > 300, "a chart scaled to the card: " + charts);
        }
        assertTrue(Integer.parseInt(attribute(body, "data-tables-scrolling-inside")) >= 1,
                "the stale issues' table is wider than a phone and scrolls in its box: " + body);
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    /** The page without its policy, so that a test's probe script may run beside the page's own. */
    private static String withoutPolicy(String html) {
        String csp = html.substring(html.indexOf("<meta http-equiv=\"Content-Security-Policy\""));
        return html.replace(csp.substring(0, csp.indexOf('>') + 1), "");
    }

    /** Clicks the numeric column's header twice in the browser and reads back the row order. */
    @Test
    void numbersSortNumericallyWithEmptyCellsLast() throws IOException, InterruptedException {
        String html = Files.readString(report.resolve("index.html"));
        String probe = """
                <script>
                var table = document.querySelector("#sustainability-git-commits table");
                function order() {
                  return Array.prototype.map.call(table.tBodies[0].rows, function (r) { return r.cells[1].textContent; }).join("|");
                }
                var button = table.tHead.rows[0].cells[1].querySelector("button");
                button.click();
                document.body.setAttribute("data-ascending", order());
                button.click();
                document.body.setAttribute("data-descending", order());
                document.body.setAttribute("data-header", table.tHead.rows[0].cells[1].getAttribute("aria-sort"));
                </script>
                </body>""";
        // the probe is a second inline script: the page's policy would refuse it, as it should
        Path harness = report.resolve("sort-probe.html");
        Files.writeString(harness, withoutPolicy(html).replace("</body>", probe));
        String dom = chromium.dumpDom(harness, scratch).dom();
        assertTrue(dom.contains("data-ascending=\"9|20.5|100|\""), dom.substring(dom.indexOf("<body")));
        assertTrue(dom.contains("data-descending=\"100|20.5|9|\""));
        assertTrue(dom.contains("data-header=\"descending\""));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}

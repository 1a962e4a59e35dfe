package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.evaluate.ModelResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CiOutputsTest {
    static final ModelResult RESULT = CiFixtures.result();

    @TempDir
    Path dir;

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static Element testcase(Document doc, String name) {
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + name);
    }

    @Test
    void junitMatchesGoldenFiles() throws IOException {
        Golden.assertMatches("junit-fail-on-fail.xml", JUnitReport.render(RESULT, FailOn.FAIL));
        Golden.assertMatches("junit-fail-on-warn.xml", JUnitReport.render(RESULT, FailOn.WARN));
    }

    @Test
    void junitParsesWithTheRightCountsAndEscapedText() throws Exception {
        Path file = dir.resolve("out/junit.xml");
        JUnitReport.write(RESULT, FailOn.FAIL, file);
        Document doc = parse(Files.readAllBytes(file));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("4", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("skipped"));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element gate = (Element) suites.item(0);
        assertEquals(List.of("gate", "2", "1", "0"), List.of(gate.getAttribute("name"), gate.getAttribute("tests"),
                gate.getAttribute("failures"), gate.getAttribute("skipped")));
        Element health = (Element) suites.item(1);
        assertEquals(List.of("health", "2", "0", "1"), List.of(health.getAttribute("name"), health.getAttribute("tests"),
                health.getAttribute("failures"), health.getAttribute("skipped")));

        Element stale = testcase(doc, "stale-issues");
        assertEquals("ci-gate.gate.stale", stale.getAttribute("classname"));
        Element failure = (Element) stale.getElementsByTagName("failure").item(0);
        assertEquals("value 3 count fails threshold fail > 2 (thresholds: fail > 2); items: "
                + "#9 \"Docs: \"install\" <b>page</b>\" https://github.com/o/r/issues/9 — 91 days inactive; "
                + "#7 \"Crash on start\" https://github.com/o/r/issues/7 — 40 days inactive; "
                + "#12 \"Login fails with SSO\" https://github.com/o/r/issues/12 — 35.5 days inactive",
                failure.getAttribute("message"));
        assertEquals("fail", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains("note: 100% of them unanswered\n::error::injected </failure>\nitems:\n"
                + "- #9 \"Docs: \"install\" <b>page</b>\" https://github.com/o/r/issues/9 — 91 days inactive\n"), failure.getTextContent());
        Element commits = testcase(doc, "git-commits");
        assertFalse(commits.getTextContent().contains("Zed"), "a metric at pass names no items");

        Element warn = testcase(doc, "first-response-median");
        assertEquals(0, warn.getElementsByTagName("failure").getLength(), "a warn passes with --fail-on fail");
        Element skipped = (Element) testcase(doc, "review-coverage").getElementsByTagName("skipped").item(0);
        assertEquals("no data: no GitHub source configured", skipped.getAttribute("message"));
        Element title = (Element) health.getElementsByTagName("property").item(1);
        assertEquals("Tom & Jerry's <team> \"healthy\"", title.getAttribute("value"));
    }

    @Test
    void failOnWarnTurnsTheWarnIntoAFailure() throws Exception {
        Document doc = parse(JUnitReport.render(RESULT, FailOn.WARN).getBytes(StandardCharsets.UTF_8));
        assertEquals("2", doc.getDocumentElement().getAttribute("failures"));
        Element failure = (Element) testcase(doc, "first-response-median").getElementsByTagName("failure").item(0);
        assertEquals("value 52.5 hours (2.2 days) fails threshold warn > 2d (thresholds: warn > 2d, fail > 7d); items: "
                + "#5 \"Build breaks\" https://github.com/o/r/issues/5 — waiting 21 days; "
                + "#3 \"Question about %s\" https://github.com/o/r/issues/3 — answered after 2.2 days; "
                + "#4 \"Typo\" https://github.com/o/r/issues/4 — answered after 10.0 h",
                failure.getAttribute("message"));
        assertEquals("warn", failure.getAttribute("type"));
    }

    @Test
    void junitReplacesAnOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("junit.xml");
        Files.writeString(file, "old");
        JUnitReport.write(RESULT, FailOn.FAIL, file);
        assertTrue(Files.readString(file).startsWith("<?xml"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void junitIntoADirectoryFailsWithAMessage() throws IOException {
        Path target = Files.createDirectory(dir.resolve("taken"));
        ReportException e = assertThrows(ReportException.class, () -> JUnitReport.write(RESULT, FailOn.FAIL, target));
        assertTrue(e.getMessage().startsWith("cannot write JUnit report " + target), e.getMessage());
    }

    @Test
    void controlCharactersCannotBreakTheXml() {
        assertEquals("a\uFFFDb\tc\uFFFD", JUnitReport.text("a\u0001b\tc\uD800"));
    }

    @Test
    void stepSummaryMatchesItsGoldenFile() throws IOException {
        Golden.assertMatches("step-summary.md", StepSummary.render(RESULT, FailOn.FAIL));
    }

    @Test
    void stepSummaryIsAppendedAfterWhatIsThere() throws Exception {
        Path file = dir.resolve("summary.md");
        Files.writeString(file, "# Earlier step output\n");
        StepSummary.append(RESULT, FailOn.WARN, file);
        String text = Files.readString(file);
        assertTrue(text.startsWith("# Earlier step output\n### gqm check: CI gate <&\" — ❌ fail\n"), text);
        assertTrue(text.contains("gate `--fail-on warn`: 2 metrics fail it."), text);
    }

    @Test
    void aLongSummaryIsTruncatedWithANoteAndStaysWithinTheBudget() {
        String full = StepSummary.render(RESULT, FailOn.FAIL);
        int size = bytes(full);
        assertEquals(full, StepSummary.render(RESULT, FailOn.FAIL, size));
        // the item lists go first: the last one does not fit
        String noStaleItems = StepSummary.render(RESULT, FailOn.FAIL, size - 10);
        assertTrue(noStaleItems.contains("*Truncated: the items of 1 of 2 metrics not shown"), noStaleItems);
        assertFalse(noStaleItems.contains("Crash on start"), noStaleItems);
        assertTrue(noStaleItems.contains("Build breaks") && noStaleItems.contains("review-coverage"), noStaleItems);
        // then the rows: a budget of the table and the warnings alone, less 10 bytes, leaves out the last row
        int table = bytes(full.substring(0, full.indexOf("\n<details"))) + bytes(full.substring(full.indexOf("\n> warning")));
        String cut = StepSummary.render(RESULT, FailOn.FAIL, table - 10);
        assertTrue(cut.contains("*Truncated: 1 of 4 metrics not shown"), cut);
        assertFalse(cut.contains("review-coverage") || cut.contains("<details"), cut);
        assertTrue(cut.contains("git-commits"), cut);
        String shorter = StepSummary.render(RESULT, FailOn.FAIL, table - 200);
        assertTrue(shorter.contains("*Truncated: 3 of 4 metrics not shown"), shorter);
        // the heading, the warnings and the note are always written: below them no budget can hold
        int least = bytes(StepSummary.render(RESULT, FailOn.FAIL, 0));
        assertTrue(least < 600, "heading, warnings and note: " + least);
        for (int budget = least; budget < size; budget += 7) {
            String text = StepSummary.render(RESULT, FailOn.FAIL, budget);
            assertTrue(bytes(text) <= budget, budget + ": " + text);
        }
    }

    static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void chunksStayBelowTheLimitAndCutAtLineBreaks() {
        assertEquals(List.of("ab\n", "cd\n", "efghi", "j"), StepSummary.chunks("ab\ncd\nefghij", 5));
        String text = StepSummary.render(RESULT, FailOn.FAIL);
        List<String> chunks = StepSummary.chunks(text, 200);
        assertEquals(text, String.join("", chunks));
        chunks.forEach(c -> assertTrue(c.length() <= 200 && (c.endsWith("\n") || c == chunks.get(chunks.size() - 1)), c));
    }

    @Test
    void annotationsEscapeByTheWorkflowCommandRules() {
        List<String> lines = Annotations.lines(RESULT, FailOn.FAIL);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertEquals("::warning title=gqm warn%3A gate/first-response-median::issue.first_response_time value 52.5 hours "
                + "(2.2 days) fails threshold warn > 2d (thresholds: warn > 2d, fail > 7d)"
                + "%0Agoal: Contributors get timely answers%0Aquestion: How quickly | how well%0Ais an issue answered?"
                + "%0Aitems:%0A- #5 \"Build breaks\" https://github.com/o/r/issues/5 — waiting 21 days"
                + "%0A- #3 \"Question about %25s\" https://github.com/o/r/issues/3 — answered after 2.2 days"
                + "%0A- #4 \"Typo\" https://github.com/o/r/issues/4 — answered after 10.0 h",
                lines.get(0));
        assertEquals("::error title=gqm fail%3A gate/stale-issues::issue.stale value 3 count fails threshold fail > 2 "
                + "(thresholds: fail > 2)%0Agoal: Contributors get timely answers%0Aquestion: Are issues left to rot?"
                + "%0Anote: 100%25 of them unanswered%0A::error::injected </failure>"
                + "%0Aitems:%0A- #9 \"Docs: \"install\" <b>page</b>\" https://github.com/o/r/issues/9 — 91 days inactive"
                + "%0A- #7 \"Crash on start\" https://github.com/o/r/issues/7 — 40 days inactive"
                + "%0A- #12 \"Login fails with SSO\" https://github.com/o/r/issues/12 — 35.5 days inactive", lines.get(1));
        lines.forEach(l -> assertFalse(l.contains("\n") || l.contains("\r"), l));
    }

    @Test
    void withFailOnWarnTheWarnIsAnError() {
        List<String> lines = Annotations.lines(RESULT, FailOn.WARN);
        assertTrue(lines.get(0).startsWith("::error title=gqm warn%3A gate/first-response-median::"), lines.get(0));
    }

    @Test
    void propertyEscapesColonAndComma() {
        assertEquals("a%25b%0D%0Ac%3Ad%2Ce", Annotations.property("a%b\r\nc:d,e"));
        assertEquals("a%25b%0D%0Ac:d,e", Annotations.data("a%b\r\nc:d,e"));
    }

    @Test
    void failOnTripsAsDocumented() {
        assertTrue(FailOn.FAIL.trips(dev.gqm.evaluate.Status.FAIL));
        assertFalse(FailOn.FAIL.trips(dev.gqm.evaluate.Status.WARN));
        assertTrue(FailOn.WARN.trips(dev.gqm.evaluate.Status.WARN));
        assertFalse(FailOn.WARN.trips(dev.gqm.evaluate.Status.NO_DATA));
        assertEquals(FailOn.WARN, FailOn.parse("warn"));
        assertThrows(IllegalArgumentException.class, () -> FailOn.parse("WARN"));
    }
}

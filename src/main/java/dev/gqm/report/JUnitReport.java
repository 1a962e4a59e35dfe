package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The check as JUnit XML in the Surefire/Ant form that GitHub, GitLab and Jenkins read: one
 * {@code <testsuite>} per goal, one {@code <testcase>} per metric; a metric that fails the gate is a
 * {@code <failure>}, a metric without data or without thresholds (info) is {@code <skipped>} with
 * its reason, every other one passes. A metric at
 * warn or fail names the items behind it ({@link ItemLines}) in its message and text.
 */
public final class JUnitReport {
    /** The Surefire schema's timestamp: ISO local date-time, read as UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private JUnitReport() {
    }

    /** Writes the report to {@code file}, replacing it atomically: a reader never sees half a file. */
    public static void write(ModelResult result, FailOn failOn, Path file) throws ReportException {
        try {
            AtomicFile.write(file, out -> render(result, failOn, out));
        } catch (IOException e) {
            throw new ReportException("cannot write JUnit report " + file + ": " + e.getMessage(), e);
        }
    }

    static String render(ModelResult result, FailOn failOn) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            render(result, failOn, bytes);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void render(ModelResult result, FailOn failOn, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new Rendering(xml, result, failOn).document();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("XML: " + e.getMessage(), e);
        }
    }

    /** Counts of one suite or of all of them. */
    private record Counts(int tests, int failures, int skipped) {
        static Counts of(List<MetricResult> metrics, FailOn failOn) {
            int failures = (int) metrics.stream().filter(m -> failOn.trips(m.status())).count();
            // info is measured but not judged: never a passed test (SPEC §2), so skipped with its reason
            int skipped = (int) metrics.stream().filter(m -> m.status() == Status.NO_DATA || m.status() == Status.INFO).count();
            return new Counts(metrics.size(), failures, skipped);
        }
    }

    private static final class Rendering {
        private final XMLStreamWriter xml;
        private final ModelResult result;
        private final FailOn failOn;

        Rendering(XMLStreamWriter xml, ModelResult result, FailOn failOn) {
            this.xml = xml;
            this.result = result;
            this.failOn = failOn;
        }

        void document() throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            newline(0);
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", text(result.model().id()));
            counts(Counts.of(metrics(result.goals()), failOn));
            for (GoalResult goal : result.goals()) {
                suite(goal);
            }
            newline(0);
            xml.writeEndElement();
            newline(0);
            xml.writeEndDocument();
        }

        private void suite(GoalResult goal) throws XMLStreamException {
            newline(1);
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", text(goal.goal().id()));
            counts(Counts.of(metrics(List.of(goal)), failOn));
            xml.writeAttribute("timestamp", TIMESTAMP.format(result.generatedAt().truncatedTo(ChronoUnit.SECONDS)));
            newline(2);
            xml.writeStartElement("properties");
            property("gqm.model", result.model().id());
            property("gqm.goal.title", goal.goal().title());
            property("gqm.as_of", JsonSummary.instant(result.asOf()));
            property("gqm.fail_on", failOn.label());
            newline(2);
            xml.writeEndElement();
            for (QuestionResult question : goal.questions()) {
                for (MetricResult metric : question.metrics()) {
                    testcase(goal, question, metric);
                }
            }
            newline(1);
            xml.writeEndElement();
        }

        private void testcase(GoalResult goal, QuestionResult question, MetricResult metric) throws XMLStreamException {
            newline(2);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", text(result.model().id() + "." + goal.goal().id() + "." + question.question().id()));
            xml.writeAttribute("name", text(metric.use().id()));
            xml.writeAttribute("time", "0");
            String verdict = MetricVerdict.explain(metric);
            if (failOn.trips(metric.status())) {
                newline(3);
                xml.writeStartElement("failure");
                xml.writeAttribute("message", oneLine(message(metric, verdict)));
                xml.writeAttribute("type", metric.status().label());
                xml.writeCharacters(text(details(question, metric, verdict)));
                xml.writeEndElement();
            } else if (metric.status() == Status.NO_DATA || metric.status() == Status.INFO) {
                newline(3);
                if (metric.status() == Status.INFO) {
                    xml.writeStartElement("skipped");
                    xml.writeAttribute("message", oneLine(verdict));
                    xml.writeCharacters(text(details(question, metric, verdict)));
                    xml.writeEndElement();
                } else {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", oneLine(verdict));
                }
            } else {
                newline(3);
                xml.writeStartElement("system-out");
                xml.writeCharacters(text(details(question, metric, verdict)));
                xml.writeEndElement();
            }
            newline(2);
            xml.writeEndElement();
        }

        private void counts(Counts c) throws XMLStreamException {
            xml.writeAttribute("tests", Integer.toString(c.tests()));
            xml.writeAttribute("failures", Integer.toString(c.failures()));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Integer.toString(c.skipped()));
            xml.writeAttribute("time", "0");
        }

        private void property(String name, String value) throws XMLStreamException {
            newline(3);
            xml.writeEmptyElement("property");
            xml.writeAttribute("name", name);
            xml.writeAttribute("value", oneLine(value == null ? "" : value));
        }

        private void newline(int depth) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
    }

    private static List<MetricResult> metrics(List<GoalResult> goals) {
        return goals.stream().flatMap(g -> g.questions().stream()).flatMap(q -> q.metrics().stream()).toList();
    }

    private static String details(QuestionResult question, MetricResult metric, String verdict) {
        StringBuilder s = new StringBuilder();
        s.append(metric.use().metric()).append(", stat ").append(metric.use().stat().label())
                .append(", window ").append(metric.use().window()).append('\n');
        s.append("question: ").append(question.question().text()).append('\n');
        s.append(verdict).append('\n');
        if (!MetricVerdict.sample(metric).isEmpty()) {
            s.append("sample: ").append(MetricVerdict.sample(metric)).append('\n');
        }
        MetricVerdict.notes(metric).forEach(note -> s.append("note ").append(note).append('\n'));
        if (metric.note() != null && !metric.note().isBlank() && metric.status() != Status.NO_DATA) {
            s.append("note: ").append(metric.note()).append('\n');
        }
        List<String> items = ItemLines.of(metric);
        if (!items.isEmpty()) {
            s.append("items:\n");
            items.forEach(item -> s.append("- ").append(item).append('\n'));
        }
        return s.toString();
    }

    /** A failure's one-line message: the verdict, then the items behind it. */
    private static String message(MetricResult metric, String verdict) {
        List<String> items = ItemLines.of(metric);
        List<String> notes = MetricVerdict.notes(metric);
        String withNotes = notes.isEmpty() ? verdict : verdict + "; notes: " + String.join("; ", notes);
        return items.isEmpty() ? withNotes : withNotes + "; items: " + String.join("; ", items);
    }

    /** Parsers turn a line break in an attribute into a space anyway; doing it here keeps the file predictable. */
    private static String oneLine(String s) {
        return text(s).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** XML 1.0 cannot carry most control characters, not even escaped: they become U+FFFD. */
    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            b.appendCodePoint(allowed ? c : 0xFFFD);
            i += Character.charCount(c);
        }
        return b.toString();
    }
}

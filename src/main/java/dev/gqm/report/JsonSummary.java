package dev.gqm.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.SourceInfo;
import dev.gqm.model.MetricUse;
import dev.gqm.model.Note;
import dev.gqm.model.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** {@code summary.json} in the SPEC §6 schema, keys in the SPEC's order. */
final class JsonSummary {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** SPEC §6: 2 added gqm_version, and per metric censored, window, sample and notes. */
    static final int SCHEMA_VERSION = 2;

    private JsonSummary() {
    }

    /** Starts the JSON writer ahead of a report (its classes take a few tens of milliseconds to load). */
    static void prepare() throws IOException {
        MAPPER.writeValueAsString(MAPPER.createObjectNode().put("model", "x"));
    }

    static void write(ModelResult result, Path file) throws IOException {
        Files.writeString(file, MAPPER.writeValueAsString(tree(result)) + "\n");
    }

    static ObjectNode tree(ModelResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("gqm_version", BuildVersion.get());
        root.put("model", result.model().id());
        root.put("title", result.model().title());
        root.put("as_of", instant(result.asOf()));
        root.put("generated_at", instant(result.generatedAt()));
        root.put("status", result.status().label());
        ArrayNode sources = root.putArray("sources");
        result.sources().forEach(s -> sources.add(source(s)));
        ArrayNode goals = root.putArray("goals");
        for (GoalResult goal : result.goals()) {
            goals.add(goal(goal));
        }
        ArrayNode warnings = root.putArray("warnings");
        result.warnings().forEach(warnings::add);
        return root;
    }

    /** ISO-8601 in UTC to the second, e.g. {@code 2026-07-01T00:00:00Z}. */
    static String instant(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static ObjectNode source(SourceInfo source) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", source.kind());
        if (source.git()) {
            node.put("location", source.location());
            node.put("head", source.head());
        } else {
            // a tracker: what it reads (SPEC §6: {"kind": "github", "repository": "o/r"})
            if (source.location() != null) {
                node.put("location", source.location());
            }
            node.put("repository", source.repository());
        }
        return node;
    }

    private static ObjectNode goal(GoalResult goal) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", goal.goal().id());
        node.put("title", goal.goal().title());
        node.put("status", goal.status().label());
        ArrayNode questions = node.putArray("questions");
        for (QuestionResult question : goal.questions()) {
            ObjectNode q = questions.addObject();
            q.put("id", question.question().id());
            q.put("text", question.question().text());
            q.put("status", question.status().label());
            ArrayNode metrics = q.putArray("metrics");
            for (MetricResult metric : question.metrics()) {
                metrics.add(metric(goal.goal().id(), metric));
            }
        }
        return node;
    }

    /** {n, observed, censored} for durations, {n, numerator, denominator} for ratios, {n} for counts; null without one. */
    private static com.fasterxml.jackson.databind.JsonNode sample(Sample sample) {
        if (sample == null) {
            return MAPPER.nullNode();
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("n", sample.n());
        if (sample.observed() != null) {
            node.put("observed", sample.observed());
        }
        if (sample.censored() != null) {
            node.put("censored", sample.censored());
        }
        if (sample.numerator() != null) {
            node.put("numerator", sample.numerator());
        }
        if (sample.denominator() != null) {
            node.put("denominator", sample.denominator());
        }
        return node;
    }

    private static ObjectNode metric(String goalId, MetricResult metric) {
        MetricUse use = metric.use();
        MetricFiles files = new MetricFiles(goalId, use.id());
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", use.id());
        node.put("metric", use.metric());
        node.put("stat", use.stat().label());
        Number value = ReportedNumber.of(metric.value(), metric.unit());
        if (value == null) {
            node.putNull("value");
        } else if (value instanceof Long count) {
            node.put("value", count);
        } else {
            node.put("value", value.doubleValue());
        }
        node.put("censored", metric.censored());
        node.put("unit", metric.unit().label());
        node.put("status", metric.status().label());
        node.put("window", use.window() == null ? null : use.window().toString());
        node.set("sample", sample(metric.sample()));
        ArrayNode notes = node.putArray("notes");
        for (Note n : metric.notes()) {
            notes.addObject().put("code", n.code()).put("text", n.text());
        }
        ObjectNode thresholds = node.putObject("thresholds");
        use.warn().ifPresent(t -> thresholds.put("warn", t.text()));
        use.fail().ifPresent(t -> thresholds.put("fail", t.text()));
        node.put("csv", files.csv());
        node.put("chart", files.png());
        if (metric.items() != null && !metric.items().isEmpty()) {
            node.put("items", files.itemsCsv());
        }
        if (metric.note() != null) {
            node.put("note", metric.note());
        }
        return node;
    }
}

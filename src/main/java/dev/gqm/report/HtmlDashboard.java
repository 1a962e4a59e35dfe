package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Goal;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code index.html}: a self-contained dashboard rendered from {@code index.peb}. The template
 * escapes every value (Pebble's default); this class only prepares plain strings, and turns a
 * data cell into a link only when it is an http(s) URL.
 */
final class HtmlDashboard {
    static final String TEMPLATE = "dev/gqm/report/index.peb";
    /** The page lists this many items per metric; the items CSV has them all. */
    static final int MAX_ITEM_ROWS = 100;

    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(new ClasspathLoader(HtmlDashboard.class.getClassLoader()))
            .strictVariables(true)
            .defaultLocale(Locale.ROOT)
            .build();

    private HtmlDashboard() {
    }

    static void write(ModelResult result, Path file) throws IOException {
        Files.writeString(file, render(result), StandardCharsets.UTF_8);
    }

    static String render(ModelResult result) throws IOException {
        PebbleTemplate template = ENGINE.getTemplate(TEMPLATE);
        StringWriter out = new StringWriter();
        template.evaluate(out, context(result), Locale.ROOT);
        return out.toString();
    }

    private static Map<String, Object> context(ModelResult result) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", text(result.model().title()));
        page.put("description", text(result.model().description()));
        page.put("modelId", text(result.model().id()));
        page.put("asOf", text(JsonSummary.instant(result.asOf())));
        page.put("generatedAt", text(JsonSummary.instant(result.generatedAt())));
        page.put("status", status(result.status()));
        page.put("sources", result.sources().stream().map(SourceText::of).toList());
        List<Map<String, Object>> goals = new ArrayList<>();
        for (GoalResult goal : result.goals()) {
            goals.add(goal(goal));
        }
        page.put("goals", goals);
        page.put("warnings", result.warnings());
        return page;
    }

    private static Map<String, Object> goal(GoalResult result) {
        Goal goal = result.goal();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", goal.id());
        view.put("title", text(goal.title()));
        view.put("status", status(result.status()));
        List<Map<String, String>> template = new ArrayList<>();
        field(template, "Purpose", goal.purpose());
        field(template, "Focus", goal.focus());
        field(template, "Object", goal.object());
        field(template, "Viewpoint", goal.viewpoint());
        view.put("template", template);
        List<Map<String, Object>> questions = new ArrayList<>();
        for (QuestionResult question : result.questions()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("text", text(question.question().text()));
            q.put("status", status(question.status()));
            List<Map<String, Object>> metrics = new ArrayList<>();
            for (MetricResult metric : question.metrics()) {
                metrics.add(metric(goal.id(), metric));
            }
            q.put("metrics", metrics);
            questions.add(q);
        }
        view.put("questions", questions);
        return view;
    }

    private static void field(List<Map<String, String>> fields, String name, Optional<String> value) {
        if (value != null && value.isPresent() && !value.get().isBlank()) {
            fields.add(Map.of("name", name, "value", value.get()));
        }
    }

    private static Map<String, Object> metric(String goalId, MetricResult result) {
        MetricFiles files = new MetricFiles(goalId, result.use().id());
        String value = HumanFormat.value(result.value(), result.unit());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", result.use().id());
        view.put("metric", result.use().metric());
        view.put("stat", result.use().stat().label());
        view.put("value", value);
        view.put("status", status(result.status()));
        view.put("thresholds", HumanFormat.thresholds(result.use()));
        view.put("note", text(result.note()));
        view.put("csv", files.csv());
        view.put("svg", files.svg());
        view.put("png", files.png());
        view.put("alt", "Chart of " + result.use().id() + " (" + result.use().metric() + ") by period start; value "
                + value + ", status " + result.status().label());
        boolean hasItems = result.items() != null && !result.items().isEmpty();
        view.put("itemsCsv", hasItems ? files.itemsCsv() : "");
        view.put("items", hasItems ? items(result.items()) : null);
        return view;
    }

    private static Map<String, Object> items(Items items) {
        int linkIndex = items.linkColumn() == null ? -1 : items.columns().indexOf(items.linkColumn());
        List<List<Map<String, String>>> rows = new ArrayList<>();
        for (List<Object> row : items.rows().subList(0, Math.min(MAX_ITEM_ROWS, items.rows().size()))) {
            List<Map<String, String>> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                String cell = displayed(row.get(i));
                cells.add(Map.of("text", cell, "href", i == linkIndex && isWebLink(cell) ? cell : ""));
            }
            rows.add(cells);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("columns", items.columns());
        view.put("rows", rows);
        view.put("count", items.rows().size());
        view.put("more", Math.max(0, items.rows().size() - MAX_ITEM_ROWS));
        return view;
    }

    /** Only web links become links: {@code javascript:}, {@code data:} and relative paths stay text. */
    static boolean isWebLink(String text) {
        return text.regionMatches(true, 0, "https://", 0, 8) || text.regionMatches(true, 0, "http://", 0, 7);
    }

    /** A cell as text on the page: the same form as in the items CSV, without the spreadsheet guard. */
    private static String displayed(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof String s) {
            return s;
        }
        return MetricCsv.cell(cell);
    }

    private static Map<String, String> status(Status status) {
        String symbol = switch (status) {
            case PASS -> "✓";
            case WARN -> "!";
            case FAIL -> "✗";
            case NO_DATA -> "–";
        };
        return Map.of("label", status.label(), "symbol", symbol);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

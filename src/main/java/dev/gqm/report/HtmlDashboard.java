package dev.gqm.report;

import dev.gqm.evaluate.GoalResult;
import dev.gqm.evaluate.Items;
import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.ModelResult;
import dev.gqm.evaluate.QuestionResult;
import dev.gqm.evaluate.SourceInfo;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Goal;
import dev.gqm.model.MetricUse;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code index.html}: a self-contained dashboard rendered from {@code index.peb}, with its style,
 * script and charts inline, so that it opens from {@code file://} or any static host with no
 * network. The template escapes every value (Pebble's default); this class prepares plain
 * strings, turns a data cell into a link only when it is an http(s) URL, and passes as markup
 * only what it made itself: the style, the script and the JFreeSVG charts. A Content Security
 * Policy lets only that one script run, should anything ever slip through.
 */
final class HtmlDashboard {
    static final String TEMPLATE = "dev/gqm/report/index.peb";
    static final String STYLE = "dev/gqm/report/dashboard.css";
    static final String SCRIPT = "dev/gqm/report/dashboard.js";
    /** The page lists this many items per metric; the items CSV has them all. */
    static final int MAX_ITEM_ROWS = 100;
    /** Items of a metric at warn or fail are shown open when there are this few: they are the to-do list. */
    static final int OPEN_ITEM_ROWS = 25;

    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(new ClasspathLoader(HtmlDashboard.class.getClassLoader()))
            .strictVariables(true)
            .defaultLocale(Locale.ROOT)
            .build();

    private static final String STYLE_TEXT = resource(STYLE);
    private static final String SCRIPT_TEXT = resource(SCRIPT);
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src '"
            + sha256(SCRIPT_TEXT) + "'; img-src data:; base-uri 'none'; form-action 'none'";

    private HtmlDashboard() {
    }

    /** Where the dashboard gets a metric's chart as an {@code <svg>} element: (goal id, question text, metric, element id). */
    interface Charts {
        String svg(String goalId, String question, MetricResult metric, String elementId);

        /** Draws each chart anew, its last bucket ending at {@code asOf}. */
        static Charts drawn(Instant asOf) {
            return (goalId, question, metric, elementId) ->
                    DashboardChart.svg(MetricChart.chart(metric, question, asOf), elementId);
        }
    }

    /**
     * Compiles the template and starts the escaper (the first escaped value initialises its
     * tables, 80 ms): done ahead of a report, so that its page renders at once.
     */
    static void prepare() throws IOException {
        ENGINE.getTemplate(TEMPLATE);
        StringWriter out = new StringWriter();
        new PebbleEngine.Builder().loader(new StringLoader()).build().getTemplate("{{ text }}")
                .evaluate(out, Map.of("text", "<&>"), Locale.ROOT);
    }

    static void write(ModelResult result, Path file, Charts charts) throws IOException {
        Files.writeString(file, render(result, charts), StandardCharsets.UTF_8);
    }

    static String render(ModelResult result) throws IOException {
        return render(result, Charts.drawn(result.asOf()));
    }

    static String render(ModelResult result, Charts charts) throws IOException {
        PebbleTemplate template = ENGINE.getTemplate(TEMPLATE);
        StringWriter out = new StringWriter();
        template.evaluate(out, context(result, charts), Locale.ROOT);
        return out.toString();
    }

    /** The id of a metric's chart element on the page; file-name safe, as both parts are (MetricFiles). */
    static String chartId(String goalId, MetricResult metric) {
        return MetricFiles.chartId(goalId, metric.use().id());
    }

    private static Map<String, Object> context(ModelResult result, Charts charts) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("contentSecurityPolicy", CONTENT_SECURITY_POLICY);
        page.put("style", new SafeString(STYLE_TEXT));
        page.put("script", new SafeString(SCRIPT_TEXT));
        page.put("title", text(result.model().title()));
        page.put("description", text(result.model().description()));
        page.put("modelId", text(result.model().id()));
        page.put("asOf", time(result.asOf()));
        page.put("generatedAt", time(result.generatedAt()));
        page.put("status", status(result.status()));
        page.put("sources", result.sources().stream().map(HtmlDashboard::source).toList());
        List<Map<String, Object>> goals = new ArrayList<>();
        List<MetricResult> all = new ArrayList<>();
        for (GoalResult goal : result.goals()) {
            goals.add(goal(goal, charts, result.sources()));
            all.addAll(metrics(goal));
        }
        page.put("goals", goals);
        page.put("tally", tally(all));
        page.put("warnings", result.warnings());
        return page;
    }

    private static Map<String, String> time(Instant instant) {
        if (instant == null) {
            return Map.of("iso", "", "text", "unknown");
        }
        String iso = JsonSummary.instant(instant);
        return Map.of("iso", iso, "text", iso.replace('T', ' ').replace("Z", " UTC"));
    }

    private static Map<String, String> source(SourceInfo source) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("kind", text(source.kind()));
        view.put("location", text(source.location()));
        view.put("href", source.location() != null && isWebLink(source.location()) ? source.location() : "");
        view.put("head", text(source.head()));
        view.put("shortHead", source.head() == null ? "" : source.head().substring(0, Math.min(7, source.head().length())));
        view.put("repository", text(source.repository()));
        view.put("name", text(source.name()));
        view.put("where", text(source.where()));
        if (!source.git()) {
            view.put("href", source.webUrl() != null && isWebLink(source.webUrl()) ? source.webUrl() : "");
        }
        return view;
    }

    private static List<MetricResult> metrics(GoalResult goal) {
        return goal.questions().stream().flatMap(q -> q.metrics().stream()).toList();
    }

    /** "12 metrics: 1 fail, 2 warn, 7 pass, 1 info, 1 no-data", leaving out statuses nobody has. */
    static String tally(List<MetricResult> metrics) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (MetricResult metric : metrics) {
            counts.merge(metric.status(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        for (Status status : List.of(Status.FAIL, Status.WARN, Status.PASS, Status.INFO, Status.NO_DATA)) {
            if (counts.containsKey(status)) {
                parts.add(counts.get(status) + " " + status.label());
            }
        }
        String head = metrics.size() + (metrics.size() == 1 ? " metric" : " metrics");
        return parts.isEmpty() ? head : head + ": " + String.join(", ", parts);
    }

    /** The sources that answer a goal's metrics, as one line ("Git repository …, Bugzilla product Krita …"). */
    private static Optional<String> answeredFrom(GoalResult result, List<SourceInfo> sources) {
        dev.gqm.metric.MetricCatalog catalog = CATALOG;
        java.util.Set<dev.gqm.metric.Source> read = new java.util.HashSet<>();
        for (MetricResult m : metrics(result)) {
            catalog.find(m.use().metric()).ifPresent(metric -> read.add(metric.requires()));
        }
        List<String> names = sources.stream().filter(s -> s.gives().stream().anyMatch(read::contains))
                .map(SourceText::of).toList();
        return names.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", names));
    }

    private static final dev.gqm.metric.MetricCatalog CATALOG = new dev.gqm.metric.MetricCatalog();

    private static Map<String, Object> goal(GoalResult result, Charts charts, List<SourceInfo> sources) {
        Goal goal = result.goal();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", goal.id());
        view.put("title", text(goal.title()));
        view.put("status", status(result.status()));
        view.put("tally", tally(metrics(result)));
        List<Map<String, String>> template = new ArrayList<>();
        field(template, "Purpose", goal.purpose());
        field(template, "Focus", goal.focus());
        field(template, "Object", goal.object());
        field(template, "Viewpoint", goal.viewpoint());
        field(template, "Answered from", answeredFrom(result, sources));
        view.put("template", template);
        List<Map<String, Object>> questions = new ArrayList<>();
        for (QuestionResult question : result.questions()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("text", text(question.question().text()));
            q.put("status", status(question.status()));
            List<Map<String, Object>> metrics = new ArrayList<>();
            for (MetricResult metric : question.metrics()) {
                metrics.add(metric(goal.id(), question.question().text(), metric, charts));
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

    private static Map<String, Object> metric(String goalId, String question, MetricResult result, Charts charts) {
        MetricFiles files = new MetricFiles(goalId, result.use().id());
        String value = HumanFormat.value(result);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", result.use().id());
        view.put("metric", result.use().metric());
        view.put("stat", HumanFormat.stat(result.use().stat()));
        view.put("value", value);
        view.put("censored", result.censored() && result.value() != null);
        view.put("status", status(result.status()));
        view.put("definition", HumanFormat.definition(result));
        view.put("better", result.better() == null ? "" : result.better().text());
        view.put("sample", result.sample() == null ? "" : text(result.sample().text()));
        view.put("notes", result.notes().stream().map(n -> Map.of("code", n.code(), "text", n.text())).toList());
        view.put("thresholds", HumanFormat.thresholds(result.use()));
        view.put("window", window(result.use()));
        view.put("note", text(result.note()));
        view.put("csv", files.csv());
        view.put("svg", files.svg());
        view.put("png", files.png());
        view.put("alt", alt(result, value));
        // an empty chart is a large blank box: a metric with nothing in its series gets a line of text instead
        boolean plotted = result.series().stream().anyMatch(p -> p.value() != null && Double.isFinite(p.value()));
        view.put("chart", plotted ? new SafeString(charts.svg(goalId, question, result, chartId(goalId, result))) : null);
        boolean hasItems = result.items() != null && !result.items().isEmpty();
        view.put("itemsCsv", hasItems ? files.itemsCsv() : "");
        view.put("items", hasItems ? items(result.items(), result.status()) : null);
        return view;
    }

    /** What the chart shows, for a reader who cannot see it. */
    private static String alt(MetricResult result, String value) {
        MetricUse use = result.use();
        String every = use.period() == null ? "" : " as of the end of each " + use.period().label();
        String over = use.window() == null ? "" : " over the last " + use.window();
        return "Chart of " + use.metric() + ", " + HumanFormat.stat(use.stat()) + every + over
                + ", one point per " + (use.period() == null ? "period" : use.period().label())
                + " coloured by its status; thresholds " + HumanFormat.thresholds(use)
                + "; latest value " + value + ", status " + result.status().label();
    }

    /** "last 90d, by month" from the metric's parameters. */
    private static String window(MetricUse use) {
        List<String> parts = new ArrayList<>(2);
        if (use.window() != null) {
            parts.add("last " + use.window());
        }
        if (use.period() != null) {
            parts.add("by " + use.period().label());
        }
        return String.join(", ", parts);
    }

    private static Map<String, Object> items(Items items, Status status) {
        int linkIndex = items.linkColumn() == null ? -1 : items.columns().indexOf(items.linkColumn());
        List<List<Object>> shown = items.rows().subList(0, Math.min(MAX_ITEM_ROWS, items.rows().size()));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (int i = 0; i < items.columns().size(); i++) {
            columns.add(Map.of("name", items.columns().get(i), "numeric", numeric(shown, i)));
        }
        List<List<Map<String, String>>> rows = new ArrayList<>();
        for (List<Object> row : shown) {
            List<Map<String, String>> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                String cell = displayed(value);
                cells.add(Map.of("text", cell,
                        "href", i == linkIndex && isWebLink(cell) ? cell : "",
                        "sort", value instanceof Number number ? ReportedNumber.text(number) : ""));
            }
            rows.add(cells);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("columns", columns);
        view.put("rows", rows);
        view.put("count", items.rows().size());
        view.put("more", Math.max(0, items.rows().size() - MAX_ITEM_ROWS));
        view.put("open", (status == Status.FAIL || status == Status.WARN) && items.rows().size() <= OPEN_ITEM_ROWS);
        return view;
    }

    /** A column sorts as numbers when every filled cell in it is a number. */
    private static boolean numeric(List<List<Object>> rows, int column) {
        boolean any = false;
        for (List<Object> row : rows) {
            Object cell = row.get(column);
            if (cell == null) {
                continue;
            }
            if (!(cell instanceof Number)) {
                return false;
            }
            any = true;
        }
        return any;
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
            case INFO -> "i";
        };
        return Map.of("label", status.label(), "symbol", symbol);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlDashboard.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the gqm jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    /** The CSP source expression for an inline script: its SHA-256, in base 64. */
    static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

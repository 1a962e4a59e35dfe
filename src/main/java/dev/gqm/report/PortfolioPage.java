package dev.gqm.report;

import dev.gqm.evaluate.MetricResult;
import dev.gqm.evaluate.Status;
import dev.gqm.model.Model;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The portfolio's {@code index.html}: one row per repository, one column per goal, sortable by a
 * click on a header (an inline script, no network). Rendered from {@code portfolio.peb}, which
 * escapes every value; this class only prepares plain strings.
 */
final class PortfolioPage {
    static final String TEMPLATE = "dev/gqm/report/portfolio.peb";
    /** Sorts after every status: a failed repository is the worst news of a portfolio. */
    private static final int FAILED_RANK = Status.values().length + 1;

    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(new ClasspathLoader(PortfolioPage.class.getClassLoader()))
            .strictVariables(true)
            .defaultLocale(Locale.ROOT)
            .build();

    private PortfolioPage() {
    }

    static String render(Model model, Instant asOf, List<PortfolioGoal> goals, List<PortfolioRow> rows) throws IOException {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", model.title() == null ? model.id() : model.title());
        page.put("modelId", model.id());
        page.put("asOf", JsonSummary.instant(asOf));
        page.put("count", rows.size());
        page.put("failed", rows.stream().filter(PortfolioRow::isFailed).count());
        page.put("goals", goals.stream().map(g -> Map.of("id", g.id(), "title", g.title() == null ? g.id() : g.title())).toList());
        List<Map<String, Object>> views = new ArrayList<>();
        for (PortfolioRow row : rows) {
            views.add(row(goals, row));
        }
        page.put("rows", views);
        PebbleTemplate template = ENGINE.getTemplate(TEMPLATE);
        StringWriter out = new StringWriter();
        template.evaluate(out, page, Locale.ROOT);
        return out.toString();
    }

    private static Map<String, Object> row(List<PortfolioGoal> goals, PortfolioRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", row.name());
        view.put("group", row.group());
        view.put("repository", row.repository());
        view.put("href", row.isFailed() ? "" : row.name() + "/index.html");
        view.put("error", row.error() == null ? "" : row.error());
        view.put("status", row.isFailed() ? failed() : status(row.result().status()));
        List<Map<String, Object>> cells = new ArrayList<>();
        for (PortfolioGoal goal : goals) {
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("status", row.goal(goal.id()).map(g -> status(g.status())).orElse(null));
            List<Map<String, String>> metrics = new ArrayList<>();
            for (String id : goal.metricIds()) {
                row.metric(goal.id(), id).ifPresent((MetricResult m) ->
                        metrics.add(Map.of("id", id, "value", HumanFormat.value(m),
                                "status", m.status().label())));
            }
            cell.put("metrics", metrics);
            cells.add(cell);
        }
        view.put("goals", cells);
        return view;
    }

    private static Map<String, Object> status(Status status) {
        String symbol = switch (status) {
            case PASS -> "✓";
            case WARN -> "!";
            case FAIL -> "✗";
            case NO_DATA -> "–";
            case INFO -> "i";
        };
        return Map.of("label", status.label(), "symbol", symbol, "rank", rank(status));
    }

    /** Sort order of a status cell: info lowest (not a verdict), then no-data, pass, warn, fail. */
    private static int rank(Status status) {
        return status == Status.INFO ? 0 : status.ordinal() + 1;
    }

    private static Map<String, Object> failed() {
        return Map.of("label", PortfolioRow.FAILED, "symbol", "✗", "rank", FAILED_RANK);
    }
}

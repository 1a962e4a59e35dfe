package dev.gqm.metric;

import dev.gqm.dataset.IssueData;
import dev.gqm.dataset.TrackedItem;
import dev.gqm.model.Direction;
import dev.gqm.model.Duration;
import dev.gqm.model.ParamKind;
import dev.gqm.model.ParamSpec;
import dev.gqm.model.Stat;
import dev.gqm.model.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A metric over the issue tracker: issues (not pull requests) or pull requests, those by bots left
 * out unless {@code include_bots}, filtered by {@code labels} / {@code exclude_labels}.
 */
abstract class TrackerMetric implements Metric {
    static final ParamSpec LABELS = new ParamSpec("labels", ParamKind.STRINGS, List.of(),
            "only items carrying at least one of these labels (labels as they are now)");
    static final ParamSpec EXCLUDE_LABELS = new ParamSpec("exclude_labels", ParamKind.STRINGS, List.of(),
            "leave out items carrying any of these labels");
    static final ParamSpec INACTIVE_FOR = new ParamSpec("inactive_for", ParamKind.DURATION, Duration.parse("30d"),
            "an open item with no activity for this long is stale");
    static final double HOUR_MS = 3_600_000.0;

    /** True for pull-request metrics (change.*), false for issue metrics. */
    abstract boolean pulls();

    @Override
    public Source requires() {
        return pulls() ? Source.CHANGES : Source.ISSUES;
    }

    @Override
    public Direction better() {
        return Direction.NEITHER;
    }

    @Override
    public String noun(long n) {
        return pulls() ? (n == 1 ? "pull request" : "pull requests") : (n == 1 ? "issue" : "issues");
    }

    @Override
    public Unit unit() {
        return Unit.COUNT;
    }

    @Override
    public Stat defaultStat() {
        return Stat.COUNT;
    }

    @Override
    public Set<Stat> stats() {
        return Set.of(defaultStat());
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(LABELS, EXCLUDE_LABELS);
    }

    @Override
    public final Measurement measure(MetricQuery q) {
        if (q.data().tracker().isEmpty()) {
            return Measurement.noData("no issue tracker given", null);
        }
        IssueData data = q.data().tracker().get();
        if (pulls() ? !data.hasChanges() : !data.hasIssues()) {
            return Measurement.noData("no " + requires().missing().replaceFirst("^an? ", "") + " given", null);
        }
        return measure(selected(data, q), q).withNotes(data.notes());
    }

    abstract Measurement measure(List<TrackedItem> items, MetricQuery q);

    private List<TrackedItem> selected(IssueData data, MetricQuery q) {
        List<String> wanted = q.use().strings("labels");
        List<String> unwanted = q.use().strings("exclude_labels");
        List<TrackedItem> out = new ArrayList<>();
        for (TrackedItem t : pulls() ? data.pulls() : data.issues()) {
            // an item by a deleted account is still the community's item; one by automation is not
            boolean automated = t.author().bot() && !t.author().unknown();
            if (t.createdAt().isAfter(q.asOf()) || (!q.use().includeBots() && automated)) {
                continue;
            }
            if (!wanted.isEmpty() && t.labels().stream().noneMatch(l -> containsIgnoreCase(wanted, l))) {
                continue;
            }
            if (t.labels().stream().anyMatch(l -> containsIgnoreCase(unwanted, l))) {
                continue;
            }
            out.add(t);
        }
        return out;
    }

    private static boolean containsIgnoreCase(List<String> names, String label) {
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(label));
    }

    static double hoursBetween(Instant from, Instant to) {
        return (to.toEpochMilli() - from.toEpochMilli()) / HOUR_MS;
    }

    static double days(Instant from, Instant to) {
        return Math.round(hoursBetween(from, to) / 24.0 * 10) / 10.0;
    }

    /** The common item columns: number, title, url, author, created_at. */
    static ItemTable.Builder itemTable(String... extra) {
        List<String> columns = new ArrayList<>(List.of("number", "title", "url", "author", "created_at"));
        columns.addAll(List.of(extra));
        return ItemTable.builder(columns.toArray(String[]::new)).link("url");
    }

    static Object[] cells(TrackedItem t, Object... extra) {
        List<Object> cells = new ArrayList<>(List.of(t.number(), t.title(), t.url(), t.author().name(), t.createdAt()));
        cells.addAll(java.util.Arrays.asList(extra));
        return cells.toArray();
    }
}

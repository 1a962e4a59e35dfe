package dev.gqm.metric;

import dev.gqm.model.Duration;
import dev.gqm.model.MetricDefinitions;
import dev.gqm.model.MetricSignature;
import dev.gqm.model.ParamKind;
import dev.gqm.model.ParamSpec;
import dev.gqm.model.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The v1 catalog (SPEC §4): every metric gqm can measure, in catalog order. */
public final class MetricCatalog implements MetricDefinitions {
    /** Parameters every metric takes. */
    public static final List<ParamSpec> COMMON = List.of(
            new ParamSpec("window", ParamKind.DURATION, Duration.parse("90d"),
                    "observation window ending at as-of: Nh, Nd or Nw"),
            new ParamSpec("period", ParamKind.PERIOD, Period.MONTH, "bucket of the time series: week, month or quarter"),
            new ParamSpec("include_bots", ParamKind.BOOLEAN, Boolean.FALSE, "count bots as people"));

    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    public MetricCatalog() {
        for (Metric m : List.of(new GitCommits(), new GitContributors(), new GitNewContributors(),
                new GitInactiveContributors(), new GitBusFactor(), new GitElephantFactor(), new GitReleases(),
                new Opened(ItemKind.ISSUES), new IssueClosed(), new Open(ItemKind.ISSUES), new Stale(ItemKind.ISSUES), new IssueAge(),
                new FirstAnswer(ItemKind.ISSUES), new TimeToDone(ItemKind.ISSUES), new IssueClosureRatio(),
                new Opened(ItemKind.CHANGES), new ChangeMerged(), new Open(ItemKind.CHANGES), new Stale(ItemKind.CHANGES), new TimeToDone(ItemKind.CHANGES),
                new ChangeAcceptanceRatio(), new ChangeReviewCoverage(), new FirstAnswer(ItemKind.CHANGES))) {
            metrics.put(m.id(), m);
        }
    }

    public List<Metric> all() {
        return List.copyOf(metrics.values());
    }

    public Optional<Metric> find(String id) {
        return Optional.ofNullable(metrics.get(id));
    }

    /** Common parameters, then the metric's own. */
    public static List<ParamSpec> paramsOf(Metric m) {
        List<ParamSpec> all = new ArrayList<>(COMMON);
        all.addAll(m.params());
        return all;
    }

    @Override
    public List<String> ids() {
        return List.copyOf(metrics.keySet());
    }

    @Override
    public Optional<MetricSignature> signature(String metricId) {
        return find(metricId).map(m -> {
            Map<String, ParamSpec> params = new LinkedHashMap<>();
            paramsOf(m).forEach(p -> params.put(p.name(), p));
            return new MetricSignature(m.id(), m.unit(), m.defaultStat(), m.stats(), params);
        });
    }
}

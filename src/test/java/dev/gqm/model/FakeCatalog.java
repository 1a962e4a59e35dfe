package dev.gqm.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A small catalog standing in for the metric package: one metric per unit and parameter kind. */
final class FakeCatalog implements MetricDefinitions {
    private static final Map<String, ParamSpec> COMMON = params(
            new ParamSpec("window", ParamKind.DURATION, new Duration(90, 'd'), "observation window"),
            new ParamSpec("period", ParamKind.PERIOD, Period.MONTH, "series bucket"),
            new ParamSpec("include_bots", ParamKind.BOOLEAN, false, "count bots"));

    private final Map<String, MetricSignature> signatures = List.of(
            new MetricSignature("git.commits", Unit.COUNT, Stat.COUNT, Set.of(Stat.COUNT), COMMON),
            new MetricSignature("git.contributors", Unit.COUNT, Stat.COUNT, Set.of(Stat.COUNT), COMMON),
            new MetricSignature("git.bus_factor", Unit.COUNT, Stat.COUNT, Set.of(Stat.COUNT),
                    params(new ParamSpec("share", ParamKind.FRACTION, 0.5, "share of commits"))),
            new MetricSignature("git.releases", Unit.COUNT, Stat.COUNT, Set.of(Stat.COUNT),
                    params(new ParamSpec("tag_pattern", ParamKind.PATTERNS, List.of(), "tag name patterns"))),
            // Declares no parameters: window, period and include_bots must still be accepted and present.
            new MetricSignature("issue.first_response_time", Unit.HOURS, Stat.MEDIAN,
                    Set.of(Stat.MEDIAN, Stat.MEAN, Stat.P90, Stat.MIN, Stat.MAX), Map.of()),
            new MetricSignature("issue.closure_ratio", Unit.RATIO, Stat.RATIO, Set.of(Stat.RATIO), Map.of()),
            new MetricSignature("issue.stale", Unit.COUNT, Stat.COUNT, Set.of(Stat.COUNT), params(
                    new ParamSpec("inactive_for", ParamKind.DURATION, new Duration(30, 'd'), "no activity for"),
                    new ParamSpec("labels", ParamKind.STRINGS, List.of(), "only issues with these labels"))))
            .stream().collect(Collectors.toMap(MetricSignature::id, Function.identity()));

    private static Map<String, ParamSpec> params(ParamSpec... specs) {
        return List.of(specs).stream().collect(Collectors.toMap(ParamSpec::name, Function.identity()));
    }

    @Override
    public List<String> ids() {
        return signatures.keySet().stream().sorted().toList();
    }

    @Override
    public Optional<MetricSignature> signature(String metricId) {
        return Optional.ofNullable(signatures.get(metricId));
    }
}

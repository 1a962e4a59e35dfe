package dev.gqm.model;

import java.util.Map;
import java.util.Set;

/** What the model layer needs to know of a catalog metric to validate a use of it. */
public record MetricSignature(String id, Unit unit, Stat defaultStat, Set<Stat> stats, Map<String, ParamSpec> params) {
    public MetricSignature {
        stats = Set.copyOf(stats);
        params = Map.copyOf(params);
    }
}

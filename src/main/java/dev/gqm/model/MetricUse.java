package dev.gqm.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One metric as used by a question: the catalog id, the stat, the effective parameters
 * (model defaults, then the metric's own, converted per {@link ParamKind}) and thresholds.
 * {@code params} always holds {@code window} (Duration), {@code period} (Period) and
 * {@code include_bots} (Boolean).
 */
public record MetricUse(String id, String metric, Stat stat, Map<String, Object> params,
                        Optional<Threshold> warn, Optional<Threshold> fail) {
    public MetricUse {
        params = Map.copyOf(params);
    }

    public Duration window() {
        return (Duration) params.get("window");
    }

    public Period period() {
        return (Period) params.get("period");
    }

    public boolean includeBots() {
        return Boolean.TRUE.equals(params.get("include_bots"));
    }

    public Duration duration(String name) {
        return (Duration) params.get(name);
    }

    public double number(String name) {
        return ((Number) params.get(name)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        Object v = params.get(name);
        return v == null ? List.of() : (List<String>) v;
    }
}

package dev.gqm.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads one entry of a question's {@code metrics:} list into a {@link MetricUse}, checking it
 * against the catalog: metric id, stat, parameter names and kinds, threshold units.
 */
final class MetricUseReader {
    private static final List<String> KEYS = List.of("id", "metric", "stat", "params", "thresholds");
    private static final List<String> THRESHOLD_KEYS = List.of("warn", "fail");

    private final MetricDefinitions catalog;
    private final ModelDefaults defaults;
    private final Problems problems;

    MetricUseReader(MetricDefinitions catalog, ModelDefaults defaults, Problems problems) {
        this.catalog = catalog;
        this.defaults = defaults;
        this.problems = problems;
    }

    /**
     * @param goal    the enclosing goal's label for messages, e.g. {@code goal 'responsiveness'}
     * @param seenIds metric use ids already used in the same goal, with where they appeared
     * @return the use, or empty when a problem was reported for it
     */
    Optional<MetricUse> read(Node node, String goal, Map<String, Node> seenIds) {
        int before = problems.reported();
        String what = YamlMap.peekText(node, "id").map(id -> "metric use '" + id + "'")
                .or(() -> YamlMap.peekText(node, "metric").map(m -> "metric use of " + m))
                .orElse("metric use");
        Optional<YamlMap> map = YamlMap.of(node, what, KEYS, problems);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        YamlMap use = map.get();
        Optional<String> metricId = use.requireText("metric");
        Optional<MetricSignature> signature = metricId.flatMap(id -> signature(id, use.get("metric").orElseThrow()));

        Optional<String> id = use.text("id");
        id.ifPresent(i -> Ids.checkForm(i, "metric use id", use.get("id").orElseThrow(), problems));
        Optional<String> effectiveId = id.or(() -> metricId.map(Ids::defaultUseId));
        Node idNode = use.get("id").orElse(node);
        // A default id collides when a goal uses the same metric twice: the fix is to name one of them.
        String hint = id.isPresent() ? "" : "; give one of them an explicit 'id'";
        effectiveId.ifPresent(i -> Ids.checkUnique(i, "metric use id", " in " + goal, hint, idNode, seenIds, problems));

        Optional<Stat> stat = stat(use, metricId.orElse("?"), signature);
        Map<String, Object> params = params(use, metricId.orElse("?"), signature);
        Optional<Threshold> warn = Optional.empty();
        Optional<Threshold> fail = Optional.empty();
        Optional<YamlMap> thresholds = use.get("thresholds")
                .flatMap(t -> YamlMap.of(t, "thresholds", THRESHOLD_KEYS, problems));
        if (thresholds.isPresent()) {
            if (thresholds.get().isEmpty()) {
                problems.at(thresholds.get().node(), "thresholds need 'warn' or 'fail' (or both)");
            }
            Optional<Unit> unit = signature.map(MetricSignature::unit);
            warn = threshold(thresholds.get(), "warn", metricId.orElse("?"), unit);
            fail = threshold(thresholds.get(), "fail", metricId.orElse("?"), unit);
        }
        if (problems.reported() > before) {
            return Optional.empty();
        }
        return Optional.of(new MetricUse(effectiveId.orElseThrow(), metricId.orElseThrow(), stat.orElseThrow(),
                params, warn, fail));
    }

    private Optional<MetricSignature> signature(String metricId, Node node) {
        Optional<MetricSignature> signature = catalog.signature(metricId);
        if (signature.isEmpty()) {
            String hint = KnownMetricIds.closest(metricId, catalog).map(c -> "; did you mean '" + c + "'?")
                    .orElse("; `gqm metrics` lists the known ones");
            problems.at(node, "unknown metric '" + metricId + "'" + hint);
        }
        return signature;
    }

    private Optional<Stat> stat(YamlMap use, String metricId, Optional<MetricSignature> signature) {
        Optional<String> text = use.text("stat");
        if (text.isEmpty()) {
            return signature.map(MetricSignature::defaultStat);
        }
        Node node = use.get("stat").orElseThrow();
        Optional<Stat> stat = Arrays.stream(Stat.values()).filter(s -> s.label().equals(text.get())).findFirst();
        if (signature.isEmpty()) {
            if (stat.isEmpty()) {
                problems.at(node, "unknown stat '" + text.get() + "'; expected one of "
                        + labels(Arrays.asList(Stat.values())));
            }
            return stat;
        }
        List<Stat> allowed = Arrays.stream(Stat.values()).filter(signature.get().stats()::contains).toList();
        if (stat.isEmpty()) {
            problems.at(node, "unknown stat '" + text.get() + "'; allowed for " + metricId + ": " + labels(allowed));
            return Optional.empty();
        }
        if (!allowed.contains(stat.get())) {
            problems.at(node, "stat '" + text.get() + "' is not available for metric " + metricId
                    + "; allowed: " + labels(allowed));
            return Optional.empty();
        }
        return stat;
    }

    /**
     * Effective parameters: the metric's own defaults, then the model's defaults (window, period
     * and include_bots always; others only where the metric takes them), then the use's params.
     */
    private Map<String, Object> params(YamlMap use, String metricId, Optional<MetricSignature> signature) {
        Map<String, ParamSpec> specs = signature.map(MetricSignature::params).orElse(Map.of());
        Map<String, Object> params = new HashMap<>();
        specs.values().stream().filter(spec -> spec.defaultValue() != null)
                .forEach(spec -> params.put(spec.name(), spec.defaultValue()));
        defaults.entries().forEach((name, entry) -> {
            if (ModelDefaults.UNIVERSAL.contains(name) || specs.containsKey(name)) {
                ParamKind kind = kindOf(name, specs);
                if (kind == ModelDefaults.KINDS.get(name) || entry.node().isEmpty()) {
                    params.put(name, entry.value());
                } else {
                    // The metric reads this parameter as another kind than defaults: re-read the text for it.
                    ParamValues.read(name, kind, entry.node().get(), problems).ifPresent(v -> params.put(name, v));
                }
            }
        });
        Optional<YamlMap> own = use.get("params").flatMap(p -> YamlMap.ofAnyKeys(p, "params", problems));
        if (own.isPresent() && signature.isPresent()) {
            TreeSet<String> allowed = new TreeSet<>(specs.keySet());
            allowed.addAll(ModelDefaults.UNIVERSAL);
            for (String name : own.get().keys()) {
                if (!allowed.contains(name)) {
                    problems.at(own.get().keyNode(name), "unknown parameter '" + name + "' for metric " + metricId
                            + "; allowed: " + String.join(", ", allowed));
                    continue;
                }
                ParamValues.read(name, kindOf(name, specs), own.get().get(name).orElseThrow(), problems)
                        .ifPresent(v -> params.put(name, v));
            }
        }
        return params;
    }

    private static ParamKind kindOf(String name, Map<String, ParamSpec> specs) {
        ParamSpec spec = specs.get(name);
        return spec != null ? spec.kind() : ModelDefaults.KINDS.get(name);
    }

    private Optional<Threshold> threshold(YamlMap thresholds, String key, String metricId, Optional<Unit> unit) {
        Optional<String> text = thresholds.get(key)
                .flatMap(n -> YamlNodes.text(n, "threshold '" + key + "'", problems));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ThresholdSyntax.parse(text.get(), metricId, unit));
        } catch (IllegalArgumentException e) {
            problems.at(thresholds.get(key).orElseThrow(), e.getMessage());
            return Optional.empty();
        }
    }

    private static String labels(List<Stat> stats) {
        return stats.stream().map(Stat::label).collect(Collectors.joining(", "));
    }
}

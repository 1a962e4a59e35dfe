package dev.gqm.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The {@code defaults:} section of a model: parameter values inherited by metric uses. Its keys
 * are a fixed set because {@link MetricDefinitions} cannot list every metric's parameters.
 */
final class ModelDefaults {
    /** Parameters every metric use has, whether or not its metric declares them. */
    static final Set<String> UNIVERSAL = Set.of("window", "period", "include_bots");

    /** Every key {@code defaults:} accepts, with the kind its value is read as. */
    static final Map<String, ParamKind> KINDS = kinds();

    /** A default value, with the node it came from (empty for the built-in ones). */
    record Entry(Object value, Optional<Node> node) {
    }

    private final Map<String, Entry> entries;

    private ModelDefaults(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    private static Map<String, ParamKind> kinds() {
        Map<String, ParamKind> kinds = new LinkedHashMap<>();
        kinds.put("window", ParamKind.DURATION);
        kinds.put("period", ParamKind.PERIOD);
        kinds.put("include_bots", ParamKind.BOOLEAN);
        kinds.put("lookback", ParamKind.DURATION);
        kinds.put("inactive_for", ParamKind.DURATION);
        kinds.put("share", ParamKind.FRACTION);
        return Collections.unmodifiableMap(kinds);
    }

    /** Reads the section (absent means built-ins only): window 90d, period month, include_bots false. */
    static ModelDefaults read(Optional<Node> section, Problems problems) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        entries.put("window", new Entry(new Duration(90, 'd'), Optional.empty()));
        entries.put("period", new Entry(Period.MONTH, Optional.empty()));
        entries.put("include_bots", new Entry(Boolean.FALSE, Optional.empty()));
        section.flatMap(node -> YamlMap.of(node, "defaults", List.copyOf(KINDS.keySet()), problems)).ifPresent(map -> {
            for (String key : map.keys()) {
                Node value = map.get(key).orElseThrow();
                ParamValues.read(key, KINDS.get(key), value, problems)
                        .ifPresent(v -> entries.put(key, new Entry(v, Optional.of(value))));
            }
        });
        return new ModelDefaults(entries);
    }

    Map<String, Entry> entries() {
        return entries;
    }
}

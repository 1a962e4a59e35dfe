package dev.gqm.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A mapping of a model file with its keys checked against the allowed ones. SnakeYAML's composer
 * does not reject duplicate keys (only its constructor does, which we do not use), so they are
 * caught here; the first occurrence wins.
 */
final class YamlMap {
    private final Node node;
    private final String what;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(Node node, List<NodeTuple> tuples, String what, List<String> allowed, Problems problems) {
        this.node = node;
        this.what = what;
        this.problems = problems;
        for (NodeTuple tuple : tuples) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar) || YamlNodes.isNull(keyNode)) {
                problems.at(keyNode, "a key in " + what + " must be a plain name, found " + YamlNodes.describe(keyNode));
                continue;
            }
            String key = scalar.getValue();
            NodeTuple first = entries.get(key);
            if (first != null) {
                problems.at(keyNode, "duplicate key '" + key + "' in " + what + " (first at "
                        + position(first.getKeyNode()) + ")");
            } else if (allowed != null && !allowed.contains(key)) {
                problems.at(keyNode, "unknown key '" + key + "' in " + what + "; allowed: " + String.join(", ", allowed));
            } else {
                entries.put(key, tuple);
            }
        }
    }

    /** Reads {@code node} as a mapping whose keys must be among {@code allowed}; an empty value is an empty mapping. */
    static Optional<YamlMap> of(Node node, String what, List<String> allowed, Problems problems) {
        if (YamlNodes.isNull(node)) {
            return Optional.of(new YamlMap(node, List.of(), what, allowed, problems));
        }
        return YamlNodes.mapping(node, what, problems).map(m -> new YamlMap(m, m.getValue(), what, allowed, problems));
    }

    /** A mapping whose keys the caller checks itself (parameters, whose names depend on the metric). */
    static Optional<YamlMap> ofAnyKeys(Node node, String what, Problems problems) {
        return of(node, what, null, problems);
    }

    /** The text under {@code key} if {@code node} is a mapping that has one: names an entry in messages before it is read. */
    static Optional<String> peekText(Node node, String key) {
        if (!(node instanceof MappingNode mapping)) {
            return Optional.empty();
        }
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .map(NodeTuple::getValueNode)
                .filter(v -> v instanceof ScalarNode && !YamlNodes.isNull(v))
                .map(v -> ((ScalarNode) v).getValue())
                .findFirst();
    }

    Node node() {
        return node;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The keys present (allowed ones only), in file order. */
    List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    Optional<Node> get(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    Node keyNode(String key) {
        return entries.get(key).getKeyNode();
    }

    Optional<Node> require(String key) {
        Optional<Node> value = get(key);
        if (value.isEmpty()) {
            problems.at(node, "missing required key '" + key + "' in " + what);
        }
        return value;
    }

    /** An optional text value; an empty value counts as absent. */
    Optional<String> text(String key) {
        return get(key).filter(v -> !YamlNodes.isNull(v))
                .flatMap(v -> YamlNodes.text(v, "'" + key + "' in " + what, problems));
    }

    Optional<String> requireText(String key) {
        return require(key).flatMap(v -> YamlNodes.text(v, "'" + key + "' in " + what, problems));
    }

    static String position(Node node) {
        return node.getStartMark().map(m -> (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("?");
    }
}

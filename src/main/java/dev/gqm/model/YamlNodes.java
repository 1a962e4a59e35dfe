package dev.gqm.model;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Shape checks on composed YAML nodes: each reports a located problem when the shape is wrong. */
final class YamlNodes {
    private YamlNodes() {
    }

    /** An empty value ({@code key:} with nothing after it). */
    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    static Optional<String> text(Node node, String what, Problems problems) {
        if (node instanceof ScalarNode s && !isNull(s)) {
            return Optional.of(s.getValue());
        }
        problems.at(node, "expected text for " + what + ", found " + describe(node));
        return Optional.empty();
    }

    /** A list; an empty value counts as an empty list so that the caller reports "empty", not "not a list". */
    static Optional<List<Node>> list(Node node, String what, Problems problems) {
        if (node instanceof SequenceNode s) {
            return Optional.of(s.getValue());
        }
        if (isNull(node)) {
            return Optional.of(List.of());
        }
        problems.at(node, "expected a list for " + what + ", found " + describe(node));
        return Optional.empty();
    }

    static Optional<MappingNode> mapping(Node node, String what, Problems problems) {
        if (node instanceof MappingNode m) {
            return Optional.of(m);
        }
        problems.at(node, "expected a mapping (key: value lines) for " + what + ", found " + describe(node));
        return Optional.empty();
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        String value = ((ScalarNode) node).getValue();
        return "'" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'";
    }
}

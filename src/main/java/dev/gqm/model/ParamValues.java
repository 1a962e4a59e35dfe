package dev.gqm.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Converts a parameter's YAML value to the Java type of its {@link ParamKind}, reporting values of the wrong kind. */
final class ParamValues {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private ParamValues() {
    }

    static Optional<Object> read(String name, ParamKind kind, Node node, Problems problems) {
        String prefix = "parameter '" + name + "': ";
        if (kind == ParamKind.STRINGS) {
            return strings(node).or(() -> {
                problems.at(node, prefix + "expected a text or a list of texts, found " + YamlNodes.describe(node));
                return Optional.empty();
            });
        }
        if (!(node instanceof ScalarNode scalar) || YamlNodes.isNull(node)) {
            problems.at(node, prefix + "expected " + expected(kind) + ", found " + YamlNodes.describe(node));
            return Optional.empty();
        }
        String text = scalar.getValue();
        try {
            return Optional.of(switch (kind) {
                case DURATION -> Duration.parse(text);
                case PERIOD -> Period.parse(text);
                case NUMBER -> number(text);
                case BOOLEAN -> bool(text);
                case STRINGS -> throw new IllegalStateException("handled above");
            });
        } catch (IllegalArgumentException e) {
            problems.at(node, prefix + e.getMessage());
            return Optional.empty();
        }
    }

    private static String expected(ParamKind kind) {
        return switch (kind) {
            case DURATION -> "a duration such as 90d";
            case PERIOD -> "week, month or quarter";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case STRINGS -> "a text or a list of texts";
        };
    }

    private static Double number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("bad number '" + text + "': expected digits such as 3 or 0.5");
        }
        return Double.valueOf(text);
    }

    // YAML 1.2 core schema spellings only: "yes"/"on" are texts, not booleans.
    private static Boolean bool(String text) {
        return switch (text) {
            case "true", "True", "TRUE" -> Boolean.TRUE;
            case "false", "False", "FALSE" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("bad boolean '" + text + "': expected true or false");
        };
    }

    private static Optional<Object> strings(Node node) {
        if (node instanceof ScalarNode s && !YamlNodes.isNull(s)) {
            return Optional.of(List.of(s.getValue()));
        }
        if (node instanceof SequenceNode seq) {
            List<String> values = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s) || YamlNodes.isNull(s)) {
                    return Optional.empty();
                }
                values.add(s.getValue());
            }
            return Optional.of(List.copyOf(values));
        }
        return Optional.empty();
    }
}

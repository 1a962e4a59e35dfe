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
        if (kind == ParamKind.STRINGS || kind == ParamKind.PATTERNS) {
            Optional<Object> values = strings(node);
            if (values.isEmpty()) {
                problems.at(node, prefix + "expected " + expected(kind) + ", found " + YamlNodes.describe(node));
                return Optional.empty();
            }
            if (kind == ParamKind.PATTERNS) {
                for (Object value : (List<?>) values.get()) {
                    try {
                        Pattern.compile((String) value);
                    } catch (java.util.regex.PatternSyntaxException e) {
                        problems.at(node, prefix + "'" + value + "' is not a regular expression: " + e.getDescription()
                                + " near position " + Math.max(0, e.getIndex()));
                        return Optional.empty();
                    }
                }
            }
            return values;
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
                case FRACTION -> fraction(text);
                case BOOLEAN -> bool(text);
                case STRINGS, PATTERNS -> throw new IllegalStateException("handled above");
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
            case FRACTION -> "a share above 0 and at most 1, such as 0.5";
            case BOOLEAN -> "true or false";
            case STRINGS -> "a text or a list of texts";
            case PATTERNS -> "a regular expression or a list of them";
        };
    }

    private static Double number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("bad number '" + text + "': expected digits such as 3 or 0.5");
        }
        return Double.valueOf(text);
    }

    private static Double fraction(String text) {
        Double value = number(text);
        if (value <= 0 || value > 1) {
            throw new IllegalArgumentException("bad share '" + text + "': expected a number above 0 and at most 1, such as 0.5");
        }
        return value;
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

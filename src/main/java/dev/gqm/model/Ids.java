package dev.gqm.model;

import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** The id rules of model files: the allowed form, defaults, and uniqueness within a scope. */
final class Ids {
    private static final Pattern FORM = Pattern.compile("[a-z0-9-]+");
    /** Ids become directory and file names: short enough for every file system, never an option-like "-x". */
    static final int MAX_LENGTH = 64;

    private Ids() {
    }

    /** Reports an id that is not {@code [a-z0-9-]+}; ids become file names and URL parts in reports. */
    static void checkForm(String id, String what, Node node, Problems problems) {
        if (!FORM.matcher(id).matches()) {
            problems.at(node, "bad " + what + " '" + id + "': use only lowercase letters, digits and '-'");
        } else if (id.startsWith("-")) {
            problems.at(node, "bad " + what + " '" + id + "': it must start with a letter or a digit (it names files)");
        } else if (id.length() > MAX_LENGTH) {
            problems.at(node, "bad " + what + " '" + id.substring(0, 20) + "...': " + id.length()
                    + " characters, at most " + MAX_LENGTH + " (it names files)");
        }
    }

    /**
     * Reports an id already taken in {@code seen} (each id mapped to where it first appeared), else records it.
     * {@code scope} names where it must be unique (" in goal 'g'"), {@code hint} says what to do, both may be "".
     */
    static void checkUnique(String id, String what, String scope, String hint, Node node, Map<String, Node> seen,
                            Problems problems) {
        Node first = seen.putIfAbsent(id, node);
        if (first != null) {
            problems.at(node, "duplicate " + what + " '" + id + "'" + scope + " (first at " + YamlMap.position(first)
                    + ")" + hint);
        }
    }

    /** {@code git.bus_factor} → {@code git-bus-factor}: the id of a metric use that does not name one. */
    static String defaultUseId(String metricId) {
        return metricId.replace('.', '-').replace('_', '-');
    }
}

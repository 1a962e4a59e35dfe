package dev.gqm.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads the mappings, lists and text values of a user's YAML file (an identities file, a
 * portfolio) from composed nodes, reporting each wrong shape, unknown or duplicate key at its
 * place in {@link Problems}. A value that is wrong is returned as absent (an empty mapping or
 * list, a null text), so that the reader goes on and reports the file's other problems too.
 *
 * <p>YAML 1.2 reads {@code 2024}, {@code 1.5} or {@code true} as numbers and booleans; in these
 * files they are names, so any scalar with a core tag counts as text. Other tags are refused.
 */
public final class YamlFields {
    /**
     * How the problems are worded. The two files were written with slightly different words, which
     * their users and tests know; both are kept.
     */
    public enum Wording {
        /**
         * The identities file's: "a person must be a mapping with keys name, emails", "X has tag T,
         * which is not allowed here", "X is missing"; an empty key is a key like any other (and so
         * unknown), and a key given twice is a duplicate even when it is unknown.
         */
        TERSE,
        /**
         * The portfolio's, which says what it found: "a repository must be a mapping with keys repo,
         * name, not a list", "X must be text, not a value tagged T", "X is missing a value"; an empty
         * key is not plain text, and only an allowed key can be a duplicate.
         */
        DESCRIPTIVE
    }

    private static final Set<Tag> TEXT_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL);

    private final Problems problems;
    private final Wording wording;

    public YamlFields(Problems problems, Wording wording) {
        this.problems = problems;
        this.wording = wording;
    }

    /** An empty value ({@code key:} with nothing after it). */
    public static boolean isNull(Node node) {
        return YamlNodes.isNull(node);
    }

    /**
     * The values of a mapping by key, in file order, reporting a value that is not a mapping, keys
     * that are not plain text, duplicate keys (the first wins) and keys not in {@code allowed}
     * (left out). {@code what} names the mapping: "a person", "the portfolio file".
     */
    public Map<String, Node> mapping(Node node, String what, List<String> allowed) {
        Map<String, Node> entries = new LinkedHashMap<>();
        if (!(node instanceof MappingNode map)) {
            String expected = what + " must be a mapping with keys " + String.join(", ", allowed);
            problems.at(node, wording == Wording.TERSE ? expected : expected + ", not " + kind(node));
            return entries;
        }
        Set<String> seen = new HashSet<>();
        for (var tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar) || wording == Wording.DESCRIPTIVE && isNull(keyNode)) {
                problems.at(keyNode, "a key must be plain text");
                continue;
            }
            String key = scalar.getValue();
            boolean again = wording == Wording.TERSE ? !seen.add(key) : entries.containsKey(key);
            if (again) {
                problems.at(keyNode, "duplicate key '" + key + "'");
            } else if (!allowed.contains(key)) {
                problems.at(keyNode, "unknown key '" + key + "' in " + what + " (expected " + String.join(", ", allowed) + ")");
            } else {
                entries.put(key, tuple.getValueNode());
            }
        }
        return entries;
    }

    /** The items of an optional list under {@code key}: an empty value is an empty list. */
    public List<Node> list(Node node, String key) {
        if (isNull(node)) {
            return List.of();
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        problems.at(node, "'" + key + "' must be a list");
        return List.of();
    }

    /** A text value as written (not trimmed); null, and a problem, when it is empty, a collection or of another tag. */
    public String text(Node node, String what) {
        if (node instanceof ScalarNode scalar && TEXT_TAGS.contains(node.getTag())) {
            return scalar.getValue();
        }
        if (isNull(node)) {
            problems.at(node, what + (wording == Wording.TERSE ? " is missing" : " is missing a value"));
        } else if (node instanceof ScalarNode && wording == Wording.TERSE) {
            problems.at(node, what + " has tag " + node.getTag() + ", which is not allowed here");
        } else {
            problems.at(node, what + " must be text, not " + kind(node));
        }
        return null;
    }

    /** A {@link #text} that is not blank either, as written: the caller trims it its own way. */
    public String nonBlank(Node node, String what) {
        String value = text(node, what);
        if (value != null && value.isBlank()) {
            problems.at(node, what + " must not be empty");
            return null;
        }
        return value;
    }

    /** Each text of an optional list under {@code key} with its node, to place a later problem about it; blank items are reported. */
    public List<Located> texts(Node node, String key) {
        List<Located> values = new ArrayList<>();
        for (Node item : list(node, key)) {
            String value = nonBlank(item, "an entry of '" + key + "'");
            if (value != null) {
                values.add(new Located(value, item));
            }
        }
        return values;
    }

    /** A text value and the node it came from. */
    public record Located(String value, Node node) {
    }

    private String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "nothing" : "a value tagged " + node.getTag();
    }
}

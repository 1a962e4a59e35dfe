package dev.gqm.model;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The one way gqm reads a YAML file of its own (portfolio, identities): composed to nodes that
 * keep their line and column, YAML 1.2, no type construction at all, bounded aliases and size.
 */
public final class SafeYaml {
    private SafeYaml() {
    }

    /** A file that is not valid YAML; the message is one located line ("FILE:LINE:COL: invalid YAML: ..."). */
    public static final class InvalidYaml extends Exception {
        public InvalidYaml(String message) {
            super(message);
        }
    }

    /** The document's root node, empty for an empty file. */
    public static Optional<Node> compose(String file, String text, int maxAliases, int maxCodePoints) throws InvalidYaml {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(maxAliases)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(maxCodePoints)
                .setUseMarks(true)
                .build();
        try {
            return new Compose(settings).composeString(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            throw new InvalidYaml(at(file, mark) + "invalid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new InvalidYaml(file + ": invalid YAML: " + e.getMessage());
        }
    }

    /** "FILE:LINE:COL: " (1-based) for a mark, "FILE: " without one. */
    public static String at(String file, Optional<Mark> mark) {
        return mark.map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1) + ": ").orElse(file + ": ");
    }
}

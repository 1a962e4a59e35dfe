package dev.gqm.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The one way gqm reads a YAML file of its own (portfolio, identities): composed to nodes that
 * keep their line and column, YAML 1.2, no type construction at all, bounded aliases, size and
 * nesting depth, read from a file without ever holding more than the size limit.
 */
public final class SafeYaml {
    /**
     * Collections nested deeper than this are refused before they are composed: SnakeYAML composes
     * recursively, and a few kilobytes of brackets would otherwise overflow the stack. No file of
     * gqm's needs more than a handful of levels.
     */
    public static final int MAX_DEPTH = 50;

    private SafeYaml() {
    }

    /** A file over the size limit, or not a file that can be read to its end (a device such as /dev/zero). */
    public static final class TooLarge extends IOException {
        public TooLarge(String message) {
            super(message);
        }
    }

    /**
     * Reads a text file of at most {@code maxCodePoints} characters as strict UTF-8, without reading
     * more than four bytes per allowed character whatever the file is (a device never ends).
     *
     * @throws TooLarge                 over the limit
     * @throws CharacterCodingException not UTF-8
     */
    public static String readText(Path file, int maxCodePoints) throws IOException {
        long maxBytes = 4L * maxCodePoints;
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            throw new TooLarge("larger than the limit of " + maxCodePoints + " characters");
        }
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        if (text.codePointCount(0, text.length()) > maxCodePoints) {
            throw new TooLarge("larger than the limit of " + maxCodePoints + " characters");
        }
        return text;
    }

    /**
     * Where the text first nests collections more than {@link #MAX_DEPTH} deep, found with the
     * parser's events (which keep their own stack) before anything recursive runs; empty when it
     * does not. Syntax errors are left to the composer, which reports them with their place.
     */
    public static Optional<Optional<Mark>> tooDeep(String text, LoadSettings settings) {
        int depth = 0;
        try {
            for (Event event : new Parse(settings).parseString(text)) {
                switch (event.getEventId()) {
                    case MappingStart, SequenceStart -> {
                        if (++depth > MAX_DEPTH) {
                            return Optional.of(event.getStartMark());
                        }
                    }
                    case MappingEnd, SequenceEnd -> depth--;
                    default -> {
                        // scalars, aliases, documents: no nesting
                    }
                }
            }
        } catch (YamlEngineException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The problem text for {@link #tooDeep}. */
    public static String tooDeepMessage() {
        return "nested more than " + MAX_DEPTH + " levels deep: refused";
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
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Optional<Optional<Mark>> deep = tooDeep(body, settings);
        if (deep.isPresent()) {
            throw new InvalidYaml(at(file, deep.get()) + "invalid YAML: " + tooDeepMessage());
        }
        try {
            return new Compose(settings).composeString(body);
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

package dev.gqm.model;

import java.util.Objects;

/**
 * A data note (SPEC §4 "Sample and notes"): a fact that limits how far a value can be trusted, as a
 * stable code and one sentence. A note never changes a value; reports show it next to the value.
 */
public record Note(String code, String text) {
    public static final String SHALLOW_HISTORY = "shallow-history";
    public static final String HISTORY_ENDS_EARLY = "history-ends-early";
    public static final String ORGANIZATION_GUESSED = "organization-guessed";
    public static final String ALIASES_SUSPECTED = "aliases-suspected";
    public static final String PARTIAL_COLLECTION = "partial-collection";

    public Note {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        if (!code.matches("[a-z]+(-[a-z]+)*")) {
            throw new IllegalArgumentException("a note code is lower-case words joined by '-': " + code);
        }
    }
}

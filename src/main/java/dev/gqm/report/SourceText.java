package dev.gqm.report;

import dev.gqm.evaluate.SourceInfo;

/** A source in one line for people: "git /path/to/repo at 1a2b3c4", "GitHub o/r". */
final class SourceText {
    private SourceText() {
    }

    static String of(SourceInfo source) {
        return switch (source.kind()) {
            case "git" -> "git " + source.location() + (source.head() == null ? "" : " at " + shortSha(source.head()));
            case "github" -> "GitHub " + source.repository();
            default -> source.kind() + " " + firstNonNull(source.location(), source.repository(), "");
        };
    }

    private static String shortSha(String head) {
        return head.length() > 12 ? head.substring(0, 12) : head;
    }

    private static String firstNonNull(String a, String b, String fallback) {
        return a != null ? a : b != null ? b : fallback;
    }
}

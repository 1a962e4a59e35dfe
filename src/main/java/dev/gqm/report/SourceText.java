package dev.gqm.report;

import dev.gqm.evaluate.SourceInfo;

/** A source in one line for people: "git /path/to/repo at 1a2b3c4", "GitHub o/r", "GitLab project g/p on HOST" (the tracker's own words). */
final class SourceText {
    private SourceText() {
    }

    static String of(SourceInfo source) {
        if (source.git()) {
            return "git " + source.location() + (source.head() == null ? "" : " at " + shortSha(source.head()));
        }
        return firstNonNull(source.name(), source.kind(), "") + " " + firstNonNull(source.repository(), source.location(), "")
                + (source.where() == null ? "" : " " + source.where());
    }

    private static String shortSha(String head) {
        return head.length() > 12 ? head.substring(0, 12) : head;
    }

    private static String firstNonNull(String a, String b, String fallback) {
        return a != null ? a : b != null ? b : fallback;
    }
}

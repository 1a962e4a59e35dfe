package dev.gqm.model;

import java.util.Comparator;
import java.util.Optional;

/**
 * Suggests a correction for a misspelt metric id, among the ids the catalog itself lists.
 */
final class KnownMetricIds {
    private KnownMetricIds() {
    }

    /** The catalog id closest to {@code unknown} by edit distance, if it is close enough to be a typo. */
    static Optional<String> closest(String unknown, MetricDefinitions catalog) {
        int limit = Math.max(2, unknown.length() / 3);
        return catalog.ids().stream()
                .filter(id -> distance(unknown, id) <= limit)
                .min(Comparator.comparingInt((String id) -> distance(unknown, id)));
    }

    /** Levenshtein distance; ids are short, so the plain two-row version is cheap enough. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

package dev.gqm.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The metric ids of SPEC §4, used only to suggest a correction for a misspelt id:
 * {@link MetricDefinitions} answers lookups but cannot list itself, so each candidate is
 * confirmed against the catalog before it is offered.
 */
final class KnownMetricIds {
    private static final List<String> SPEC_IDS = List.of(
            "git.commits", "git.contributors", "git.new_contributors", "git.inactive_contributors",
            "git.bus_factor", "git.elephant_factor", "git.releases",
            "issue.opened", "issue.closed", "issue.open", "issue.stale", "issue.age",
            "issue.first_response_time", "issue.resolution_time", "issue.closure_ratio",
            "change.opened", "change.merged", "change.open", "change.stale", "change.merge_latency",
            "change.acceptance_ratio", "change.review_coverage", "change.first_review_time");

    private KnownMetricIds() {
    }

    /** The catalog id closest to {@code unknown} by edit distance, if it is close enough to be a typo. */
    static Optional<String> closest(String unknown, MetricDefinitions catalog) {
        int limit = Math.max(2, unknown.length() / 3);
        return SPEC_IDS.stream()
                .filter(id -> catalog.signature(id).isPresent())
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

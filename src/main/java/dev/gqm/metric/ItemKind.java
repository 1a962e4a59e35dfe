package dev.gqm.metric;

/** Which tracker items a metric reads: the issues, or the change requests (pull or merge requests). */
enum ItemKind {
    ISSUES("issue"), CHANGES("change");

    private final String prefix;

    ItemKind(String prefix) {
        this.prefix = prefix;
    }

    /** The metric id of this kind's {@code name}: "issue.opened", "change.opened". */
    String id(String name) {
        return prefix + "." + name;
    }

    boolean changes() {
        return this == CHANGES;
    }

    /** The definition's words for this kind, given both: the two read differently in the SPEC. */
    String pick(String forIssues, String forChanges) {
        return changes() ? forChanges : forIssues;
    }
}

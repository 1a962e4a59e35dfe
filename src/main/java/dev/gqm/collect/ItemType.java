package dev.gqm.collect;

/**
 * Which kind of tracker item a comment or state event belongs to. A source that numbers issues
 * and change requests in one sequence (GitHub) may say {@link #EITHER}: the number alone names
 * the item. A source with two sequences (GitLab's issue #5 and merge request !5) must say which.
 */
public enum ItemType {
    EITHER, ISSUE, CHANGE_REQUEST;

    /** Whether a record of this type belongs to an item that is a change request ({@code true}) or an issue. */
    public boolean fits(boolean changeRequest) {
        return this == EITHER || (this == CHANGE_REQUEST) == changeRequest;
    }

    /** The store's code: 0, 1, 2. */
    public int code() {
        return ordinal();
    }

    public static ItemType ofCode(int code) {
        return values()[code];
    }
}

package dev.gqm.store;

/**
 * What one Git collection did.
 *
 * @param head       the branch tip now stored, null for a repository without commits
 * @param newCommits commits saved by this run (all of them after a rewrite)
 * @param rewritten  the previously stored tip is no longer on the branch (force push, reset),
 *                   so the source's history was replaced
 * @param shallow    the repository is a shallow clone: history stops at its boundary
 */
public record SyncResult(long sourceId, String head, int newCommits, boolean rewritten, boolean shallow) {
    public SyncResult {
        if (newCommits < 0) {
            throw new IllegalArgumentException("newCommits < 0: " + newCommits);
        }
    }

    /** True when the repository has no commits yet. */
    public boolean empty() {
        return head == null;
    }
}

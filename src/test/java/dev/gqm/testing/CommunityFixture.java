package dev.gqm.testing;

import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A small community with every trap of the git metrics, measured as of {@link #AS_OF} with a 90-day
 * window W = (2026-04-02T00:00Z, 2026-07-01T00:00Z]:
 * <pre>
 *  1 2025-03-10 Alice &lt;alice@example.com&gt;          first ever contribution, before the lookback
 *  2 2025-09-15 Bob &lt;bob@corp.com&gt;                 lookback only            → inactive
 *  3 2026-01-10 Carol &lt;carol@gmail.com&gt;            lookback only            → inactive (her merge in W does not count)
 *  4 2026-04-10 Alice &lt;alice@example.com&gt;          W
 *  5 2026-04-20 alice &lt;alice@old-laptop.local&gt;     W, merged into Alice by .mailmap
 *  6 2026-05-05 Dave &lt;dave@corp.com&gt; + co-author Erin &lt;erin@other.org&gt;  W, on a side branch; both new
 *  7 2026-05-20 dependabot[bot]                     W, a bot: left out
 *  8 2026-06-01 Carol: merge of 6 into 7            W, a merge: not a contribution
 *  9 2026-06-10 Alice &lt;alice@example.com&gt;          W
 * 10 2026-07-15 Frank &lt;frank@x.io&gt;                 after as-of: not yet history, left out (no warning)
 * tags: v0.1 lightweight on 1 (2025-03-10), v1.0 annotated on 6, tagger date 2026-05-10
 * </pre>
 * Hand-worked values: commits 4 (5 with bots), contributors 3, new 2, inactive 2, bus factor 1,
 * elephant factor 1, releases 1.
 */
public final class CommunityFixture {
    public static final String AS_OF = "2026-07-01T00:00:00Z";

    private CommunityFixture() {
    }

    public static Path build(Path dir) throws Exception {
        try (HistoryBuilder h = HistoryBuilder.init(dir)) {
            h.file(".mailmap", "# aliases\nAlice <alice@example.com> alice <alice@old-laptop.local>\n");
            h.file("README.md", "community fixture\n");
            ObjectId c1 = h.commit("Alice", "alice@example.com", "2025-03-10T12:00:00Z", "init");
            h.lightweightTag("v0.1", c1);
            h.commit("Bob", "bob@corp.com", "2025-09-15T12:00:00Z", "bob's fix");
            h.commit("Carol", "carol@gmail.com", "2026-01-10T12:00:00Z", "carol's docs");
            h.commit("Alice", "alice@example.com", "2026-04-10T12:00:00Z", "feature a");
            ObjectId c5 = h.commit("alice", "alice@old-laptop.local", "2026-04-20T12:00:00Z", "feature b from the old laptop");
            ObjectId c6 = h.commit("Dave", "dave@corp.com", "2026-05-05T12:00:00Z",
                    "pair work\n\nCo-authored-by: Erin <erin@other.org>\n");
            h.annotatedTag("v1.0", c6, "Alice", "alice@example.com", "2026-05-10T12:00:00Z");
            h.resetTo(c5);
            ObjectId c7 = h.commit("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com",
                    "2026-05-20T12:00:00Z", "Bump a dependency");
            h.commit("Carol", "carol@gmail.com", "2026-06-01T12:00:00Z", "Merge branch 'pair'", c7, c6);
            h.commit("Alice", "alice@example.com", "2026-06-10T12:00:00Z", "feature c");
            h.commit("Frank", "frank@x.io", "2026-07-15T12:00:00Z", "from the future of as-of");
        }
        return dir;
    }
}

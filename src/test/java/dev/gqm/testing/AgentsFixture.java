package dev.gqm.testing;

import java.nio.file.Path;

/**
 * A history with AI coding agents as authors and co-authors, unmerged aliases and organizations
 * guessed from e-mail domains, measured as of {@link #AS_OF} with a 90-day window
 * W = (2026-04-02T00:00Z, 2026-07-01T00:00Z] and the identities file {@link #IDENTITIES}:
 * <pre>
 *  1 2025-06-01 Jane Q. Doe &lt;jane@home.org&gt;                      before W: her first contribution
 *  2 2026-04-10 Jane Q. Doe &lt;jane@home.org&gt; + co-author Claude &lt;noreply@anthropic.com&gt;
 *  3 2026-04-20 Claude &lt;noreply@anthropic.com&gt;                    an agent as author
 *  4 2026-05-01 jane q doe &lt;jdoe@work.example&gt;                   Jane's alias, not merged
 *  5 2026-05-10 Omar Haddad &lt;omar@bigcorp.com&gt;                    organization guessed: bigcorp.com
 *  6 2026-05-15 pi &lt;noreply@pi.dev&gt;                               an agent as author
 *  7 2026-05-20 Kim &lt;kim@gmail.com&gt; + co-author Claude             her own organization
 *  8 2026-06-01 Omar Haddad &lt;omar@bigcorp.com&gt;
 *  9 2026-06-05 Lee &lt;12345+lee@users.noreply.github.com&gt; + co-author pi &lt;noreply@pi.dev&gt;
 * 10 2026-06-10 Lee Park &lt;12345+leepark@users.noreply.github.com&gt;   the same GitHub account as 9
 * 11 2026-09-01 Jane Q. Doe &lt;jane@home.org&gt;                      after as-of, before the collection
 * </pre>
 * Hand-worked values (people only; with include_bots: Claude and pi too):
 * <ul>
 *   <li>commits 7 (2, 4, 5, 7, 8, 9, 10); with bots 9</li>
 *   <li>contributors 6: jane@home.org, jdoe@work.example, Omar, Kim, Lee, Lee Park; with bots 8</li>
 *   <li>new contributors 5 (all but jane@home.org, whose first is commit 1); with bots 7</li>
 *   <li>bus factor 3: of 7 commits Omar has 2, then the ties by key 12345+lee (1), 12345+leepark (1): 4 ≥ 3.5</li>
 *   <li>elephant factor: organizations guessed from the domain for home.org (1 commit) and bigcorp.com
 *       (2); work.example is named by the identities file, gmail.com and the no-reply addresses make
 *       their people their own: 3 of 7 commits guessed (43%); with bots anthropic.com and pi.dev
 *       join them: 5 of 9 (56%)</li>
 *   <li>alias groups 2: Jane (same full name), Lee (same no-reply id 12345)</li>
 * </ul>
 */
public final class AgentsFixture {
    public static final String AS_OF = "2026-07-01T00:00:00Z";
    public static final String IDENTITIES = """
            organizations:
              work.example: Work Example Inc
            """;

    private AgentsFixture() {
    }

    /** The history above; with {@code brokenClocks}, also a commit dated 2100 and one dated 1980. */
    public static Path build(Path dir, boolean brokenClocks) throws Exception {
        try (HistoryBuilder h = HistoryBuilder.init(dir)) {
            h.file("README.md", "agents fixture\n");
            if (brokenClocks) {
                h.commit("Kim", "kim@gmail.com", "1980-01-01T00:00:00Z", "a clock at zero");
            }
            h.commit("Jane Q. Doe", "jane@home.org", "2025-06-01T12:00:00Z", "start");
            h.commit("Jane Q. Doe", "jane@home.org", "2026-04-10T12:00:00Z",
                    "with help\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n");
            h.commit("Claude", "noreply@anthropic.com", "2026-04-20T12:00:00Z", "by the agent");
            h.commit("jane q doe", "jdoe@work.example", "2026-05-01T12:00:00Z", "from work");
            h.commit("Omar Haddad", "omar@bigcorp.com", "2026-05-10T12:00:00Z", "omar's fix");
            h.commit("pi", "noreply@pi.dev", "2026-05-15T12:00:00Z", "by pi");
            h.commit("Kim", "kim@gmail.com", "2026-05-20T12:00:00Z",
                    "kim's docs\n\nCo-authored-by: Claude <noreply@anthropic.com>\n");
            h.commit("Omar Haddad", "omar@bigcorp.com", "2026-06-01T12:00:00Z", "omar's second fix");
            h.commit("Lee", "12345+lee@users.noreply.github.com", "2026-06-05T12:00:00Z",
                    "lee's change\n\nCo-authored-by: pi <noreply@pi.dev>\n");
            h.commit("Lee Park", "12345+leepark@users.noreply.github.com", "2026-06-10T12:00:00Z", "lee, renamed");
            h.commit("Jane Q. Doe", "jane@home.org", "2026-09-01T12:00:00Z", "after as-of");
            if (brokenClocks) {
                h.commit("Omar Haddad", "omar@bigcorp.com", "2100-01-01T00:00:00Z", "a clock far ahead");
            }
        }
        return dir;
    }
}

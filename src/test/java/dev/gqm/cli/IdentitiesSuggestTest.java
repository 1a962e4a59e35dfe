package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.testing.AgentsFixture;
import dev.gqm.testing.CommunityFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gqm identities suggest} on JGit-built histories: the exact fragment, worked out from the fixtures by hand. */
class IdentitiesSuggestTest {
    /*
     * AgentsFixture as of the run's clock (2026-11-22): commit 11 counts now, so jane@home.org has
     * 3 commits (1, 2, 11) and jdoe@work.example 1; Lee and Lee Park 1 each, "Lee Park" the fuller
     * name of the tie. Claude and pi are agents: never candidates.
     */
    static final String EXPECTED = """
            # 2 groups of identities look like one person each but are not merged.
            # Nothing is merged: review each entry, uncomment those that are right (remove the "# "
            # after the indentation) and keep them in the identities file you give with --identities.
            people:
              # the same full name "Jane Q. Doe": 2 identities, 4 commits
              #   jane@home.org: 3 commits as "Jane Q. Doe"
              #   jdoe@work.example: 1 commit as "jane q doe"
              # - name: "Jane Q. Doe"
              #   emails: [jane@home.org, jdoe@work.example]
              #   names: ["jane q doe"]

              # the same GitHub no-reply id 12345: 2 identities, 2 commits
              #   12345+lee@users.noreply.github.com: 1 commit as "Lee"
              #   12345+leepark@users.noreply.github.com: 1 commit as "Lee Park"
              # - name: "Lee Park"
              #   emails: [12345+lee@users.noreply.github.com, 12345+leepark@users.noreply.github.com]
              #   names: ["Lee"]
            """;

    @TempDir
    static Path dir;
    static Path repo;
    static CliRunner cli;

    @BeforeAll
    static void fixture() throws Exception {
        repo = AgentsFixture.build(dir.resolve("repo"), false);
        Files.writeString(dir.resolve("identities.yaml"), AgentsFixture.IDENTITIES);
        cli = new CliRunner(dir);
    }

    CliRunner.Run suggest(String store, String... more) {
        String[] args = new String[5 + more.length];
        System.arraycopy(new String[] {"identities", "suggest", "--repo", repo.toString(), "--store=" + dir.resolve(store)},
                0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        return cli.run(args);
    }

    @Test
    void printsEachGroupAsACommentedPeopleEntry() {
        CliRunner.Run r = suggest("suggest.db", "--identities", "identities.yaml");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(EXPECTED, r.out());
        assertTrue(r.err().startsWith("gqm: reading Git history of "), r.err());

        CliRunner.Run offline = suggest("suggest.db", "--identities", "identities.yaml", "--offline");
        assertEquals(0, offline.exitCode(), offline.err());
        assertEquals(EXPECTED, offline.out(), "the store alone gives the same");
    }

    @Test
    void whatTheIdentitiesFileMergesIsNotSuggestedAgain() throws Exception {
        Files.writeString(dir.resolve("jane.yaml"), """
                people:
                  - name: Jane Q. Doe
                    emails: [jane@home.org, jdoe@work.example]
                """);
        CliRunner.Run r = suggest("jane.db", "--identities", "jane.yaml");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("""
                # 1 group of identities looks like one person but is not merged.
                # Nothing is merged: review each entry, uncomment those that are right (remove the "# "
                # after the indentation) and keep them in the identities file you give with --identities.
                people:
                  # the same GitHub no-reply id 12345: 2 identities, 2 commits
                  #   12345+lee@users.noreply.github.com: 1 commit as "Lee"
                  #   12345+leepark@users.noreply.github.com: 1 commit as "Lee Park"
                  # - name: "Lee Park"
                  #   emails: [12345+lee@users.noreply.github.com, 12345+leepark@users.noreply.github.com]
                  #   names: ["Lee"]
                """, r.out());
    }

    @Test
    void noCandidatesIsOneLineAndExitZero() throws Exception {
        Path community = CommunityFixture.build(dir.resolve("community"));
        CliRunner.Run r = cli.run("identities", "suggest", "--repo", community.toString(),
                "--store", dir.resolve("community.db").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("# No identities look like one person (the same full name or GitHub no-reply id): nothing to"
                + " suggest.\n", r.out());
    }

    @Test
    void helpExplainsThatEmailsArePrinted() {
        CliRunner.Run r = cli.run("identities", "suggest", "--help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Usage: gqm identities suggest "), r.out());
        String text = r.out().replaceAll("\\s+", " ");
        for (String part : new String[] {"--repo=PATH|URL", "--branch=NAME", "--store=PATH|URL", "--offline",
                "--identities=FILE", "E-mail addresses ARE printed", "Nothing is merged"}) {
            assertTrue(text.contains(part), part + " missing from:\n" + r.out());
        }
        CliRunner.Run parent = cli.run("identities");
        assertEquals(0, parent.exitCode(), parent.err());
        assertTrue(parent.out().contains("suggest"), parent.out());
    }

    @Test
    void aBadIdentitiesFileIsAUsageError() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "extra: 1\n");
        CliRunner.Run r = suggest("bad.db", "--identities", "bad.yaml");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("unknown key 'extra' in the identities file"), r.err());
    }
}

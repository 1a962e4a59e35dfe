package dev.gqm.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gqm.collect.Commit;
import dev.gqm.collect.git.GitRepositorySource;
import dev.gqm.dataset.GitData;
import dev.gqm.dataset.IdentitiesFile;
import dev.gqm.dataset.IdentityResolver;
import dev.gqm.dataset.Mailmap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * git.bus_factor and git.elephant_factor on real repositories, built with JGit's
 * {@link TestRepository} and read back the way a run reads them (the Git source, the
 * repository's .mailmap, an identities file). One row per case, values worked out by hand.
 *
 * <p>The commits of a row are written {@code email*count}: that many commits authored by
 * {@code email} (named after its local part), one a day going back from the as-of, inside the
 * default 90-day window; {@code email*count@D} authors them D days before the as-of but commits
 * them the day before it, as a rebase or a late merge of old work does. The bus factor counts a
 * person's authored non-merge commits in the window, the elephant factor the same summed by
 * organization (the identities file's, else the e-mail domain; a personal-mail domain is its own
 * person's). Both take the fewest holders, largest first, whose sum reaches {@code share} of the
 * total: a sum equal to the threshold reaches it.
 */
class GitFactorRepositoryTableTest {
    static final Instant AS_OF = AbsenceFactorTableTest.AS_OF;

    @TempDir
    Path dir;

    /** One case: the commits, the share, the .mailmap and identities file (null for none), the values. */
    record Row(String description, String commits, double share, String mailmap, String identities,
               int bus, int elephant) {
        Row withMailmap(String text) {
            return new Row(description, commits, share, text, identities, bus, elephant);
        }

        Row withIdentities(String yaml) {
            return new Row(description, commits, share, mailmap, yaml, bus, elephant);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static Row row(String description, String commits, double share, int bus, int elephant) {
        return new Row(description, commits, share, null, null, bus, elephant);
    }

    static Stream<Row> rows() {
        return Stream.of(
                // 5 + 3 + 2 = 10, half is 5: ana's 5 reach it exactly, so she alone does
                row("a sum equal to the threshold reaches it", "ana@x.com*5 bo@y.com*3 cy@z.com*2", 0.5, 1, 1),
                // 5 + 5 = 10, half is 5: whichever of the tied two comes first reaches it alone
                row("two tied at the threshold: one of them is enough", "ana@x.com*5 bo@y.com*5", 0.5, 1, 1),
                // 4 + 4 + 2 = 10, half is 5: the first of the tied two (4) is short, both (8) reach
                row("two tied below the threshold: both are needed", "ana@x.com*4 bo@y.com*4 cy@z.com*2", 0.5, 2, 2),
                // 0.8 of 10 is 8: 4 + 4 = 8 reaches it exactly
                row("share 0.8 reached exactly", "ana@x.com*4 bo@y.com*4 cy@z.com*2", 0.8, 2, 2),
                // 0.8 of 10 is 8: 4 + 3 = 7 is short, 4 + 3 + 2 = 9 reaches; companies the same
                row("share 0.8 one short", "ana@x.com*4 bo@y.com*3 cy@z.com*2 di@w.com*1", 0.8, 3, 3),
                // people: cy 4, ana 3, bo 2, di 1 of 10; half (5): 4 + 3 = 7, bus 2; 0.8 (8): 4 + 3 + 2 = 9, bus 3.
                // companies: x.com 3 + 2 = 5, y.com 4, z.com 1; half: x.com's 5 alone; 0.8: 5 + 4 = 9, elephant 2
                row("two companies, half", "ana@x.com*3 bo@x.com*2 cy@y.com*4 di@z.com*1", 0.5, 2, 1),
                row("two companies, share 0.8", "ana@x.com*3 bo@x.com*2 cy@y.com*4 di@z.com*1", 0.8, 3, 2),
                // people: cy 4 short of half (5), cy + one other 7 (bus 2). The identities file's x.com covers its
                // subdomain: eng.x.com and x.com are one organization of 3 + 3 = 6, which reaches 5 alone
                row("the identities file's domain covers its subdomains", "ana@eng.x.com*3 bo@x.com*3 cy@y.com*4", 0.5, 2, 1)
                        .withIdentities("organizations:\n  x.com: X Corp\n"),
                // without it each domain is a guess of its own: y.com 4, eng.x.com 3, x.com 3; 4 + 3 = 7 (elephant 2)
                row("a subdomain alone is an organization of its own", "ana@eng.x.com*3 bo@x.com*3 cy@y.com*4", 0.5, 2, 2),
                // gmail.com is personal mail: four people, four organizations; 3 + 3 = 6 reach 5 either way
                row("personal mail is its own organization",
                        "ana@gmail.com*3 bo@gmail.com*3 cy@gmail.com*2 di@gmail.com*2", 0.5, 2, 2),
                // the bot's 10 commits are left out: ana 3, bo 3, cy 2 of 8, half 4: 3 + 3 = 6, bus 2;
                // x.com (ana, cy) 5 reaches 4 alone. Counted, the bot alone would reach 8 of 18 (bus 1).
                row("a GitHub App bot is left out",
                        "dependabot[bot]@users.noreply.github.com*10 ana@x.com*3 bo@y.com*3 cy@x.com*2", 0.5, 2, 1),
                // github-actions' well-known address; the same 3 + 3 + 2 as above
                row("a well-known automation account is left out",
                        "action@github.com*10 ana@x.com*3 bo@y.com*3 cy@x.com*2", 0.5, 2, 1),
                // the identities file's pattern makes ci-runner a bot: the same 3 + 3 + 2 as above
                row("a bot named by the identities file is left out",
                        "ci-runner@build.x.com*10 ana@x.com*3 bo@y.com*3 cy@x.com*2", 0.5, 2, 1)
                        .withIdentities("bots:\n  - '^ci-runner'\n"),
                // authored 100 days back, committed yesterday: ana's 4 are outside the window by author date,
                // leaving bo 3, cy 2 of 5 (half 2.5): bo alone. By commit date it would be 4 + 3 of 9 (bus 2).
                row("the window goes by author date, not commit date",
                        "ana@x.com*4@100 bo@y.com*3 cy@z.com*2", 0.5, 1, 1),
                // .mailmap makes ana@old.org and ana@x.com one person of 2 + 2 = 4, over bo's 3 (of 7, half 3.5);
                // her organization is that of her mapped address, x.com
                row("the repository's .mailmap merges two addresses of one person",
                        "ana@x.com*2 ana@old.org*2 bo@y.com*3", 0.5, 1, 1)
                        .withMailmap("Ana <ana@x.com> <ana@old.org>\n"),
                // without the mailmap the same commits are three people: bo 3 short of 3.5, bo + one ana 5
                row("without the .mailmap her two addresses are two people", "ana@x.com*2 ana@old.org*2 bo@y.com*3", 0.5, 2, 2),
                // the identities file puts x.com and y.com in one company: ana 3 + bo 3 = 6 of 10 reach 5;
                // by person di's 4 is short, di + one other 7 reaches (bus 2)
                row("the identities file's organizations sum two domains",
                        "ana@x.com*3 bo@y.com*3 di@z.com*4", 0.5, 2, 1)
                        .withIdentities("organizations:\n  x.com: Acme\n  y.com: Acme\n"),
                // without it: z.com 4 short of 5, z.com + x.com 7
                row("without the identities file they are two companies", "ana@x.com*3 bo@y.com*3 di@z.com*4", 0.5, 2, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void handWorked(Row row) throws Exception {
        Path identities = null;
        if (row.identities() != null) {
            identities = Files.writeString(dir.resolve("identities.yaml"), row.identities());
        }
        GitData git = read(build(row), identities);
        assertEquals(row.bus(), AbsenceFactorTableTest.measure("git.bus_factor", git, row.share()), 1e-9, "bus factor");
        assertEquals(row.elephant(), AbsenceFactorTableTest.measure("git.elephant_factor", git, row.share()), 1e-9,
                "elephant factor");
    }

    /** Writes the row's commits into a new repository, one line of history, and returns its directory. */
    private Path build(Row row) throws Exception {
        Path repoDir = Files.createTempDirectory(dir, "repo");
        Repository repo = FileRepositoryBuilder.create(repoDir.resolve(Constants.DOT_GIT).toFile());
        repo.create();
        try (TestRepository<Repository> test = new TestRepository<>(repo)) { // closes the repository too
            RevCommit tip = null;
            int n = 0;
            for (String group : row.commits().split(" +")) {
                String email = group.substring(0, group.indexOf('*'));
                String name = email.substring(0, email.indexOf('@'));
                String[] countAndAge = group.substring(group.indexOf('*') + 1).split("@");
                int count = Integer.parseInt(countAndAge[0]);
                for (int i = 0; i < count; i++, n++) {
                    Instant committed = AS_OF.minusSeconds(86_400L * (1 + n % 80));
                    Instant authored = countAndAge.length > 1
                            ? AS_OF.minusSeconds(86_400L * Integer.parseInt(countAndAge[1])) : committed;
                    TestRepository<Repository>.CommitBuilder commit = test.commit()
                            .author(new PersonIdent(name, email, authored, ZoneOffset.UTC))
                            .committer(new PersonIdent(name, email, committed, ZoneOffset.UTC))
                            .message("change " + n)
                            .add("file.txt", "version " + n);
                    if (tip == null) {
                        if (row.mailmap() != null) {
                            commit.add(".mailmap", row.mailmap()); // carried to every later tree
                        }
                    } else {
                        commit.parent(tip);
                    }
                    tip = commit.create();
                }
            }
            test.update(Constants.HEAD, tip);
        }
        return repoDir;
    }

    /** The history as a run reads it: the Git source's walk from HEAD, its .mailmap, the identities file if any. */
    private GitData read(Path repoDir, Path identities) throws Exception {
        List<Commit> commits = new ArrayList<>();
        try (GitRepositorySource source = GitRepositorySource.open(repoDir.toString(), null, dir.resolve("cache"))) {
            source.walk(source.head().orElseThrow(), List.of(), commits::add);
            IdentityResolver who = new IdentityResolver(Mailmap.parse(source.mailmap()),
                    identities == null ? null : IdentitiesFile.load(identities));
            return GitData.build(commits, source.tags(), who, AS_OF, AS_OF, false);
        }
    }
}

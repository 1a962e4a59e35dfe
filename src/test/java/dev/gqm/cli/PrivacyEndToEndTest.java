package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gqm.collect.github.FakeGitHub;
import dev.gqm.testing.HistoryBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §6 "Privacy" through the CLI: no file of a report, a portfolio or a check holds an e-mail
 * address unless {@code --show-emails}. In W = (2026-04-02, 2026-07-01] the history has Hal
 * &lt;hal@example.com&gt; twice, Gina &lt;gina@gmail.com&gt; (a personal-mail domain: her own
 * organization), someone without a name &lt;anon@corp.example.org&gt; and someone whose name is
 * their address, ivy@example.net; GitHub has one stale issue whose title holds an address.
 */
class PrivacyEndToEndTest {
    static final List<String> ADDRESSES = List.of("hal@example.com", "gina@gmail.com", "anon@corp.example.org",
            "ivy@example.net", "pat@example.org", "jo.doe@example.com");
    /** Written apart from the code under test: a local part, @, a dotted domain. */
    static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    static final String MODEL = """
            model: people
            title: People
            goals:
              - id: people
                title: People
                questions:
                  - id: who
                    text: Who does the work?
                    metrics:
                      - metric: git.commits
                        thresholds: { warn: "< 100" }
                      - metric: git.contributors
                        thresholds: { warn: "< 10" }
                      - metric: git.new_contributors
                        thresholds: { warn: "< 10" }
                      - metric: git.bus_factor
                        thresholds: { fail: "< 5" }
                      - metric: git.elephant_factor
                        thresholds: { fail: "< 5" }
                      - metric: issue.stale
                        thresholds: { fail: "> 0" }
            """;

    @TempDir
    static Path dir;
    static Path repo;
    static FakeGitHub github;

    @BeforeAll
    static void fixture() throws Exception {
        repo = dir.resolve("repo");
        try (HistoryBuilder h = HistoryBuilder.init(repo)) {
            h.file("README.md", "people\n");
            h.commit("Hal", "hal@example.com", "2026-04-10T12:00:00Z", "start");
            h.commit("Gina", "gina@gmail.com", "2026-05-01T12:00:00Z", "docs");
            h.commit("", "anon@corp.example.org", "2026-05-10T12:00:00Z", "a fix from someone without a name");
            h.commit("Hal", "hal@example.com", "2026-05-20T12:00:00Z", "more");
            h.commit("ivy@example.net", "ivy@example.net", "2026-06-10T12:00:00Z", "named by the address");
        }
        github = new FakeGitHub("o/r");
        github.addIssue(1, 1, "pat", "User", "NONE", "2026-04-01T00:00:00Z", "2026-04-01T00:00:00Z", null, false)
                .put("title", "Please reply to pat@example.org");
        Files.writeString(dir.resolve("model.yaml"), MODEL);
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    static CliRunner.Run run(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--model", "model.yaml", "--store", dir.resolve("store.db").toString(), "--as-of", "2026-07-01"));
        return new CliRunner(dir, dir.resolve("home"), env).run(all.toArray(String[]::new));
    }

    static CliRunner.Run report(String out, String... extra) {
        List<String> args = new ArrayList<>(List.of("report", "--repo", repo.toString(), "--github", "o/r",
                "--github-api-url", github.url(), "--out", out));
        args.addAll(List.of(extra));
        return run(Map.of(), args.toArray(String[]::new));
    }

    /** Every address in the text files under {@code root}, with the file it is in. */
    static List<String> addressesUnder(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".png")).toList()) {
                found.addAll(addressesIn(root.relativize(file) + ": ", Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return found;
    }

    static List<String> addressesIn(String where, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            found.add(where + m.group());
        }
        for (String address : ADDRESSES) {
            if (text.contains(address)) {
                found.add(where + address);
            }
        }
        return found;
    }

    @Test
    void aReportPublishesNoAddress() throws Exception {
        CliRunner.Run run = report("out");
        assertEquals(0, run.exitCode(), run.err());
        Path out = dir.resolve("out");
        assertTrue(Files.isRegularFile(out.resolve("people/git-contributors-items.csv")), "the items are written");
        assertEquals(List.of(), addressesUnder(out));
        // Hal twice, then one each, by key: anon@…, gina@…, ivy@…
        assertEquals("""
                person,organization,commits
                Hal,example.com,2
                (no name),corp.example.org,1
                Gina,Gina (individual),1
                (e-mail hidden),example.net,1
                """, Files.readString(out.resolve("people/git-contributors-items.csv")));
        String stale = Files.readString(out.resolve("people/issue-stale-items.csv"));
        assertTrue(stale.contains(",Please reply to (e-mail hidden),https://github.com/o/r/issues/1,pat,"), stale);
    }

    @Test
    void showEmailsKeepsThem() throws Exception {
        CliRunner.Run run = report("shown", "--show-emails");
        assertEquals(0, run.exitCode(), run.err());
        String contributors = Files.readString(dir.resolve("shown/people/git-contributors-items.csv"));
        assertTrue(contributors.startsWith("person,email,organization,commits\nHal,hal@example.com,example.com,2\n"), contributors);
        assertTrue(contributors.contains(",anon@corp.example.org,corp.example.org,1\n"), contributors);
        assertTrue(contributors.contains("Gina,gina@gmail.com,person:gina@gmail.com,1\n"), contributors);
        assertTrue(Files.readString(dir.resolve("shown/people/issue-stale-items.csv")).contains("pat@example.org"));
    }

    @Test
    void aCheckPrintsAndWritesNoAddress() throws Exception {
        Path summary = dir.resolve("step-summary.md");
        CliRunner.Run run = run(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()),
                "check", "--repo", repo.toString(), "--github", "o/r", "--github-api-url", github.url(),
                "--junit", "check/junit.xml", "--write-report", "--out", "check/report");
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(List.of(), addressesIn("stdout: ", run.out()));
        assertEquals(List.of(), addressesIn("step summary: ", Files.readString(summary)));
        assertEquals(List.of(), addressesUnder(dir.resolve("check")));
        // the items are named all the same: people by name, the one without a name as such; half of the
        // 5 commits take Hal's 2 and one more, the first by key (anon@…)
        assertTrue(run.out().contains("""
                fail    people/git-bus-factor git.bus_factor = 2 (2 of 4 people reach 50% of 5 commits) [fail < 5]
                        - Hal — 2 commits (40 % of all)
                        - (no name) — 1 commit (20 % of all)
                """), run.out());
        assertTrue(run.out().contains("""
                warn    people/git-contributors git.contributors = 4 [warn < 10]
                        - Hal — 2 commits
                        - (no name) — 1 commit
                        - Gina — 1 commit
                        - (e-mail hidden) — 1 commit
                """), run.out());
        assertTrue(run.out().contains("        - #1 \"Please reply to (e-mail hidden)\" https://github.com/o/r/issues/1"
                + " — 91 days inactive\n"), run.out());
    }

    @Test
    void aPortfolioPublishesNoAddress() throws Exception {
        Files.writeString(dir.resolve("portfolio.yaml"), """
                repositories:
                  - repo: repo
                    name: people
                  - repo: missing/jo.doe@example.com
                    name: missing
                """);
        CliRunner.Run run = run(Map.of(), "report", "--portfolio", "portfolio.yaml", "--out", "portfolio");
        assertEquals(ExitCode.SOURCE, run.exitCode(), run.err());
        Path out = dir.resolve("portfolio");
        assertTrue(Files.isRegularFile(out.resolve("people/people/git-contributors-items.csv")), "the repository reported");
        assertEquals(List.of(), addressesUnder(out));
        String csv = Files.readString(out.resolve("portfolio.csv"));
        assertTrue(csv.contains("missing/(e-mail hidden)"), csv);
    }
}

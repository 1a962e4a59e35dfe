package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.collect.github.FakeGitHub;
import dev.gqm.testing.HistoryBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control characters from the sources and the model reach no output: an issue titled
 * "a NUL b BEL c ESC d CSI e" by a login ending in STX, a commit author with a SOH in her name, a
 * model title, goal title and question with BEL, ESC and DEL, and a portfolio group with a C1
 * character. Each becomes U+FFFD (written "?" below) in a report, a check's JUnit XML, job summary
 * and annotations, and a portfolio.
 *
 * <p>Hand-worked, as of 2026-07-01: issue 1, opened 2026-04-01 and untouched since, is the one stale
 * issue (inactive for more than 30d), so issue.stale = 1 fails ({@code >= 1}) and lists it as
 * "1, a?b?c?d?e, its link, eve?"; the one commit, 2026-06-10 by "Zo?e", makes git.contributors 1,
 * under 2, so it warns and lists "Zo?e".
 */
class ControlCharactersEndToEndTest {
    static final String TITLE = "a\u0000b\u0007c\u001bd\u009be";
    static final String TITLE_SHOWN = "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe";
    static final String MODEL = """
            model: control
            title: "Control\\acharacters"
            defaults: { window: 90d }
            goals:
              - id: people
                title: "People\\x7F here"
                questions:
                  - id: who
                    text: "Who \\ecommits?"
                    metrics:
                      - metric: git.contributors
                        thresholds: { warn: "< 2" }
              - id: issues
                title: Issues
                questions:
                  - id: stale
                    text: Are issues left alone?
                    metrics:
                      - metric: issue.stale
                        thresholds: { fail: ">= 1" }
            """;

    @TempDir
    static Path dir;
    static FakeGitHub github;
    static final List<CliRunner.Run> runs = new ArrayList<>();

    @BeforeAll
    static void runEveryOutput() throws Exception {
        try (HistoryBuilder h = HistoryBuilder.init(dir.resolve("repo"))) {
            h.file("README.md", "hello\n");
            h.commit("Zo\u0001e", "zoe@example.org", "2026-06-10T12:00:00Z", "start");
        }
        github = new FakeGitHub("o/r");
        github.addIssue(1, 1, "eve\u0002", "User", "NONE", "2026-04-01T00:00:00Z", "2026-04-01T00:00:00Z", null, false)
                .put("title", TITLE);
        Files.writeString(dir.resolve("model.yaml"), MODEL);
        Files.writeString(dir.resolve("portfolio.yaml"), """
                repositories:
                  - repo: repo
                    github: o/r
                    group: "team\\x85one"
                """);
        Path step = dir.resolve("step-summary.md");
        CliRunner cli = new CliRunner(dir, dir.resolve("home"), Map.of("GITHUB_TOKEN", "t0ken",
                "GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", step.toString()));
        List<String> shared = List.of("--model", "model.yaml", "--github-api-url", github.url(), "--github-api", "rest",
                "--store", dir.resolve("store.db").toString(), "--as-of", "2026-07-01");
        runs.add(cli.run(args(List.of("report", "--repo", "repo", "--github", "o/r", "--out", "report"), shared)));
        runs.add(cli.run(args(List.of("check", "--repo", "repo", "--github", "o/r", "--junit", "junit.xml",
                "--write-report", "--out", "checked"), shared)));
        runs.add(cli.run(args(List.of("report", "--portfolio", "portfolio.yaml", "--out", "portfolio"), shared)));
    }

    static String[] args(List<String> own, List<String> shared) {
        return Stream.concat(own.stream(), shared.stream()).toArray(String[]::new);
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    @Test
    void everyRunFinishesWithItsUsualExitCode() {
        assertEquals(ExitCode.OK, runs.get(0).exitCode(), runs.get(0).err());
        assertEquals(ExitCode.HEALTH_FAILED, runs.get(1).exitCode(), runs.get(1).err());
        assertEquals(ExitCode.OK, runs.get(2).exitCode(), runs.get(2).err());
    }

    @Test
    void noWrittenFileHoldsAControlCharacter() throws Exception {
        List<Path> written;
        try (Stream<Path> files = Files.walk(dir)) {
            written = files.filter(Files::isRegularFile)
                    .filter(f -> Stream.of("report", "checked", "portfolio", "junit.xml", "step-summary.md")
                            .anyMatch(top -> f.startsWith(dir.resolve(top))))
                    .filter(f -> !f.toString().endsWith(".png"))
                    .toList();
        }
        assertTrue(written.size() > 20, "files: " + written);
        for (Path file : written) {
            assertPrintable(file.toString(), Files.readAllBytes(file));
        }
    }

    @Test
    void noPrintedLineHoldsAControlCharacter() {
        for (CliRunner.Run run : runs) {
            assertPrintable("stdout", run.out().getBytes(StandardCharsets.UTF_8));
            assertPrintable("stderr", run.err().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void eachControlCharacterShowsAsTheReplacementCharacter() throws Exception {
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("report/summary.json").toFile());
        assertEquals("Control\uFFFDcharacters", summary.get("title").asText());
        assertEquals("People\uFFFD here", summary.get("goals").get(0).get("title").asText());
        assertEquals("Who \uFFFDcommits?", summary.get("goals").get(0).get("questions").get(0).get("text").asText());

        List<String> stale = Files.readAllLines(dir.resolve("report/issues/issue-stale-items.csv"));
        assertEquals(2, stale.size(), stale.toString());
        assertTrue(stale.get(1).startsWith("1," + TITLE_SHOWN + ",https://github.com/o/r/issues/1,eve\uFFFD,"),
                stale.get(1));
        String people = Files.readString(dir.resolve("report/people/git-contributors-items.csv"));
        assertTrue(people.contains("Zo\uFFFDe"), people);

        assertTrue(Files.readString(dir.resolve("report/index.html")).contains(TITLE_SHOWN));
        // summary.md names no items: its title is the model's
        assertTrue(Files.readString(dir.resolve("report/summary.md")).contains("Control\uFFFDcharacters"));
        assertTrue(Files.readString(dir.resolve("junit.xml")).contains(TITLE_SHOWN));
        assertTrue(Files.readString(dir.resolve("step-summary.md")).contains(TITLE_SHOWN));
        assertTrue(runs.get(1).out().contains("- #1 \"" + TITLE_SHOWN + "\""), runs.get(1).out());
        List<String> portfolio = Files.readAllLines(dir.resolve("portfolio/portfolio.csv"));
        assertTrue(portfolio.get(1).startsWith("repo,team\uFFFDone,"), portfolio.get(1));
    }

    /** No byte below 0x20 but tab, LF and CR, no DEL, and (read as UTF-8) no C1 character. */
    static void assertPrintable(String where, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7f) {
                fail(where + ": byte 0x%02x at offset %d".formatted(b, i));
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c <= 0x9f) {
                fail(where + ": U+%04X at character %d".formatted((int) c, i));
            }
        }
    }
}

package dev.gqm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gqm.testing.HistoryBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --out} may replace: a portfolio writes only into a missing or empty directory or a
 * portfolio of gqm's, as a single report writes only over a report; a symbolic link is followed
 * (the directory it points to gets the output, the link stays), and a link to nothing is refused.
 */
class OutputDirectoryTest {
    @TempDir
    Path dir;

    @BeforeEach
    void repositoryAndModel() throws Exception {
        try (HistoryBuilder h = HistoryBuilder.init(dir.resolve("repo"))) {
            h.file("README.md", "hello\n");
            h.commit("Gina", "gina@a.org", "2026-05-01T12:00:00Z", "start");
        }
        Files.writeString(dir.resolve("model.yaml"), """
                model: one-metric
                title: One metric
                goals:
                  - id: activity
                    title: Work happens
                    questions:
                      - id: work
                        text: Is work happening?
                        metrics:
                          - metric: git.commits
                """);
        Files.writeString(dir.resolve("portfolio.yaml"), "repositories:\n  - repo: repo\n");
    }

    CliRunner.Run report(String out, String asOf) {
        return new CliRunner(dir).run("report", "--repo", "repo", "--model", "model.yaml", "--store", "store.db",
                "--as-of", asOf, "--out", out);
    }

    CliRunner.Run portfolio(String out) {
        return new CliRunner(dir).run("report", "--portfolio", "portfolio.yaml", "--model", "model.yaml",
                "--store", "store.db", "--as-of", "2026-07-01", "--out", out);
    }

    List<String> names(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    String asOf(Path report) throws Exception {
        return new ObjectMapper().readTree(report.resolve("summary.json").toFile()).get("as_of").asText();
    }

    @Test
    void aPortfolioRefusesAFolderOfSomeoneElsesFiles() throws Exception {
        Path theirs = Files.createDirectories(dir.resolve("site"));
        Files.writeString(theirs.resolve("index.html"), "<p>my page</p>\n");
        Files.writeString(theirs.resolve("portfolio.csv"), "project,owner\nx,me\n");

        CliRunner.Run run = portfolio("site");

        assertEquals(ExitCode.INTERNAL, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("gqm: cannot write the portfolio to " + theirs
                + ": it exists and is not a gqm portfolio (no .gqm-portfolio or portfolio.csv of gqm's, and not empty);"
                + " choose another output directory\n"), run.err());
        // nothing written there, not even a report of the repository
        assertEquals(List.of("index.html", "portfolio.csv"), names(theirs));
        assertEquals("<p>my page</p>\n", Files.readString(theirs.resolve("index.html")));
        assertEquals("project,owner\nx,me\n", Files.readString(theirs.resolve("portfolio.csv")));
    }

    @Test
    void aPortfolioWritesIntoAnEmptyFolderAndThenAgainIntoItsOwn() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(ExitCode.OK, portfolio("empty").exitCode());
        assertEquals(List.of(".gqm-portfolio", "index.html", "portfolio.csv", "repo"), names(dir.resolve("empty")));

        CliRunner.Run again = portfolio("empty");

        assertEquals(ExitCode.OK, again.exitCode(), again.err());
        assertEquals(List.of(".gqm-portfolio", "index.html", "portfolio.csv", "repo"), names(dir.resolve("empty")));
    }

    @Test
    void aPortfolioRefusesASingleReport() throws Exception {
        assertEquals(ExitCode.OK, report("single", "2026-07-01").exitCode());

        CliRunner.Run run = portfolio("single");

        assertEquals(ExitCode.INTERNAL, run.exitCode(), run.err());
        assertTrue(run.err().contains("it exists and is not a gqm portfolio"), run.err());
        assertFalse(Files.exists(dir.resolve("single/repo")));
    }

    @Test
    void aReportThroughASymbolicLinkReplacesTheReportTheLinkPointsTo() throws Exception {
        assertEquals(ExitCode.OK, report("reports/2026", "2026-06-01").exitCode());
        Path link = Files.createSymbolicLink(dir.resolve("latest"), Path.of("reports/2026"));

        CliRunner.Run run = report("latest", "2026-07-01");

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(Path.of("reports/2026"), Files.readSymbolicLink(link));
        assertEquals("2026-07-01T00:00:00Z", asOf(dir.resolve("reports/2026")));
        assertEquals(List.of("2026"), names(dir.resolve("reports")));
        assertFalse(names(dir).stream().anyMatch(n -> n.startsWith(".latest.")), names(dir).toString());
    }

    @Test
    void aSymbolicLinkToNothingIsRefusedAndStaysALink() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("latest"), Path.of("gone"));

        CliRunner.Run run = report("latest", "2026-07-01");

        assertEquals(ExitCode.INTERNAL, run.exitCode(), run.err());
        assertTrue(run.err().contains("\ngqm: cannot write report to " + link
                + ": it is a symbolic link to gone, which does not exist; create that directory or choose another"
                + " output directory\n"), run.err());
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(dir.resolve("gone")));
        assertFalse(names(dir).stream().anyMatch(n -> n.startsWith(".latest.")), names(dir).toString());
    }

    @Test
    void aPortfolioThroughASymbolicLinkIsWrittenWhereItPoints() throws Exception {
        assertEquals(ExitCode.OK, portfolio("portfolios/2026").exitCode());
        Path link = Files.createSymbolicLink(dir.resolve("current"), Path.of("portfolios/2026"));

        CliRunner.Run run = portfolio("current");

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(List.of(".gqm-portfolio", "index.html", "portfolio.csv", "repo"), names(dir.resolve("portfolios/2026")));

        Path nowhere = Files.createSymbolicLink(dir.resolve("nowhere"), Path.of("missing"));
        CliRunner.Run refused = portfolio("nowhere");
        assertEquals(ExitCode.INTERNAL, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("it is a symbolic link to missing, which does not exist"), refused.err());
        assertTrue(Files.isSymbolicLink(nowhere));
        assertFalse(Files.exists(dir.resolve("missing")));
    }
}

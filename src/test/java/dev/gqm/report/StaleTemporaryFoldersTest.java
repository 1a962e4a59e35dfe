package dev.gqm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed while it wrote leaves its hidden folders beside the report ({@code .out.tmp-*}, the
 * report being written, and {@code .out.old-*}, the one being replaced); the next run for the same
 * output removes those untouched for an hour, and nothing else.
 */
class StaleTemporaryFoldersTest {
    @TempDir
    Path dir;

    Path folder(String name, Duration age) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("summary.json"), "{}");
        Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(age)));
        return folder;
    }

    List<String> names() throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theNextRunRemovesWhatAKilledRunLeftAndKeepsWhatARunningOneWrites() throws Exception {
        new ReportWriter().write(ReportFixtures.result(), dir.resolve("out"));
        Duration twoHours = Duration.ofHours(2);
        folder(".out.tmp-0123456789ab", twoHours);
        folder(".out.old-0123456789ab", twoHours);
        // a concurrent run's: seconds old
        folder(".out.tmp-ba9876543210", Duration.ofSeconds(5));
        // not gqm's own names, or another output's
        folder(".out.tmp-mine", twoHours);
        folder(".out.tmp-0123456789abc", twoHours);
        folder(".other.tmp-0123456789ab", twoHours);
        folder("out.tmp-0123456789ab", twoHours);

        new ReportWriter().write(ReportFixtures.result(), dir.resolve("out"));

        assertEquals(List.of(".other.tmp-0123456789ab", ".out.tmp-0123456789abc", ".out.tmp-ba9876543210",
                ".out.tmp-mine", "out", "out.tmp-0123456789ab"), names());
        assertTrue(Files.isRegularFile(dir.resolve(".out.tmp-ba9876543210/summary.json")));
    }

    @Test
    void aReplacedReportIsKeptWhileNoReportStandsInItsPlace() throws Exception {
        // a run stopped between its two moves: the old report is the only one there is
        folder(".out.old-0123456789ab", Duration.ofHours(2));
        Files.createDirectories(dir.resolve("elsewhere"));

        new ReportWriter().write(ReportFixtures.result(), dir.resolve("out"));
        // the report now in place supersedes it: the run after removes it
        assertEquals(List.of(".out.old-0123456789ab", "elsewhere", "out"), names());

        new ReportWriter().write(ReportFixtures.result(), dir.resolve("out"));
        assertEquals(List.of("elsewhere", "out"), names());
    }

    @Test
    void aFolderAnHourOldIsStillKept() throws Exception {
        // the boundary: untouched for just under an hour is not yet stale
        folder(".out.tmp-0123456789ab", Duration.ofMinutes(59));

        new ReportWriter().write(ReportFixtures.result(), dir.resolve("out"));

        assertEquals(List.of(".out.tmp-0123456789ab", "out"), names());
    }
}

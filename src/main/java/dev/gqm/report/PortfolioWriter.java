package dev.gqm.report;

import dev.gqm.model.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes a portfolio's comparison, {@code index.html} and {@code portfolio.csv}, beside the
 * repositories' own report directories. Each file is written to a hidden temporary file and then
 * moved over the old one, so a reader sees the old table or the new one, never half of one. It
 * writes only into a directory of its own ({@link #claim}), and no control character
 * ({@link ControlCharacters}).
 */
public final class PortfolioWriter {
    public static final String INDEX = "index.html";
    public static final String CSV = "portfolio.csv";

    /** @param rows one per repository, in the order they are shown */
    public void write(Model model, Instant asOf, List<PortfolioRow> rows, Path outDir) throws ReportException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(asOf, "asOf");
        Model shown = ControlCharacters.replaced(model);
        List<PortfolioRow> printable = rows.stream().map(ControlCharacters::replaced).toList();
        List<PortfolioGoal> goals = PortfolioGoal.of(shown);
        Path dir = claim(outDir);
        try {
            replace(dir.resolve(CSV), PortfolioCsv.render(goals, printable));
            replace(dir.resolve(INDEX), PortfolioPage.render(shown, asOf, goals, printable));
        } catch (IOException | RuntimeException e) {
            throw failure(outDir, e);
        }
    }

    /**
     * The directory a portfolio for {@code outDir} is written into (a symbolic link followed),
     * created and marked as a portfolio; refused when it holds files that are not a portfolio of
     * gqm's. A run claims it before it writes the first repository's report there.
     */
    public static Path claim(Path outDir) throws ReportException {
        try {
            return PortfolioDirectory.claim(outDir);
        } catch (IOException | RuntimeException e) {
            throw failure(outDir, e);
        }
    }

    private static ReportException failure(Path outDir, Exception e) {
        return new ReportException("cannot write the portfolio to " + outDir + ": " + ReportWriter.reason(e), e);
    }

    private static void replace(Path target, String content) throws IOException {
        // not Files.createTempFile: its owner-only permissions would follow the file into place
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // the temporary file is a sibling, so this is rare; a plain replace is the next best thing
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

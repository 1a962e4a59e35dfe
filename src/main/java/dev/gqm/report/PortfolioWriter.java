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
 * writes no control character ({@link ControlCharacters}).
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
        try {
            Files.createDirectories(outDir);
            replace(outDir.resolve(CSV), PortfolioCsv.render(goals, printable));
            replace(outDir.resolve(INDEX), PortfolioPage.render(shown, asOf, goals, printable));
        } catch (IOException | RuntimeException e) {
            throw new ReportException("cannot write the portfolio to " + outDir + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
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

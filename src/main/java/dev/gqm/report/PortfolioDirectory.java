package dev.gqm.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A portfolio's output directory. Its report folders, {@code index.html} and {@code portfolio.csv}
 * replace what is there, so gqm writes into a directory only when it is missing, empty or a
 * portfolio of gqm's: one holding the marker file {@value #MARKER}, which the first run writes
 * before any report, or (written before there was a marker) a {@code portfolio.csv} with gqm's header.
 */
final class PortfolioDirectory {
    static final String MARKER = ".gqm-portfolio";
    /** The columns that open and close every portfolio.csv of gqm's. */
    private static final String HEADER_START = "name,group,repository,status,";
    private static final String HEADER_END = ",error";
    /** How much of a portfolio.csv is read to find its header. */
    private static final int HEADER_LIMIT = 1 << 16;

    private PortfolioDirectory() {
    }

    /** The directory to write the portfolio into ({@code out}, a symbolic link followed), created and marked as gqm's. */
    static Path claim(Path out) throws IOException {
        Path dir = ReportDirectory.resolved(out);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("it exists and is not a directory");
        }
        if (Files.isDirectory(dir) && !isReplaceable(dir)) {
            throw new IOException("it exists and is not a gqm portfolio (no " + MARKER + " or portfolio.csv of gqm's,"
                    + " and not empty); choose another output directory");
        }
        Files.createDirectories(dir);
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            try {
                Files.writeString(marker, "gqm portfolio: gqm replaces index.html, portfolio.csv and the report folders here\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException concurrent) {
                // another run marked it first: the directory is a portfolio all the same
            }
        }
        return dir;
    }

    private static boolean isReplaceable(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(MARKER)) || hasGqmTable(dir.resolve(PortfolioWriter.CSV))) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static boolean hasGqmTable(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            return false;
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(csv)) {
            start = in.readNBytes(HEADER_LIMIT);
        }
        // the header is ASCII: a byte is a character
        String text = new String(start, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        String header = end < 0 ? "" : text.substring(0, end);
        return header.startsWith(HEADER_START) && header.endsWith(HEADER_END);
    }
}

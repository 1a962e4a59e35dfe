package dev.gqm.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A report directory replaced as a whole: files go to a hidden sibling first, which then takes
 * the place of the old report. A reader sees the old report or the new one, never half of one.
 */
final class ReportDirectory {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a hidden folder of gqm's stays untouched before a later run takes it for a killed run's. */
    static final Duration STALE = Duration.ofHours(1);
    private static final String TMP = "tmp";
    private static final String OLD = "old";

    private final Path target;
    private final Path staging;

    private ReportDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Creates the hidden staging directory beside {@code target}, and removes the stale ones that
     * runs for the same target left there when they were killed (see {@link #removeStale}).
     */
    static ReportDirectory open(Path target) throws IOException {
        Path absolute = resolved(target);
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IOException("it exists and is not a directory");
        }
        if (Files.isDirectory(absolute) && !isReplaceable(absolute)) {
            // replacing means deleting: only ever delete what a previous run wrote
            throw new IOException("it exists and is not a gqm report (no summary.json and not empty); choose another output directory");
        }
        Files.createDirectories(absolute.getParent());
        Path staging = Files.createDirectory(absolute.resolveSibling(hidden(absolute, TMP)));
        try {
            // the file system's own clock, as the stale folders' times are: no skew between machines
            removeStale(absolute, Files.getLastModifiedTime(staging).toInstant());
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(staging);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new ReportDirectory(absolute, staging);
    }

    /**
     * Where an output named {@code target} is written: a symbolic link is followed, so that the
     * directory it points to gets the output and the link stays a link; a link to nothing is refused.
     */
    static Path resolved(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute)) {
            if (!Files.exists(absolute)) {
                throw new IOException("it is a symbolic link to " + Files.readSymbolicLink(absolute)
                        + ", which does not exist; create that directory or choose another output directory");
            }
            absolute = absolute.toRealPath();
        }
        if (absolute.getParent() == null || absolute.getFileName() == null) {
            throw new IOException("the root directory cannot be an output directory");
        }
        return absolute;
    }

    /**
     * Deletes the hidden folders beside {@code target} that a run for the same target left when it
     * was killed: gqm's own names only ({@code .<name>.tmp-<12 hex>}, a report being written, and
     * {@code .<name>.old-<12 hex>}, the report it replaced), and only those untouched for
     * {@link #STALE} before {@code now}: a concurrent run's folder is seconds old. A report being
     * replaced is kept while no report stands in its place (the run stopped between the two moves).
     */
    private static void removeStale(Path target, Instant now) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        Pattern own = Pattern.compile(Pattern.quote(prefix) + "(" + TMP + "|" + OLD + ")-[0-9a-f]{12}");
        boolean reportInPlace = Files.isDirectory(target);
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(),
                p -> own.matcher(p.getFileName().toString()).matches())) {
            for (Path sibling : siblings) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(sibling, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                boolean replaced = sibling.getFileName().toString().startsWith(prefix + OLD + "-");
                if (attributes.isDirectory() && attributes.lastModifiedTime().toInstant().plus(STALE).isBefore(now)
                        && (reportInPlace || !replaced)) {
                    stale.add(sibling);
                }
            }
        }
        for (Path folder : stale) {
            try {
                deleteTree(folder);
            } catch (IOException e) {
                throw new IOException("cannot remove the stale temporary folder " + folder + " that an interrupted run left ("
                        + ReportWriter.reason(e) + "); remove it by hand", e);
            }
        }
    }

    Path staging() {
        return staging;
    }

    Path target() {
        return target;
    }

    /** Puts the staged report in place of the old one, which is then deleted. */
    void commit() throws IOException {
        Path backup = null;
        if (Files.exists(target)) {
            backup = target.resolveSibling(hidden(target, OLD));
            move(target, backup);
        }
        try {
            move(staging, target);
        } catch (IOException e) {
            if (backup != null) {
                try {
                    move(backup, target);
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw e;
        }
        if (backup != null) {
            try {
                deleteTree(backup);
            } catch (IOException e) {
                throw new IOException("the new report is in place but the previous one could not be removed from "
                        + backup + ": " + e.getMessage(), e);
            }
        }
    }

    /** Removes the staging directory after a failure; the old report was never touched. */
    void discard() throws IOException {
        if (Files.exists(staging)) {
            deleteTree(staging);
        }
    }

    private static boolean isReplaceable(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("summary.json"))) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static String hidden(Path target, String purpose) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "." + target.getFileName() + "." + purpose + "-" + HexFormat.of().formatHex(random);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // siblings share a file system, so this is rare; a plain rename is the next best thing
            Files.move(from, to);
        }
    }

    /** Deletes a tree; what is already gone counts as deleted (a concurrent run may be removing the same stale folder). */
    static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null && !(failure instanceof NoSuchFileException)) {
                    throw failure;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

package dev.gqm.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A report directory replaced as a whole: files go to a hidden sibling first, which then takes
 * the place of the old report. A reader sees the old report or the new one, never half of one.
 */
final class ReportDirectory {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path staging;

    private ReportDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Creates the hidden staging directory beside {@code target}. */
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
        Path staging = Files.createDirectory(absolute.resolveSibling(hidden(absolute, "tmp")));
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
            backup = target.resolveSibling(hidden(target, "old"));
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

    static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

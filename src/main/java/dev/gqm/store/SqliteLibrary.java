package dev.gqm.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, kept extracted in gqm's cache directory. Left to itself, sqlite-jdbc
 * extracts the library from the jar into the temporary directory on every start, under a new
 * name, and reads it back to compare (a tenth of a second of CPU, and a stray file in /tmp for
 * every run that is killed). Here it is extracted once per sqlite-jdbc version, operating system
 * and architecture, and sqlite-jdbc is pointed at it through its {@code org.sqlite.lib.path} and
 * {@code org.sqlite.lib.name} properties. Should that copy not load, sqlite-jdbc goes on to its
 * own extraction, so a bad cache costs speed, never a run. A user who sets those properties
 * keeps them.
 */
final class SqliteLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteLibrary() {
    }

    /** The cached library for this sqlite-jdbc, OS and architecture under {@code cacheDir}, extracted if missing. */
    static Optional<Path> cached(Path cacheDir) {
        String name = LibraryLoaderUtil.getNativeLibName();
        Path dir = cacheDir.resolve("native").resolve(safe("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-"
                + System.getProperty("os.name") + "-" + System.getProperty("os.arch") + (musl() ? "-musl" : "")));
        Path library = dir.resolve(name);
        if (Files.isRegularFile(library)) {
            return Optional.of(library);
        }
        // only now is the platform probed (libc, ABI): a later run with the same key finds the file
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, name, ".partial");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
            return Optional.of(library);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a read-only or full cache: sqlite-jdbc extracts as usual
        }
    }

    /** Points sqlite-jdbc at the cached library, unless its properties are set already or there is none. */
    static void use(Path cacheDir) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return;
        }
        cached(cacheDir).ifPresent(library -> {
            System.setProperty(NAME_PROPERTY, library.getFileName().toString());
            System.setProperty(PATH_PROPERTY, library.getParent().toString());
        });
    }

    /**
     * A cheap sign of a musl C library (Alpine), whose build of the library differs from glibc's:
     * its loader in /lib. sqlite-jdbc's own probe reads /proc; a cache directory shared between a
     * glibc and a musl host must not hand one the other's copy.
     */
    private static boolean musl() {
        try (DirectoryStream<Path> loaders = Files.newDirectoryStream(Path.of("/lib"), "ld-musl-*")) {
            return loaders.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String safe(String key) {
        return key.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}

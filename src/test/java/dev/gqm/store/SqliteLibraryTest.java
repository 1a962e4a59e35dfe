package dev.gqm.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteLibraryTest {
    @TempDir
    Path cache;

    @Test
    void extractsTheJarsLibraryOnceAndThenReusesIt() throws Exception {
        Path library = SqliteLibrary.cached(cache).orElseThrow();
        assertTrue(library.startsWith(cache.resolve("native")), library.toString());
        assertTrue(library.getParent().getFileName().toString().startsWith("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-"));
        byte[] inJar;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            inJar = in.readAllBytes();
        }
        assertArrayEquals(inJar, Files.readAllBytes(library));

        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(library, written);
        assertEquals(library, SqliteLibrary.cached(cache).orElseThrow());
        assertEquals(written, Files.getLastModifiedTime(library), "found, not extracted again");
        try (Stream<Path> files = Files.list(library.getParent())) {
            assertEquals(1, files.count(), "no partial file left behind");
        }
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesTheLoadingToSqliteJdbc() throws Exception {
        Path notADirectory = Files.writeString(cache.resolve("file"), "x");
        assertTrue(SqliteLibrary.cached(notADirectory).isEmpty());
    }
}

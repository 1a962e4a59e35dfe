package dev.gqm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** The JDK names only the path; these say why (an unreadable model said "cannot read model m.yaml: m.yaml"). */
class IoReasonTest {
    @Test
    void saysWhyNotWhere() {
        assertEquals("permission denied", IoReason.of(new AccessDeniedException("m.yaml")));
        assertEquals("no such file", IoReason.of(new NoSuchFileException("m.yaml")));
        assertEquals("Is a directory", IoReason.of(new FileSystemException("m.yaml", null, "Is a directory")));
        assertEquals("disk I/O error", IoReason.of(new IOException("disk I/O error")));
        assertEquals("IOException", IoReason.of(new IOException()));
    }
}

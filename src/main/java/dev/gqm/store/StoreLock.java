package dev.gqm.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <store>.lock}, so two runs never collect into one store at
 * once. The lock file is left in place on release: deleting it would let a third run lock a
 * fresh file while a second still holds the old one.
 */
final class StoreLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path store) throws StoreException {
        Path file = store.resolveSibling(store.getFileName() + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new NoLockFile("store unusable: cannot create the lock file " + file + ": "
                    + dev.gqm.model.IoReason.of(e), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this same JVM, which the OS does not report
        } catch (IOException e) {
            closeAfterFailure(channel, e);
            throw new StoreException("store unusable: cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            StoreLockedException locked = new StoreLockedException(
                    "another gqm run is using the store " + store + " (lock " + file + ")");
            closeAfterFailure(channel, locked);
            throw locked;
        }
        return new StoreLock(channel, lock);
    }

    /** The lock file cannot be created (a read-only directory or file system). */
    static final class NoLockFile extends StoreException {
        NoLockFile(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static void closeAfterFailure(FileChannel channel, Exception failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() throws StoreException {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("store unusable: cannot release the lock: " + e.getMessage(), e);
        }
    }
}

package dev.gqm.store;

/** Another run holds the store's lock file. The CLI maps it to exit code 5. */
public final class StoreLockedException extends StoreException {
    public StoreLockedException(String message) {
        super(message);
    }
}

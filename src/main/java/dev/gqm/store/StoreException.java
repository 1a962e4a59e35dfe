package dev.gqm.store;

/** The store cannot be opened, read or written. The CLI maps it to exit code 4. */
public class StoreException extends Exception {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

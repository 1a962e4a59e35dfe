package dev.gqm.collect;

/** A source could not be read: missing, not a repository, unreachable, no access. Exit code 3. */
public class SourceException extends Exception {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}

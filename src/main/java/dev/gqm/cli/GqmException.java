package dev.gqm.cli;

/** A failure the CLI reports as one line with a SPEC exit code. */
public class GqmException extends RuntimeException {
    private final int exitCode;

    public GqmException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public GqmException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

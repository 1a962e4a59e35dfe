package dev.gqm.cli;

/** SPEC §5 exit codes. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int HEALTH_FAILED = 1;
    public static final int USAGE = 2;
    public static final int SOURCE = 3;
    public static final int INTERNAL = 4;
    public static final int LOCKED = 5;
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}

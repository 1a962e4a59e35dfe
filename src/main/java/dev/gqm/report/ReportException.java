package dev.gqm.report;

/** A report that could not be written; the message names the directory and the reason. */
public class ReportException extends Exception {
    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReportException(String message) {
        super(message);
    }
}

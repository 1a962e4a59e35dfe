package dev.gqm.collect;

/**
 * An {@link IssueSink} refused a page (the store failed). Carries the sink's exception so the
 * caller can tell a storage failure from a source failure.
 */
public final class IssueSinkFailure extends RuntimeException {
    public IssueSinkFailure(Exception cause) {
        super(cause.getMessage(), cause);
    }
}

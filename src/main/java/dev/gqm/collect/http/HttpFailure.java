package dev.gqm.collect.http;

import dev.gqm.collect.SourceException;

/** A server's final refusal of one request, with the HTTP status it answered (a 404 a source may expect). */
public final class HttpFailure extends SourceException {
    private final int status;

    public HttpFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

package dev.gqm.collect.http;

import java.time.Duration;

/** Waits; injected so that tests of rate limits and retries record waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}

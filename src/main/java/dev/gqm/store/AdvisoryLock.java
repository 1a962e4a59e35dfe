package dev.gqm.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * PostgreSQL's advisory locks, one per source: a run that collects a source holds its lock for
 * the life of its connection, so many runs write one store at once but never two into the same
 * source. A second run waits a bounded time for the lock, then gives up (exit 5). The lock goes
 * with the session: a run that is killed releases it as its connection drops.
 */
final class AdvisoryLock {
    /** The first key of every gqm lock ("gqm" in ASCII); the second is the source id, 0 for migrations. */
    static final int SPACE = 0x67716d;
    private static final long POLL_MILLIS = 200;

    private AdvisoryLock() {
    }

    /**
     * Takes the source's lock, waiting at most {@code wait}.
     *
     * @return false when another session still holds it after the wait
     */
    static boolean acquire(Connection connection, long sourceId, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        try (PreparedStatement st = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            st.setInt(1, SPACE);
            st.setInt(2, Math.toIntExact(sourceId));
            while (true) {
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return true;
                    }
                }
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }
}

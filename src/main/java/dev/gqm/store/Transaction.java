package dev.gqm.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One transaction on a connection: the work and its commit, or a rollback. A rollback that fails
 * too (SQLite may already have rolled back on its own, after a full disk) is attached to the
 * first failure instead of replacing it, so the message says what really went wrong.
 */
final class Transaction {
    private Transaction() {
    }

    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    static void run(Connection connection, Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Throwable failure = null;
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            failure = e;
            rollback(connection, e);
            throw e;
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }
    }

    /** Rolls back after {@code failure}; a failing rollback is added to it, never thrown over it. */
    static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Whether the failure, its causes or what was suppressed along the way say the disk (or database) is full. */
    static boolean diskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (full(t)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (full(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean full(Throwable t) {
        String m = String.valueOf(t.getMessage());
        return m.contains("SQLITE_FULL") || m.contains("disk is full") || m.contains("No space left on device")
                || (t instanceof SQLException sql && sql.getErrorCode() == 13);
    }
}

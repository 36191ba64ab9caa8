package org.jcm.registry.problem;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Recognizes failures that mean "PostgreSQL cannot be reached right now" rather than a defect: the
 * server refusing connections, shutting down or starting up (crash recovery after an immediate
 * shutdown), or a connection dropped under a query. A request that meets one of these is answered
 * 503 with Retry-After, like a writer that cannot commit, so that clients retry with the same key.
 */
final class DatabaseUnavailable {

    /** SQLSTATE read_only_sql_transaction. */
    static final String READ_ONLY_TRANSACTION = "25006";

    private DatabaseUnavailable() {
    }

    /** A short description of the first such failure in the cause chain, if there is one. */
    static Optional<String> find(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException pg && isUnavailableState(pg.getSqlState())) {
                return Optional.of("PostgreSQL " + pg.getSqlState() + ": " + pg.getErrorMessage());
            }
            if (cause instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
                return Optional.of("PostgreSQL " + sql.getSQLState() + ": " + sql.getMessage());
            }
            if (cause instanceof ClosedConnectionException || cause instanceof ConnectException) {
                return Optional.of(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
            if (cause.getMessage() != null && cause.getMessage().startsWith("Connection is not active now")) {
                // The reactive client's message for a pooled connection that the server closed.
                return Optional.of(cause.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the cause chain holds SQLSTATE 25006 (read_only_sql_transaction): a write reached a
     * database in recovery (a hot standby, the read replicas' {@code jcm-pg-ro}), so this instance is
     * not the writer's (docs/operations.md, "DATABASE_IN_RECOVERY").
     */
    static boolean readOnly(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String state = cause instanceof PgException pg ? pg.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (READ_ONLY_TRANSACTION.equals(state)) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and 57P01 admin shutdown, 57P02 crash shutdown,
     * 57P03 cannot connect now (starting up, recovering), 57P05 idle session timeout.
     */
    static boolean isUnavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03") || sqlState.equals("57P05"));
    }
}

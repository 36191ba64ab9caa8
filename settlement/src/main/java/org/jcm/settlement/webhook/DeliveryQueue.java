package org.jcm.settlement.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What the delivery worker reads and writes: the due head of each endpoint's queue (its oldest
 * PENDING delivery, so an endpoint never receives a delivery before the ones written before it),
 * and the outcome of each attempt, recorded with the attempt in one transaction.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final String DUE = "SELECT d.id, d.message_id, d.payload, d.attempts, e.url, e.secret,"
            + " CASE WHEN e.previous_secret_until > now() THEN e.previous_secret END"
            + " FROM webhook_endpoint e JOIN LATERAL (SELECT * FROM webhook_delivery h WHERE h.endpoint_id = e.id"
            + " AND h.state = 'PENDING' ORDER BY h.id LIMIT 1) d ON true"
            + " WHERE e.deleted_at IS NULL AND d.next_attempt_at <= clock_timestamp()"
            + " ORDER BY d.next_attempt_at, d.id LIMIT ?";

    /** A delivery due now, with what it takes to sign and send it. */
    public record Due(long deliveryId, String messageId, String payload, int attempts, String url, String secret,
                      String previousSecret) {
    }

    /** What one attempt came to. */
    public record Outcome(Instant at, Integer statusCode, long latencyMillis, String error) {

        /** A 2xx answer delivers. */
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final DataSource dataSource;

    DeliveryQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** At most {@code limit} due deliveries, one per endpoint, the longest waiting first. */
    public List<Due> due(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement(DUE)) {
            sql.setInt(1, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    due.add(new Due(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                            rows.getString(5), rows.getString(6), rows.getString(7)));
                }
            }
            return due;
        }
    }

    /**
     * Records an attempt and moves the delivery on: DELIVERED on a 2xx; else FAILED once it has had
     * {@code maxAttempts}, or PENDING again after {@code retryAfter}.
     */
    public void record(Due due, Outcome outcome, int maxAttempts, Duration retryAfter) throws SQLException {
        int attempt = due.attempts() + 1;
        String state = outcome.delivered() ? "DELIVERED" : attempt >= maxAttempts ? "FAILED" : "PENDING";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement sql = c.prepareStatement("INSERT INTO webhook_attempt (delivery_id, attempt, at,"
                        + " status_code, latency_ms, error) VALUES (?, ?, ?, ?, ?, ?)")) {
                    sql.setLong(1, due.deliveryId());
                    sql.setInt(2, attempt);
                    sql.setTimestamp(3, Timestamp.from(outcome.at()));
                    sql.setObject(4, outcome.statusCode());
                    sql.setLong(5, outcome.latencyMillis());
                    sql.setString(6, outcome.error());
                    sql.executeUpdate();
                }
                try (PreparedStatement sql = c.prepareStatement("UPDATE webhook_delivery SET attempts = ?, state = ?,"
                        + " next_attempt_at = clock_timestamp() + ? * interval '1 millisecond',"
                        + " finished_at = CASE WHEN ? = 'PENDING' THEN NULL ELSE clock_timestamp() END"
                        + " WHERE id = ? AND state = 'PENDING' AND attempts = ?")) {
                    sql.setInt(1, attempt);
                    sql.setString(2, state);
                    sql.setLong(3, retryAfter.toMillis());
                    sql.setString(4, state);
                    sql.setLong(5, due.deliveryId());
                    sql.setInt(6, due.attempts());
                    sql.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}

package org.jcm.settlement.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jcm.settlement.config.SettlementConfig;
import org.jcm.settlement.persistence.BatchWriter;
import org.jcm.settlement.persistence.Transactions;

/**
 * The webhook tables through JDBC: endpoints (registered, listed, rotated, deleted by their owner),
 * the delivery log, and what the delivery worker reads and records. Every read and change of an
 * endpoint is scoped to its owner: another owner's endpoint is as unknown as one never registered.
 */
@ApplicationScoped
public class WebhookStore {

    private static final String ENDPOINT_COLUMNS = "id, owner_kind, owner_id, url, description, events, created_at,"
            + " from_seq, CASE WHEN previous_secret_until > now() THEN previous_secret_until END";

    private final DataSource dataSource;
    private final SettlementConfig settlement;

    WebhookStore(DataSource dataSource, SettlementConfig settlement) {
        this.dataSource = dataSource;
        this.settlement = settlement;
    }

    /** A registration refused because the owner has as many live endpoints as it may. */
    public static final class TooManyEndpoints extends Exception {
        TooManyEndpoints() {
            super("too many endpoints", null, false, false);
        }
    }

    /**
     * Stores a new endpoint with its secret, under the consumer's write lock so that its
     * {@code from_seq} is exactly the position before the next batch the consumer commits.
     */
    public EndpointView register(Owner owner, String url, List<String> events, String description, String secret,
                                 String by, int maxPerOwner) throws SQLException, TooManyEndpoints {
        String id = "wh_" + java.util.UUID.randomUUID().toString().replace("-", "");
        EndpointView stored = Transactions.locked(dataSource, c -> {
            if (liveCount(c, owner) >= maxPerOwner) {
                return null;
            }
            long fromSeq = BatchWriter.position(c, settlement.ledgerId()).lastSeq();
            try (PreparedStatement sql = c.prepareStatement("INSERT INTO webhook_endpoint (id, owner_kind, owner_id,"
                    + " url, description, events, secret, from_seq, created_at, created_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, now(), ?) RETURNING " + ENDPOINT_COLUMNS)) {
                sql.setString(1, id);
                sql.setString(2, owner.kind().name());
                sql.setString(3, owner.id());
                sql.setString(4, url);
                sql.setString(5, description);
                sql.setArray(6, c.createArrayOf("text", events.toArray()));
                sql.setString(7, secret);
                sql.setLong(8, fromSeq);
                sql.setString(9, by);
                try (ResultSet row = sql.executeQuery()) {
                    row.next();
                    return endpoint(row);
                }
            }
        });
        if (stored == null) {
            throw new TooManyEndpoints();
        }
        return stored.withSecret(secret);
    }

    private static long liveCount(Connection c, Owner owner) throws SQLException {
        try (PreparedStatement sql = c.prepareStatement("SELECT count(*) FROM webhook_endpoint"
                + " WHERE owner_kind = ? AND owner_id = ? AND deleted_at IS NULL")) {
            sql.setString(1, owner.kind().name());
            sql.setString(2, owner.id());
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The owner's live endpoints, oldest first. */
    public List<EndpointView> list(Owner owner) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement sql = c.prepareStatement("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint"
                     + " WHERE owner_kind = ? AND owner_id = ? AND deleted_at IS NULL ORDER BY created_at, id")) {
            sql.setString(1, owner.kind().name());
            sql.setString(2, owner.id());
            List<EndpointView> endpoints = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    endpoints.add(endpoint(rows));
                }
            }
            return endpoints;
        }
    }

    /** The owner's live endpoint with this id. */
    public Optional<EndpointView> find(Owner owner, String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement sql = c.prepareStatement("SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoint"
                     + " WHERE id = ? AND owner_kind = ? AND owner_id = ? AND deleted_at IS NULL")) {
            sql.setString(1, id);
            sql.setString(2, owner.kind().name());
            sql.setString(3, owner.id());
            try (ResultSet row = sql.executeQuery()) {
                return row.next() ? Optional.of(endpoint(row)) : Optional.empty();
            }
        }
    }

    /** Deletes the owner's endpoint: nothing more is written for it or sent to it. False if it is unknown. */
    public boolean delete(Owner owner, String id, String by) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement sql = c.prepareStatement("UPDATE webhook_endpoint SET deleted_at = now(), deleted_by = ?"
                     + " WHERE id = ? AND owner_kind = ? AND owner_id = ? AND deleted_at IS NULL")) {
            sql.setString(1, by);
            sql.setString(2, id);
            sql.setString(3, owner.kind().name());
            sql.setString(4, owner.id());
            return sql.executeUpdate() == 1;
        }
    }

    /** Replaces the secret; the one before keeps signing beside it for {@code overlap}. */
    public Optional<EndpointView> rotate(Owner owner, String id, String newSecret, Duration overlap)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement sql = c.prepareStatement("UPDATE webhook_endpoint SET previous_secret = secret,"
                     + " previous_secret_until = now() + ? * interval '1 millisecond', secret = ?"
                     + " WHERE id = ? AND owner_kind = ? AND owner_id = ? AND deleted_at IS NULL"
                     + " RETURNING " + ENDPOINT_COLUMNS)) {
            sql.setLong(1, overlap.toMillis());
            sql.setString(2, newSecret);
            sql.setString(3, id);
            sql.setString(4, owner.kind().name());
            sql.setString(5, owner.id());
            try (ResultSet row = sql.executeQuery()) {
                return row.next() ? Optional.of(endpoint(row).withSecret(newSecret)) : Optional.empty();
            }
        }
    }

    /** The endpoint's deliveries after the cursor, oldest first, with their attempts. */
    public List<DeliveryView> deliveries(String endpointId, long after, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<Long, DeliveryView> deliveries = new LinkedHashMap<>();
            try (PreparedStatement sql = c.prepareStatement("SELECT id, message_id, event_type, state, created_at,"
                    + " CASE WHEN state = 'PENDING' THEN next_attempt_at END, finished_at, payload"
                    + " FROM webhook_delivery WHERE endpoint_id = ? AND id > ? ORDER BY id LIMIT ?")) {
                sql.setString(1, endpointId);
                sql.setLong(2, after);
                sql.setInt(3, limit);
                try (ResultSet rows = sql.executeQuery()) {
                    while (rows.next()) {
                        deliveries.put(rows.getLong(1), new DeliveryView(rows.getLong(1), rows.getString(2),
                                rows.getString(3), rows.getString(4), text(rows.getTimestamp(5)),
                                text(rows.getTimestamp(6)), text(rows.getTimestamp(7)), rows.getString(8),
                                new ArrayList<>()));
                    }
                }
            }
            addAttempts(c, deliveries);
            return new ArrayList<>(deliveries.values());
        }
    }

    private static void addAttempts(Connection c, Map<Long, DeliveryView> deliveries) throws SQLException {
        if (deliveries.isEmpty()) {
            return;
        }
        try (PreparedStatement sql = c.prepareStatement("SELECT delivery_id, attempt, at, status_code, latency_ms,"
                + " error FROM webhook_attempt WHERE delivery_id = ANY (?) ORDER BY delivery_id, attempt")) {
            sql.setArray(1, c.createArrayOf("bigint", deliveries.keySet().toArray()));
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    int status = rows.getInt(4);
                    Integer code = rows.wasNull() ? null : status;
                    deliveries.get(rows.getLong(1)).attempts().add(new DeliveryView.Attempt(rows.getInt(2),
                            text(rows.getTimestamp(3)), code, rows.getLong(5), rows.getString(6)));
                }
            }
        }
    }

    private static EndpointView endpoint(ResultSet row) throws SQLException {
        Array events = row.getArray(6);
        return new EndpointView(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), Arrays.asList((String[]) events.getArray()), text(row.getTimestamp(7)),
                row.getLong(8), text(row.getTimestamp(9)), null);
    }

    static String text(Timestamp at) {
        return at == null ? null : Instant.ofEpochMilli(at.getTime()).toString();
    }
}

package org.jcm.settlement.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jcm.settlement.apply.LedgerNotice;
import org.jcm.settlement.trade.RegisteredTrade;

/**
 * Writes deliveries in the caller's transaction: the ledger consumer's, which holds the write lock
 * and commits them with the batch (or the deadline sweep) that caused them, so that an event is
 * either applied with its deliveries or not at all, and nothing on the request path sends anything.
 * One row per message and live endpoint of the message's owner that asked for its type and was
 * registered before the event ({@code seq > from_seq}; for a trade the sweep failed, whose seq is
 * 0, registered by its deadline). The rows take ids in the order of the messages, which is the
 * order the endpoint receives them. A message already written for an endpoint (the same event
 * applied again by a rebuild) is left as it is.
 */
public final class Outbox {

    private static final String INSERT = "INSERT INTO webhook_delivery (endpoint_id, message_id, event_type, payload,"
            + " created_at, state, attempts, next_attempt_at)"
            + " SELECT e.id, m.id, m.type, m.payload, now(), 'PENDING', 0, now()"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::timestamptz[])"
            + " WITH ORDINALITY AS m(kind, owner, type, id, payload, seq, at, n)"
            + " JOIN webhook_endpoint e ON e.owner_kind = m.kind AND e.owner_id = m.owner AND e.deleted_at IS NULL"
            + " AND m.type = ANY (e.events)"
            + " AND (m.seq > e.from_seq OR (m.seq = 0 AND m.at >= e.created_at))"
            + " ORDER BY m.n, e.id ON CONFLICT (endpoint_id, message_id) DO NOTHING";

    private Outbox() {
    }

    /**
     * Writes the deliveries of what a batch applied: what its events tell organizations and the
     * trades whose status it changed. Returns how many deliveries were written.
     */
    public static int enqueue(Connection connection, List<LedgerNotice> notices, List<RegisteredTrade> trades)
            throws SQLException {
        if (notices.isEmpty() && trades.isEmpty()) {
            return 0;
        }
        Set<Owner> subscribers = subscribers(connection);
        return subscribers.isEmpty() ? 0 : enqueue(connection, Messages.of(notices, trades, subscribers));
    }

    /** The owners with at least one live endpoint. */
    static Set<Owner> subscribers(Connection connection) throws SQLException {
        Set<Owner> owners = new HashSet<>();
        try (PreparedStatement sql = connection.prepareStatement(
                "SELECT DISTINCT owner_kind, owner_id FROM webhook_endpoint WHERE deleted_at IS NULL");
             ResultSet rows = sql.executeQuery()) {
            while (rows.next()) {
                owners.add(new Owner(OwnerKind.valueOf(rows.getString(1)), rows.getString(2)));
            }
        }
        return owners;
    }

    /** Writes the deliveries of {@code messages}; returns how many rows were written. */
    public static int enqueue(Connection connection, List<WebhookMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return 0;
        }
        int size = messages.size();
        String[] kinds = new String[size];
        String[] owners = new String[size];
        String[] types = new String[size];
        String[] ids = new String[size];
        String[] payloads = new String[size];
        Long[] seqs = new Long[size];
        String[] ats = new String[size];
        for (int i = 0; i < size; i++) {
            WebhookMessage message = messages.get(i);
            kinds[i] = message.owner().kind().name();
            owners[i] = message.owner().id();
            types[i] = message.type().wireName();
            ids[i] = message.messageId();
            payloads[i] = message.payload();
            seqs[i] = message.seq();
            ats[i] = message.at().toString();
        }
        try (PreparedStatement sql = connection.prepareStatement(INSERT)) {
            sql.setArray(1, connection.createArrayOf("text", kinds));
            sql.setArray(2, connection.createArrayOf("text", owners));
            sql.setArray(3, connection.createArrayOf("text", types));
            sql.setArray(4, connection.createArrayOf("text", ids));
            sql.setArray(5, connection.createArrayOf("text", payloads));
            sql.setArray(6, connection.createArrayOf("bigint", seqs));
            sql.setArray(7, connection.createArrayOf("text", ats));
            return sql.executeUpdate();
        }
    }
}

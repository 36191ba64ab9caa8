package org.jcm.registry.write.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.registry.write.idempotency.SubjectKey;

/**
 * Looks idempotency keys up in the {@code idempotency} table for the writer: one query for all the
 * keys of a batch ({@code unnest} of subjects and keys, one primary-key probe each), run inside the batch's
 * transaction so that it costs the batch one round trip and no COMMIT of its own.
 */
final class IdempotencyLookup {

    /**
     * One primary-key probe per key, whatever the table's size or the batch's: the key list drives a
     * nested loop into a LATERAL subquery that PostgreSQL cannot flatten (LIMIT), so it cannot pick a
     * hash join over a sequential scan of the whole table. With a plain join it did so for batches
     * of about 40 keys or more (its cost model prices each index probe as random I/O), and then read
     * every stored key once per batch: docs/performance.md, "The drop against bb7031d".
     */
    static final String FIND_IDEMPOTENCY = "SELECT i.subject, i.key, i.kind, i.request_hash, i.status, i.first_seq,"
            + " i.last_seq, i.rejection_code, i.rejection_detail, i.actor_role, i.actor_scope"
            + " FROM unnest(?::text[], ?::text[]) AS k(subject, key)"
            + " CROSS JOIN LATERAL (SELECT * FROM idempotency p WHERE p.subject = k.subject AND p.key = k.key LIMIT 1) i";

    private IdempotencyLookup() {
    }

    /**
     * The stored outcomes of the given keys (absent keys have none). Does not end the transaction:
     * the writer's batch that follows commits it (or rolls it back), so the look-up costs one round
     * trip.
     */
    static Map<SubjectKey, StoredOutcome> findOutcomes(Connection connection, Collection<SubjectKey> keys) throws SQLException {
        Map<SubjectKey, StoredOutcome> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String[] subjects = new String[keys.size()];
        String[] names = new String[keys.size()];
        int i = 0;
        for (SubjectKey key : keys) {
            subjects[i] = key.subject();
            names[i++] = key.key();
        }
        try (PreparedStatement select = connection.prepareStatement(FIND_IDEMPOTENCY)) {
            select.setArray(1, connection.createArrayOf("text", subjects));
            select.setArray(2, connection.createArrayOf("text", names));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(new SubjectKey(rows.getString(1), rows.getString(2)), outcome(rows, 3));
                }
            }
        }
        return found;
    }

    /**
     * Reads an outcome from columns kind, request_hash, status, first_seq, last_seq, rejection_code,
     * rejection_detail, actor_role, actor_scope.
     */
    private static StoredOutcome outcome(ResultSet rows, int first) throws SQLException {
        return new StoredOutcome(StoredOutcome.Kind.valueOf(rows.getString(first)), rows.getBytes(first + 1),
                rows.getInt(first + 2), rows.getLong(first + 3), rows.getLong(first + 4), rows.getString(first + 5),
                rows.getString(first + 6), rows.getString(first + 7), rows.getString(first + 8));
    }
}

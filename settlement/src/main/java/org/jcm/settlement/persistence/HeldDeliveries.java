package org.jcm.settlement.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jcm.settlement.apply.BatchEffects;
import org.jcm.settlement.apply.BatchEffects.HeldDelivery;

/**
 * Keeps {@code held_deliveries} in step with the ledger in the consumer's batch: the transfers
 * naming a trade that the registry holds back, from their {@code TransferPended} until they end.
 * A cancellation of a trade reads it ({@code registration.TradeCancellations}).
 */
final class HeldDeliveries {

    private HeldDeliveries() {
    }

    /** Inserts the deliveries the batch holds and deletes those whose pending transfer ended in it. */
    static void write(Connection connection, BatchEffects effects) throws SQLException {
        List<String> released = effects.releasedDeliveries();
        if (!released.isEmpty()) {
            try (PreparedStatement sql = connection.prepareStatement(
                    "DELETE FROM held_deliveries WHERE pending_transfer_id = ANY (?::text[])")) {
                sql.setArray(1, SqlArrays.texts(connection, released, id -> id));
                sql.executeUpdate();
            }
        }
        List<HeldDelivery> held = effects.heldDeliveries();
        if (held.isEmpty()) {
            return;
        }
        try (PreparedStatement sql = connection.prepareStatement("INSERT INTO held_deliveries (pending_transfer_id,"
                + " seq, at, venue, trade_id, from_account_id, to_account_id, quantity) SELECT i, s, a::timestamptz,"
                + " v, t, f, o, q FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::bigint[]) AS u(i, s, a, v, t, f, o, q)")) {
            sql.setArray(1, SqlArrays.texts(connection, held, HeldDelivery::pendingTransferId));
            sql.setArray(2, SqlArrays.longs(connection, held, HeldDelivery::seq));
            sql.setArray(3, SqlArrays.texts(connection, held, h -> h.at().toString()));
            sql.setArray(4, SqlArrays.texts(connection, held, HeldDelivery::venue));
            sql.setArray(5, SqlArrays.texts(connection, held, HeldDelivery::tradeId));
            sql.setArray(6, SqlArrays.texts(connection, held, HeldDelivery::fromAccountId));
            sql.setArray(7, SqlArrays.texts(connection, held, HeldDelivery::toAccountId));
            sql.setArray(8, SqlArrays.longs(connection, held, HeldDelivery::quantity));
            sql.executeUpdate();
        }
    }
}

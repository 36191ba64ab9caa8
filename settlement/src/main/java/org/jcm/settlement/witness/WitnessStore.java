package org.jcm.settlement.witness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The witness's records in settlement's database: cosigned checkpoints ({@code witness_checkpoint}),
 * alarms ({@code witness_alarm}) and the checkpoint topic position ({@code witness_position}).
 */
final class WitnessStore {

    private static final String CHECKPOINT_COLUMNS =
            "tree_size, root_hash, origin, note, cosignature, timestamp, cosigned_at FROM witness_checkpoint";

    private WitnessStore() {
    }

    /** The next offset to read on a topic partition, or -1 when the witness never read it. */
    static long nextOffset(Connection connection, String topic, int partition) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(
                "SELECT next_offset FROM witness_position WHERE topic = ? AND partition = ?")) {
            sql.setString(1, topic);
            sql.setInt(2, partition);
            try (ResultSet row = sql.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        }
    }

    /** Stores the next offset to read. */
    static void moveTo(Connection connection, String topic, int partition, long nextOffset) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("INSERT INTO witness_position (topic, partition,"
                + " next_offset) VALUES (?, ?, ?) ON CONFLICT (topic, partition) DO UPDATE SET next_offset ="
                + " excluded.next_offset")) {
            sql.setString(1, topic);
            sql.setInt(2, partition);
            sql.setLong(3, nextOffset);
            sql.executeUpdate();
        }
    }

    /** The cosigned checkpoint of a tree size. */
    static Optional<CosignedCheckpoint> cosigned(Connection connection, long treeSize) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("SELECT " + CHECKPOINT_COLUMNS + " WHERE tree_size = ?")) {
            sql.setLong(1, treeSize);
            return first(sql);
        }
    }

    /** The cosigned checkpoint of the largest tree size. */
    static Optional<CosignedCheckpoint> latest(Connection connection) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("SELECT " + CHECKPOINT_COLUMNS
                + " ORDER BY tree_size DESC LIMIT 1")) {
            return first(sql);
        }
    }

    /** Stores a cosigned checkpoint; false if one of that size is stored already. */
    static boolean insert(Connection connection, CosignedCheckpoint c) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("INSERT INTO witness_checkpoint (tree_size, root_hash,"
                + " origin, note, cosignature, timestamp, cosigned_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (tree_size) DO NOTHING")) {
            sql.setLong(1, c.treeSize());
            sql.setBytes(2, c.rootHash());
            sql.setString(3, c.origin());
            sql.setString(4, c.note());
            sql.setString(5, c.cosignature());
            sql.setLong(6, c.timestamp());
            sql.setTimestamp(7, Timestamp.from(c.cosignedAt()));
            return sql.executeUpdate() == 1;
        }
    }

    /** The cosigned checkpoints whose cosignature is not on the topic yet, smallest first. */
    static List<CosignedCheckpoint> unpublished(Connection connection) throws SQLException {
        List<CosignedCheckpoint> list = new ArrayList<>();
        try (PreparedStatement sql = connection.prepareStatement("SELECT " + CHECKPOINT_COLUMNS
                + " WHERE published_at IS NULL ORDER BY tree_size")) {
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    list.add(checkpoint(rows));
                }
            }
        }
        return list;
    }

    /** Records that the cosignature of a tree size is on the topic. */
    static void published(Connection connection, long treeSize, Instant at) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(
                "UPDATE witness_checkpoint SET published_at = ? WHERE tree_size = ? AND published_at IS NULL")) {
            sql.setTimestamp(1, Timestamp.from(at));
            sql.setLong(2, treeSize);
            sql.executeUpdate();
        }
    }

    /** The open alarm, if any. */
    static Optional<Alarm> openAlarm(Connection connection) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement("SELECT reason, detail, tree_size, note, raised_at"
                + " FROM witness_alarm WHERE cleared_at IS NULL")) {
            try (ResultSet row = sql.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long size = row.getLong(3);
                Long treeSize = row.wasNull() ? null : size;
                return Optional.of(new Alarm(row.getString(1), row.getString(2), treeSize, row.getString(4),
                        row.getTimestamp(5).toInstant()));
            }
        }
    }

    /** Opens an alarm unless one is open; returns the open alarm. */
    static Alarm raise(Connection connection, Alarm alarm) throws SQLException {
        Optional<Alarm> open = openAlarm(connection);
        if (open.isPresent()) {
            return open.get();
        }
        try (PreparedStatement sql = connection.prepareStatement("INSERT INTO witness_alarm (reason, detail, tree_size,"
                + " note, raised_at) VALUES (?, ?, ?, ?, ?)")) {
            sql.setString(1, alarm.reason());
            sql.setString(2, alarm.detail());
            sql.setObject(3, alarm.treeSize());
            sql.setString(4, alarm.note());
            sql.setTimestamp(5, Timestamp.from(alarm.raisedAt()));
            sql.executeUpdate();
        }
        return alarm;
    }

    /** Clears the open alarm, if any; returns whether there was one. */
    static boolean clear(Connection connection, String by, Instant at) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(
                "UPDATE witness_alarm SET cleared_at = ?, cleared_by = ? WHERE cleared_at IS NULL")) {
            sql.setTimestamp(1, Timestamp.from(at));
            sql.setString(2, by);
            return sql.executeUpdate() > 0;
        }
    }

    private static Optional<CosignedCheckpoint> first(PreparedStatement sql) throws SQLException {
        try (ResultSet rows = sql.executeQuery()) {
            return rows.next() ? Optional.of(checkpoint(rows)) : Optional.empty();
        }
    }

    private static CosignedCheckpoint checkpoint(ResultSet row) throws SQLException {
        return new CosignedCheckpoint(row.getLong(1), row.getBytes(2), row.getString(3), row.getString(4),
                row.getString(5), row.getLong(6), row.getTimestamp(7).toInstant());
    }
}

package org.jcm.registry.transparency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jcm.ledger.proof.Cosignature;
import org.jcm.ledger.proof.Tiles;

/**
 * The transparency log's rows (migration V62): tiles, checkpoints and cosignatures, all written
 * once. Plain JDBC on a connection the caller owns (autocommit off for writes).
 */
final class TreeRows {

    /** A stored checkpoint: its size, root, signed note and when it was made. */
    record StoredCheckpoint(long treeSize, byte[] root, String note, Instant createdAt) {
    }

    private TreeRows() {
    }

    /** The checkpoint with the largest tree size, or null if none. */
    static StoredCheckpoint latest(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT tree_size, root_hash, note, created_at FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? checkpoint(row) : null;
        }
    }

    /** The checkpoint of exactly {@code treeSize} entries, or null if none. */
    static StoredCheckpoint checkpoint(Connection c, long treeSize) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT tree_size, root_hash, note, created_at FROM ledger_checkpoint WHERE tree_size = ?")) {
            select.setLong(1, treeSize);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? checkpoint(row) : null;
            }
        }
    }

    private static StoredCheckpoint checkpoint(ResultSet row) throws SQLException {
        return new StoredCheckpoint(row.getLong(1), row.getBytes(2), row.getString(3), row.getTimestamp(4).toInstant());
    }

    /**
     * The hashes of tile {@code (level, index)} at {@code width} or wider (a wider version holds the
     * same first hashes), or null if none is stored.
     */
    static byte[] tile(Connection c, int level, long index, int width) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT hashes FROM merkle_tile WHERE level = ? AND idx = ?"
                + " AND width >= ? ORDER BY width LIMIT 1")) {
            select.setInt(1, level);
            select.setLong(2, index);
            select.setInt(3, width);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        }
    }

    /** Stores the tiles and the checkpoint of one tree size (the caller commits). */
    static void insert(Connection c, List<Tiles.Tile> tiles, long treeSize, byte[] root, String note, Instant at)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO merkle_tile (level, idx, width, hashes)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Tiles.Tile tile : tiles) {
                insert.setInt(1, tile.level());
                insert.setLong(2, tile.index());
                insert.setInt(3, tile.width());
                insert.setBytes(4, tile.hashes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_checkpoint (tree_size, root_hash, note,"
                + " created_at) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, treeSize);
            insert.setBytes(2, root);
            insert.setString(3, note);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    /** Stores a verified cosignature once per checkpoint and witness (autocommit). */
    static void insertCosignature(Connection c, long treeSize, Cosignature cosignature, String line, Instant at)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ledger_cosignature (tree_size, witness, key_id,"
                + " signed_at, line, received_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setLong(1, treeSize);
            insert.setString(2, cosignature.witness());
            insert.setString(3, cosignature.keyIdHex());
            insert.setLong(4, cosignature.timestamp());
            insert.setString(5, line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
            insert.setTimestamp(6, Timestamp.from(at));
            insert.executeUpdate();
        }
    }
}

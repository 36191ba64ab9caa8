package org.jcm.settlement.witness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jcm.ledger.proof.MerkleProofs;
import org.jcm.ledger.proof.TileNodeSource;
import org.jcm.ledger.proof.TileReader;
import org.jcm.ledger.proof.Tiles;

/**
 * The witness's own Merkle tree in settlement's database (tables {@code witness_tree} and
 * {@code witness_tile}): its size, and its nodes as tlog-tiles of height 8. Growing it writes only
 * the tiles that change (the right edge), so starting the service never reads the history again:
 * roots and proofs for any size up to the stored one come from the tiles.
 */
public final class TreeStore {

    private TreeStore() {
    }

    /** The stored tree size of the ledger, created at zero when the database is new. */
    public static long size(Connection connection, String ledgerId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO witness_tree (ledger_id, tree_size) VALUES (?, 0) ON CONFLICT (ledger_id) DO NOTHING")) {
            insert.setString(1, ledgerId);
            insert.executeUpdate();
        }
        try (PreparedStatement sql = connection.prepareStatement(
                "SELECT tree_size FROM witness_tree WHERE ledger_id = ?")) {
            sql.setString(1, ledgerId);
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Appends the leaves: writes the changed tiles and moves the size from {@code fromSize} to
     * {@code toSize}; fails if the stored size is not where the batch starts, so that every leaf is
     * appended exactly once.
     */
    public static void append(Connection connection, String ledgerId, LeafBatch leaves) throws SQLException {
        if (leaves.isEmpty()) {
            return;
        }
        try (PreparedStatement sql = connection.prepareStatement("UPDATE witness_tree SET tree_size = ?,"
                + " updated_at = now() WHERE ledger_id = ? AND tree_size = ?")) {
            sql.setLong(1, leaves.toSize());
            sql.setString(2, ledgerId);
            sql.setLong(3, leaves.fromSize());
            if (sql.executeUpdate() != 1) {
                throw new SQLException("the witness tree of ledger " + ledgerId + " no longer has size "
                        + leaves.fromSize() + "; another consumer grew it");
            }
        }
        List<Tiles.Tile> tiles = Tiles.grow(leaves.fromSize(), leaves.leafHashes(), reader(connection));
        try (PreparedStatement sql = connection.prepareStatement("INSERT INTO witness_tile AS t (level, idx, width,"
                + " hashes) VALUES (?, ?, ?, ?) ON CONFLICT (level, idx) DO UPDATE SET width = excluded.width,"
                + " hashes = excluded.hashes WHERE excluded.width > t.width")) {
            for (Tiles.Tile tile : tiles) {
                sql.setInt(1, tile.level());
                sql.setLong(2, tile.index());
                sql.setInt(3, tile.width());
                sql.setBytes(4, tile.hashes());
                sql.addBatch();
            }
            sql.executeBatch();
        }
    }

    /**
     * Reads tiles from the database on the caller's connection. A stored tile may be wider than the
     * width asked for; its first hashes are the same.
     */
    public static TileReader reader(Connection connection) {
        return (level, index, width) -> {
            try (PreparedStatement sql = connection.prepareStatement(
                    "SELECT width, hashes FROM witness_tile WHERE level = ? AND idx = ?")) {
                sql.setInt(1, level);
                sql.setLong(2, index);
                try (ResultSet row = sql.executeQuery()) {
                    if (!row.next() || row.getInt(1) < width) {
                        throw new IllegalStateException("the witness tree has no tile at level " + level + ", index "
                                + index + " of width " + width);
                    }
                    return row.getBytes(2);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("reading the witness tree failed: " + e.getMessage(), e);
            }
        };
    }

    /** The root of the tree of {@code size} leaves (at most the stored size), from the tiles. */
    public static byte[] root(Connection connection, long size) {
        return MerkleProofs.rootOf(new TileNodeSource(reader(connection), size), size);
    }

    /** The RFC 9162 consistency proof from size {@code m} to size {@code n}, from the tiles. */
    public static List<byte[]> consistency(Connection connection, long m, long n) {
        return MerkleProofs.consistency(new TileNodeSource(reader(connection), n), m, n);
    }
}

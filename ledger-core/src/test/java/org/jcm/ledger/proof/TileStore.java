package org.jcm.ledger.proof;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An insert-only tile table in memory, keyed by (level, index, width) like {@code merkle_tile}. */
final class TileStore implements TileReader {

    final Map<Tiles.TileId, byte[]> rows = new HashMap<>();

    /** Inserts the tiles; a key that is already stored is a primary key violation. */
    void insert(List<Tiles.Tile> tiles) {
        for (Tiles.Tile tile : tiles) {
            if (rows.putIfAbsent(tile.id(), tile.hashes()) != null) {
                throw new IllegalStateException("duplicate key " + tile.id());
            }
        }
    }

    /** Grows the stored tree from size m to n with the first n leaf hashes of the list. */
    void grow(long m, long n, List<byte[]> leafHashes) {
        insert(Tiles.grow(m, n, index -> leafHashes.get((int) index), this));
    }

    @Override
    public byte[] tile(int level, long index, int width) {
        byte[] hashes = rows.get(new Tiles.TileId(level, index, width));
        if (hashes == null) {
            throw new IllegalStateException("no tile at level " + level + ", index " + index + ", width " + width);
        }
        return hashes.clone();
    }
}

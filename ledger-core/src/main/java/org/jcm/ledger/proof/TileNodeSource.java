package org.jcm.ledger.proof;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The nodes of the tree of one size, read from its tiles: each node from the one tile that holds it
 * ({@link Tiles#tileOf}), hashing up at most 7 levels inside that tile.
 *
 * <p>A proof reads a few nodes from the same tiles, so the last tiles read are kept. Not thread-safe;
 * make one per request.
 */
public final class TileNodeSource implements NodeSource {

    private static final int CACHED_TILES = 32;

    private final TileReader reader;
    private final long treeSize;
    private final Map<Tiles.TileId, byte[]> cache = new LinkedHashMap<>(CACHED_TILES, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Tiles.TileId, byte[]> eldest) {
            return size() > CACHED_TILES;
        }
    };

    /** Reads the tree of size {@code treeSize} through {@code reader}. */
    public TileNodeSource(TileReader reader, long treeSize) {
        this.reader = Objects.requireNonNull(reader, "reader");
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative: " + treeSize);
        }
        this.treeSize = treeSize;
    }

    /** Returns the size of the tree this source reads. */
    public long treeSize() {
        return treeSize;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the node is not complete in the tree of this size
     * @throws IllegalStateException if the stored tile does not have the length of its width
     */
    @Override
    public byte[] node(int height, long index) {
        Tiles.TileId id = Tiles.tileOf(height, index, treeSize);
        byte[] hashes = cache.get(id);
        if (hashes == null) {
            hashes = reader.tile(id.level(), id.index(), id.width());
            int bytes = hashes == null ? -1 : hashes.length;
            if (bytes < id.width() * MerkleHash.HASH_BYTES || bytes > Tiles.WIDTH * MerkleHash.HASH_BYTES
                    || bytes % MerkleHash.HASH_BYTES != 0) {
                throw new IllegalStateException("stored tile at level " + id.level() + ", index " + id.index()
                        + " has " + bytes + " bytes, not the " + id.width() + " hashes it needs");
            }
            cache.put(id, hashes);
        }
        return Tiles.nodeFromTile(hashes, height, index);
    }
}

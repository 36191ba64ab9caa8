package org.jcm.ledger.proof;

/**
 * Reads stored tiles (for the registry: rows of table {@code merkle_tile}).
 */
@FunctionalInterface
public interface TileReader {

    /**
     * Returns the hashes of tile {@code (level, index)} at the given width: {@code width * 32} bytes,
     * the hashes of the tile's first {@code width} entries, concatenated.
     *
     * <p>A wider version of the same tile may be returned instead (a partial tile of a later tree size,
     * or the full tile): tiles only grow to the right, so its first {@code width} hashes are the same,
     * and callers use only those.
     *
     * @throws RuntimeException (any) if no such tile is stored; the tree is then incomplete
     */
    byte[] tile(int level, long index, int width);
}

package org.jcm.ledger.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The tree stored as C2SP tlog-tiles of height 8: the tile at level {@code L}, index {@code i} holds the
 * hashes of the tree's nodes at height {@code 8L}, indexes {@code 256i .. 256i + w - 1}, concatenated
 * (32 bytes each). At level 0 these are leaf hashes; at level {@code L > 0} each is the root of a full
 * tile of level {@code L - 1}. A tree of size {@code s} has {@code floor(s / 256^L)} entries at level
 * {@code L}; a tile with fewer than 256 of them is partial, and a partial tile is stored as its own
 * tile of that width and never changed, so every stored tile is immutable.
 *
 * <p>Any node of height {@code h} is then read from one tile, at level {@code h / 8}, by hashing up
 * {@code h % 8} levels of that tile's entries.
 */
public final class Tiles {

    /** The height of a tile: 8 levels of the tree. */
    public static final int HEIGHT = 8;

    /** The number of hashes in a full tile. */
    public static final int WIDTH = 1 << HEIGHT;

    private Tiles() {
    }

    /** Names one tile at one width. */
    public record TileId(int level, long index, int width) {

        /** Checks the ranges: level 0..7, index >= 0, width 1..256. */
        public TileId {
            if (level < 0 || level > 7 || index < 0 || width < 1 || width > WIDTH) {
                throw new IllegalArgumentException("no tile at level " + level + ", index " + index + ", width " + width);
            }
        }
    }

    /** A tile to store: its level, index and width, and its {@code width * 32} bytes of hashes. */
    public record Tile(int level, long index, int width, byte[] hashes) {

        /** Checks that the hashes fill exactly the width, and copies them. */
        public Tile {
            new TileId(level, index, width);
            if (hashes.length != width * MerkleHash.HASH_BYTES) {
                throw new IllegalArgumentException("a tile of width " + width + " holds " + width * MerkleHash.HASH_BYTES
                        + " bytes, got " + hashes.length);
            }
            hashes = hashes.clone();
        }

        /** Returns a copy of the hashes. */
        @Override
        public byte[] hashes() {
            return hashes.clone();
        }

        /** Returns the tile's identity. */
        public TileId id() {
            return new TileId(level, index, width);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tile t && level == t.level && index == t.index && width == t.width
                    && Arrays.equals(hashes, t.hashes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(level, index, width, Arrays.hashCode(hashes));
        }

        @Override
        public String toString() {
            return "Tile[level " + level + ", index " + index + ", width " + width + "]";
        }
    }

    /** Returns the number of entries at a level in a tree of the given size: {@code floor(size / 256^level)}. */
    public static long entries(int level, long treeSize) {
        int shift = HEIGHT * level;
        return shift >= Long.SIZE ? 0 : treeSize >>> shift;
    }

    /** Returns the width of tile {@code (level, index)} in a tree of the given size: 0 (absent) to 256. */
    public static int width(int level, long index, long treeSize) {
        long available = entries(level, treeSize) - index * WIDTH;
        return (int) Math.max(0, Math.min(WIDTH, available));
    }

    /**
     * Returns the tile, with its width in a tree of the given size, that holds node {@code (height,
     * index)}: the tile at level {@code height / 8} that holds entries {@code index << (height % 8)} and
     * the {@code 2^(height % 8) - 1} after it.
     *
     * @throws IllegalArgumentException if that node is not a complete subtree of the tree of that size
     */
    public static TileId tileOf(int height, long index, long treeSize) {
        if (height < 0 || height > 63 || index < 0 || treeSize < 0) {
            throw new IllegalArgumentException("no node at height " + height + ", index " + index);
        }
        int level = height / HEIGHT;
        int up = height % HEIGHT;
        long first = index << up;
        long tile = first >>> HEIGHT;
        int width = width(level, tile, treeSize);
        if ((first & (WIDTH - 1)) + (1L << up) > width) {
            throw new IllegalArgumentException("node at height " + height + ", index " + index
                    + " is not complete in a tree of size " + treeSize);
        }
        return new TileId(level, tile, width);
    }

    /**
     * Computes node {@code (height, index)} from the hashes of the tile that holds it (see
     * {@link #tileOf}): takes its {@code 2^(height % 8)} entries and hashes them up {@code height % 8}
     * levels.
     */
    public static byte[] nodeFromTile(byte[] tileHashes, int height, long index) {
        int up = height % HEIGHT;
        int first = (int) ((index << up) & (WIDTH - 1));
        int count = 1 << up;
        if (tileHashes.length < (first + count) * MerkleHash.HASH_BYTES) {
            throw new IllegalArgumentException("the tile holds " + tileHashes.length / MerkleHash.HASH_BYTES
                    + " hashes; node at height " + height + ", index " + index + " needs " + (first + count));
        }
        byte[][] row = new byte[count][];
        for (int i = 0; i < count; i++) {
            int at = (first + i) * MerkleHash.HASH_BYTES;
            row[i] = Arrays.copyOfRange(tileHashes, at, at + MerkleHash.HASH_BYTES);
        }
        for (int n = count; n > 1; n /= 2) {
            for (int i = 0; i < n / 2; i++) {
                row[i] = MerkleHash.node(row[2 * i], row[2 * i + 1]);
            }
        }
        return row[0];
    }

    /**
     * Returns the tiles to write when the tree grows from size {@code m} to {@code n}, with their widths
     * at size {@code n}: at every level, each tile that is new or wider at {@code n} than at {@code m}.
     * The other tiles of the tree of size {@code n} are those of the tree of size {@code m}, unchanged.
     */
    public static List<TileId> changed(long m, long n) {
        requireGrowth(m, n);
        List<TileId> tiles = new ArrayList<>();
        for (int level = 0; entries(level, n) > entries(level, m); level++) {
            long from = entries(level, m) >>> HEIGHT;
            long to = (entries(level, n) - 1) >>> HEIGHT;
            for (long tile = from; tile <= to; tile++) {
                tiles.add(new TileId(level, tile, width(level, tile, n)));
            }
        }
        return tiles;
    }

    /**
     * Computes the tiles to write for the tree of size {@code n}, given the stored tiles of the tree of
     * size {@code m}, in the order of {@link #changed}: level by level, left to right.
     *
     * @param leafHashes returns the leaf hash of each leaf index {@code m .. n-1}
     * @param existing   reads the partial tiles of the tree of size {@code m} (its right edge), the only
     *                   stored tiles that the new ones extend
     * @throws IllegalStateException if an existing tile has the wrong length
     */
    public static List<Tile> grow(long m, long n, LongFunction<byte[]> leafHashes, TileReader existing) {
        requireGrowth(m, n);
        Objects.requireNonNull(leafHashes, "leafHashes");
        Objects.requireNonNull(existing, "existing");
        List<Tile> written = new ArrayList<>();
        LongFunction<byte[]> entry = leafHashes;
        for (int level = 0; entries(level, n) > entries(level, m); level++) {
            Map<Long, byte[]> fullTileRoots = new HashMap<>();
            growLevel(level, m, n, entry, existing, written, fullTileRoots);
            int below = level;
            entry = index -> {
                byte[] root = fullTileRoots.get(index);
                if (root == null) {
                    throw new IllegalStateException("no full tile " + index + " at level " + below);
                }
                return root;
            };
        }
        return written;
    }

    /** Like {@link #grow(long, long, LongFunction, TileReader)}, with the new leaf hashes as a list (leaf m first). */
    public static List<Tile> grow(long m, List<byte[]> newLeafHashes, TileReader existing) {
        Objects.requireNonNull(newLeafHashes, "newLeafHashes");
        return grow(m, m + newLeafHashes.size(), index -> newLeafHashes.get((int) (index - m)), existing);
    }

    /** Writes one level's changed tiles, and the roots of those that are full for the level above. */
    private static void growLevel(int level, long m, long n, LongFunction<byte[]> entry, TileReader existing,
            List<Tile> written, Map<Long, byte[]> fullTileRoots) {
        long oldEntries = entries(level, m);
        long newEntries = entries(level, n);
        for (long tile = oldEntries >>> HEIGHT; tile <= (newEntries - 1) >>> HEIGHT; tile++) {
            int width = width(level, tile, n);
            byte[] hashes = new byte[width * MerkleHash.HASH_BYTES];
            long start = tile * WIDTH;
            int kept = (int) Math.max(0, oldEntries - start);
            if (kept > 0) {
                byte[] old = existing.tile(level, tile, kept);
                if (old == null || old.length < kept * MerkleHash.HASH_BYTES || old.length % MerkleHash.HASH_BYTES != 0) {
                    throw new IllegalStateException("stored tile at level " + level + ", index " + tile
                            + " does not hold " + kept + " hashes");
                }
                System.arraycopy(old, 0, hashes, 0, kept * MerkleHash.HASH_BYTES);
            }
            for (int i = kept; i < width; i++) {
                byte[] hash = entry.apply(start + i);
                MerkleHash.requireHash(hash, "the hash of entry " + (start + i) + " at level " + level);
                System.arraycopy(hash, 0, hashes, i * MerkleHash.HASH_BYTES, MerkleHash.HASH_BYTES);
            }
            written.add(new Tile(level, tile, width, hashes));
            if (width == WIDTH) {
                fullTileRoots.put(tile, tileRoot(hashes));
            }
        }
    }

    /** Returns the root of a full tile: the node 8 levels above its entries. */
    static byte[] tileRoot(byte[] fullTile) {
        byte[] left = nodeFromTile(fullTile, HEIGHT - 1, 0);
        byte[] right = nodeFromTile(fullTile, HEIGHT - 1, 1);
        return MerkleHash.node(left, right);
    }

    private static void requireGrowth(long m, long n) {
        if (m < 0 || n < m) {
            throw new IllegalArgumentException("a tree grows from size m to size n >= m >= 0, got m=" + m + ", n=" + n);
        }
    }
}

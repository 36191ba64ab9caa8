package org.jcm.ledger.state;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The blocks one account holds, in selection order (vintage, project, host, first unit): a two-level
 * sorted array like {@link UnitIndex}, with removal. Selection walks it from the start over
 * contiguous arrays; adding or removing a block shifts at most one chunk of {@value #CHUNK} entries.
 *
 * <p>Each chunk keeps every block's sort key ({@link Block#selectionKey} and {@link Block#first}) in
 * primitive arrays beside the references, so a binary search reads two contiguous arrays instead
 * of dereferencing a block (usually a cache miss) at every probe. The order is the one
 * {@link AccountState#SELECTION_ORDER} spells out as a comparator.
 */
final class HeldBlocks implements Iterable<Block> {

    static final int CHUNK = 64;

    private static final class Chunk {
        final Block[] blocks = new Block[CHUNK];
        final long[] keys = new long[CHUNK];
        final long[] firsts = new long[CHUNK];
        int size;

        /** Opens a gap at {@code pos} (which must be at most {@code size}) and puts {@code b} there. */
        void insert(int pos, Block b) {
            int tail = size - pos;
            System.arraycopy(blocks, pos, blocks, pos + 1, tail);
            System.arraycopy(keys, pos, keys, pos + 1, tail);
            System.arraycopy(firsts, pos, firsts, pos + 1, tail);
            blocks[pos] = b;
            keys[pos] = b.selectionKey;
            firsts[pos] = b.first;
            size++;
        }

        void delete(int pos) {
            int tail = size - pos - 1;
            System.arraycopy(blocks, pos + 1, blocks, pos, tail);
            System.arraycopy(keys, pos + 1, keys, pos, tail);
            System.arraycopy(firsts, pos + 1, firsts, pos, tail);
            blocks[--size] = null;
        }

        /** Moves the entries from {@code from} on to the start of the empty chunk {@code upper}. */
        void moveTail(int from, Chunk upper) {
            int n = size - from;
            System.arraycopy(blocks, from, upper.blocks, 0, n);
            System.arraycopy(keys, from, upper.keys, 0, n);
            System.arraycopy(firsts, from, upper.firsts, 0, n);
            Arrays.fill(blocks, from, size, null);
            upper.size = n;
            size = from;
        }
    }

    private Chunk[] chunks = new Chunk[2];
    private int chunkCount;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean add(Block b) {
        if (chunkCount == 0) {
            insertChunk(0, new Chunk());
        }
        int c = Math.max(0, chunkFor(b.selectionKey, b.first));
        Chunk chunk = chunks[c];
        int pos = search(chunk, b.selectionKey, b.first);
        if (pos >= 0) {
            return false;
        }
        pos = -pos - 1;
        if (chunk.size == CHUNK) {
            Chunk upper = new Chunk();
            int half = CHUNK / 2;
            chunk.moveTail(half, upper);
            insertChunk(c + 1, upper);
            if (pos > half) {
                chunk = upper;
                pos -= half;
            }
        }
        chunk.insert(pos, b);
        size++;
        return true;
    }

    boolean remove(Block b) {
        int c = chunkFor(b.selectionKey, b.first);
        if (c < 0) {
            return false;
        }
        Chunk chunk = chunks[c];
        int pos = search(chunk, b.selectionKey, b.first);
        if (pos < 0) {
            return false;
        }
        chunk.delete(pos);
        size--;
        if (chunk.size == 0) {
            System.arraycopy(chunks, c + 1, chunks, c, chunkCount - c - 1);
            chunks[--chunkCount] = null;
        }
        return true;
    }

    boolean contains(Block b) {
        int c = chunkFor(b.selectionKey, b.first);
        return c >= 0 && search(chunks[c], b.selectionKey, b.first) >= 0;
    }

    private void insertChunk(int at, Chunk chunk) {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        System.arraycopy(chunks, at, chunks, at + 1, chunkCount - at);
        chunks[at] = chunk;
        chunkCount++;
    }

    /** Compares two positions in selection order: selection key (vintage, project, host), then first unit. */
    private static int compare(long key, long first, long otherKey, long otherFirst) {
        int c = Long.compare(key, otherKey);
        return c != 0 ? c : Long.compare(first, otherFirst);
    }

    /** Index of the last chunk whose first block is {@code <=} the key, or -1 (then it sorts before everything). */
    private int chunkFor(long key, long first) {
        int lo = 0;
        int hi = chunkCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Chunk chunk = chunks[mid];
            if (chunk.size > 0 && compare(chunk.keys[0], chunk.firsts[0], key, first) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    /** Position of the key in the chunk, or {@code -(insertion point) - 1}. */
    private static int search(Chunk chunk, long key, long first) {
        long[] keys = chunk.keys;
        long[] firsts = chunk.firsts;
        int lo = 0;
        int hi = chunk.size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = compare(keys[mid], firsts[mid], key, first);
            if (cmp < 0) {
                lo = mid + 1;
            } else if (cmp > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    @Override
    public Iterator<Block> iterator() {
        return new Iterator<>() {
            int c;
            int i;

            @Override
            public boolean hasNext() {
                while (c < chunkCount && i >= chunks[c].size) {
                    c++;
                    i = 0;
                }
                return c < chunkCount;
            }

            @Override
            public Block next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return chunks[c].blocks[i++];
            }
        };
    }
}

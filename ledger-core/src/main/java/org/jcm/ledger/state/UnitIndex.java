package org.jcm.ledger.state;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The live blocks of one (host Party, vintage) numbering, ordered by first unit: a two-level
 * sorted array (chunks of at most {@value #CHUNK} primitive keys under a top-level array of chunk
 * heads). Floor lookups binary-search two small contiguous arrays instead of chasing the ~17
 * pointers of a red-black tree over 100,000 entries, and nothing is boxed. The fold never
 * removes a block; {@link #remove} exists for the undo journal, which takes back blocks that a
 * rolled-back command added.
 */
final class UnitIndex implements Iterable<Block> {

    static final int CHUNK = 64;

    private static final class Chunk {
        final long[] keys = new long[CHUNK];
        final Block[] blocks = new Block[CHUNK];
        int size;
    }

    private long[] heads = new long[8];
    private Chunk[] chunks = new Chunk[8];
    private int chunkCount;
    private int size;

    int size() {
        return size;
    }

    /** The block with the greatest first unit {@code <= unit}, or {@code null}. */
    Block floor(long unit) {
        int c = floorChunk(unit);
        if (c < 0) {
            return null;
        }
        Chunk chunk = chunks[c];
        int i = floorIn(chunk, unit);
        return chunk.blocks[i];
    }

    /** The block starting exactly at {@code first}, or {@code null}. */
    Block get(long first) {
        Block b = floor(first);
        return b != null && b.first == first ? b : null;
    }

    /** Adds a block under its first unit, which must not be present yet. */
    void add(Block block) {
        long key = block.first;
        if (chunkCount == 0) {
            insertChunk(0, new Chunk());
        }
        int c = Math.max(0, floorChunk(key));
        Chunk chunk = chunks[c];
        int pos = floorIn(chunk, key) + 1;
        if (pos > 0 && chunk.keys[pos - 1] == key) {
            throw new IllegalStateException("a block already starts at " + key);
        }
        if (chunk.size == CHUNK) {
            Chunk upper = new Chunk();
            int half = CHUNK / 2;
            System.arraycopy(chunk.keys, half, upper.keys, 0, CHUNK - half);
            System.arraycopy(chunk.blocks, half, upper.blocks, 0, CHUNK - half);
            Arrays.fill(chunk.blocks, half, CHUNK, null);
            upper.size = CHUNK - half;
            chunk.size = half;
            insertChunk(c + 1, upper);
            if (pos > half) {
                chunk = upper;
                pos -= half;
                c++;
            }
        }
        System.arraycopy(chunk.keys, pos, chunk.keys, pos + 1, chunk.size - pos);
        System.arraycopy(chunk.blocks, pos, chunk.blocks, pos + 1, chunk.size - pos);
        chunk.keys[pos] = key;
        chunk.blocks[pos] = block;
        chunk.size++;
        if (pos == 0) {
            heads[c] = key;
        }
        size++;
    }

    /** Removes the block starting at {@code first}; returns whether there was one. */
    boolean remove(long first) {
        int c = floorChunk(first);
        if (c < 0) {
            return false;
        }
        Chunk chunk = chunks[c];
        int pos = floorIn(chunk, first);
        if (pos < 0 || chunk.keys[pos] != first) {
            return false;
        }
        int tail = chunk.size - pos - 1;
        System.arraycopy(chunk.keys, pos + 1, chunk.keys, pos, tail);
        System.arraycopy(chunk.blocks, pos + 1, chunk.blocks, pos, tail);
        chunk.blocks[--chunk.size] = null;
        size--;
        if (chunk.size == 0) {
            System.arraycopy(chunks, c + 1, chunks, c, chunkCount - c - 1);
            System.arraycopy(heads, c + 1, heads, c, chunkCount - c - 1);
            chunks[--chunkCount] = null;
        } else if (pos == 0) {
            heads[c] = chunk.keys[0];
        }
        return true;
    }

    private void insertChunk(int at, Chunk chunk) {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
            heads = Arrays.copyOf(heads, chunkCount * 2);
        }
        System.arraycopy(chunks, at, chunks, at + 1, chunkCount - at);
        System.arraycopy(heads, at, heads, at + 1, chunkCount - at);
        chunks[at] = chunk;
        heads[at] = chunk.size == 0 ? Long.MIN_VALUE : chunk.keys[0];
        chunkCount++;
    }

    /** Index of the last chunk whose head is {@code <= key}, or -1. */
    private int floorChunk(long key) {
        int lo = 0;
        int hi = chunkCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (heads[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    /** Index of the last key {@code <= key} in the chunk, or -1. */
    private static int floorIn(Chunk chunk, long key) {
        int lo = 0;
        int hi = chunk.size - 1;
        long[] keys = chunk.keys;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    /** All blocks by first unit. */
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

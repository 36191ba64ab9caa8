package org.jcm.ledger.ledger;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The blocks one account holds, in selection order (vintage, project, first unit): a two-level
 * sorted array like {@link UnitIndex}, but ordered by a comparator and with removal. Selection
 * walks it from the start over contiguous arrays; adding or removing a block shifts at most one
 * chunk of {@value #CHUNK} references.
 */
final class HeldBlocks implements Iterable<Block> {

    static final int CHUNK = 64;

    private static final class Chunk {
        final Block[] blocks = new Block[CHUNK];
        int size;
    }

    private final Comparator<Block> order;
    private Chunk[] chunks = new Chunk[2];
    private int chunkCount;
    private int size;

    HeldBlocks(Comparator<Block> order) {
        this.order = order;
    }

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
        int c = Math.max(0, chunkFor(b));
        Chunk chunk = chunks[c];
        int pos = search(chunk, b);
        if (pos >= 0) {
            return false;
        }
        pos = -pos - 1;
        if (chunk.size == CHUNK) {
            Chunk upper = new Chunk();
            int half = CHUNK / 2;
            System.arraycopy(chunk.blocks, half, upper.blocks, 0, CHUNK - half);
            Arrays.fill(chunk.blocks, half, CHUNK, null);
            upper.size = CHUNK - half;
            chunk.size = half;
            insertChunk(c + 1, upper);
            if (pos > half) {
                chunk = upper;
                pos -= half;
            }
        }
        System.arraycopy(chunk.blocks, pos, chunk.blocks, pos + 1, chunk.size - pos);
        chunk.blocks[pos] = b;
        chunk.size++;
        size++;
        return true;
    }

    boolean remove(Block b) {
        int c = chunkFor(b);
        if (c < 0) {
            return false;
        }
        Chunk chunk = chunks[c];
        int pos = search(chunk, b);
        if (pos < 0) {
            return false;
        }
        System.arraycopy(chunk.blocks, pos + 1, chunk.blocks, pos, chunk.size - pos - 1);
        chunk.blocks[--chunk.size] = null;
        size--;
        if (chunk.size == 0) {
            System.arraycopy(chunks, c + 1, chunks, c, chunkCount - c - 1);
            chunks[--chunkCount] = null;
        }
        return true;
    }

    boolean contains(Block b) {
        int c = chunkFor(b);
        return c >= 0 && search(chunks[c], b) >= 0;
    }

    private void insertChunk(int at, Chunk chunk) {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        System.arraycopy(chunks, at, chunks, at + 1, chunkCount - at);
        chunks[at] = chunk;
        chunkCount++;
    }

    /** Index of the last chunk whose first block is {@code <= b}, or -1 (then b sorts before everything). */
    private int chunkFor(Block b) {
        int lo = 0;
        int hi = chunkCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Chunk chunk = chunks[mid];
            if (chunk.size > 0 && order.compare(chunk.blocks[0], b) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    /** Position of b in the chunk, or {@code -(insertion point) - 1}. */
    private int search(Chunk chunk, Block b) {
        int lo = 0;
        int hi = chunk.size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = order.compare(chunk.blocks[mid], b);
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

package org.jcm.settlement.witness;

import java.util.List;

/**
 * Leaves to append to the witness's tree: the leaf hashes of the entries with seq
 * {@code fromSize + 1 ..}, in order. The leaf of an entry is {@code SHA-256(0x00 || its canonical
 * event bytes)}, the bytes the registry stores in {@code ledger_event.event_json}.
 *
 * @param fromSize the tree size the leaves continue (the index of the first one)
 * @param leafHashes the leaf hashes, 32 bytes each
 */
public record LeafBatch(long fromSize, List<byte[]> leafHashes) {

    /** Copies the list. */
    public LeafBatch {
        leafHashes = List.copyOf(leafHashes);
    }

    /** True when there is nothing to append. */
    public boolean isEmpty() {
        return leafHashes.isEmpty();
    }

    /** The tree size after the append. */
    public long toSize() {
        return fromSize + leafHashes.size();
    }
}

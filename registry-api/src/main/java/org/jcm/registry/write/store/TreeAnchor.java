package org.jcm.registry.write.store;

import java.util.Arrays;

/**
 * A signed tree head the stored ledger must match: the first {@code size} entries of
 * {@code ledger_event} must hash to {@code root} (docs/transparency-log.md). {@code source} names it
 * in messages, e.g. {@code "checkpoint 1200"}.
 */
public record TreeAnchor(long size, byte[] root, String source) {

    public TreeAnchor {
        if (size < 1 || root == null || root.length != 32) {
            throw new IllegalArgumentException("a tree anchor has a size of at least 1 and a 32-byte root");
        }
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeAnchor a && a.size == size && Arrays.equals(a.root, root) && a.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(root);
    }
}

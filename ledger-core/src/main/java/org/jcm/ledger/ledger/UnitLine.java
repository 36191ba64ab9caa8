package org.jcm.ledger.ledger;

import java.util.TreeMap;

/** The live blocks of one (host Party, vintage) numbering by first unit, and the next unit to issue. */
final class UnitLine {

    final TreeMap<Long, Block> blocks = new TreeMap<>();
    long nextUnit = 1;

    /** The block containing {@code unit}, or {@code null}. */
    Block containing(long unit) {
        var e = blocks.floorEntry(unit);
        if (e == null) {
            return null;
        }
        Block b = e.getValue();
        return b.last >= unit ? b : null;
    }
}

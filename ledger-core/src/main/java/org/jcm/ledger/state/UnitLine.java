package org.jcm.ledger.state;

/** The live blocks of one (host Party, vintage) numbering by first unit, and the next unit to issue. */
final class UnitLine {

    final UnitIndex blocks = new UnitIndex();
    long nextUnit = 1;

    /** The block containing {@code unit}, or {@code null}. */
    Block containing(long unit) {
        Block b = blocks.floor(unit);
        return b != null && b.last >= unit ? b : null;
    }
}

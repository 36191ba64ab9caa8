package org.jcm.ledger.state;

import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.event.BlockRange;

/**
 * The fold's block-level changes that keep the indexes, balances and change tracking in step:
 * carving an event's range out of the live block that holds it, moving a block to another holder,
 * and changing a block's CA state (which moves its units between balance labels).
 */
final class BlockSurgery {

    private final LedgerData data;
    private final JournaledWrites writes;
    private final ChangeTracker changes;

    BlockSurgery(LedgerData data, JournaledWrites writes, ChangeTracker changes) {
        this.data = data;
        this.writes = writes;
        this.changes = changes;
    }

    /**
     * Returns the block that is exactly the range, splitting the block that contains it: the part
     * below stays in the old block (its key is unchanged), the range and the part above become
     * new blocks. The range must lie within one live block with the same project and issuance.
     */
    Block carve(long seq, BlockRange r) {
        UnitLine line = data.line(r.hostParty(), r.vintage());
        Block b = line == null ? null : line.containing(r.first());
        if (b == null || b.last < r.last() || !b.project.equals(r.projectId()) || !b.issuance.equals(r.issuanceId())) {
            throw new InconsistentEventException(seq, "no live block holds " + r.hostParty() + " " + r.vintage() + " "
                    + r.first() + "-" + r.last() + " of " + r.projectId());
        }
        if (b.first < r.first()) {
            b = split(line, b, r.first());
        }
        if (b.last > r.last()) {
            split(line, b, r.last() + 1);
        }
        return b;
    }

    /** Cuts {@code b} before {@code at}: {@code b} keeps {@code [first, at - 1]}; returns the new block {@code [at, last]}. */
    private Block split(UnitLine line, Block b, long at) {
        Block high = b.copy(at, b.last);
        writes.setLast(b, at - 1);
        writes.index(line, high);
        // Same holder, vintage and label: the balance does not change, only the index gains a block.
        writes.holdSplit(b.holder, high);
        changes.touch(b);
        changes.touch(high);
        return high;
    }

    /** The block changes holder. */
    void move(Block b, AccountState to) {
        writes.move(b, to);
        changes.touch(b);
    }

    /** The block's CA state changes; if that changes its label, its units move between the holder's balances. */
    void setCaState(Block b, CaState state) {
        int oldLabel = b.labelOrdinal();
        writes.setCaState(b, state);
        int newLabel = b.labelOrdinal();
        if (oldLabel != newLabel) {
            writes.addBalance(b.holder, b.vintage, oldLabel, -b.size());
            writes.addBalance(b.holder, b.vintage, newLabel, b.size());
            changes.touch(b.holder);
        }
        changes.touch(b);
    }
}

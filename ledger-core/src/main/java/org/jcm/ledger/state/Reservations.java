package org.jcm.ledger.state;

import java.util.ArrayList;
import java.util.List;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.PendingActionId;

/**
 * The fold's reservation of units for a pending action (a pending transfer, a pending cancellation
 * for correction): {@link #reserve} carves the named ranges out of their blocks and marks them
 * reserved for the action, {@link #free} makes exactly those units available again. Every change
 * goes through {@link JournaledWrites}, so a command that fails after reserving is taken back
 * whole. The rules never select reserved units ({@link MovementRules#select} skips them, and naming
 * them is refused {@code units_reserved}), so they leave the account only through their action,
 * which frees them first.
 */
final class Reservations {

    private final LedgerData data;
    private final JournaledWrites writes;
    private final ChangeTracker changes;
    private final BlockSurgery surgery;

    Reservations(LedgerData data, JournaledWrites writes, ChangeTracker changes, BlockSurgery surgery) {
        this.data = data;
        this.writes = writes;
        this.changes = changes;
        this.surgery = surgery;
    }

    /**
     * Reserves {@code ranges} of {@code accountId} for {@code action}: each range must be active,
     * held by the account and available; the event of sequence number {@code seq} is inconsistent
     * otherwise, and so is a second reservation for the same action.
     */
    void reserve(long seq, PendingActionId action, AccountId accountId, List<BlockRange> ranges) {
        AccountState account = data.account(seq, accountId);
        if (data.reservations.containsKey(action)) {
            throw new InconsistentEventException(seq, "units are already reserved for " + action.value());
        }
        long quantity = 0;
        for (int i = 0, n = ranges.size(); i < n; i++) {
            BlockRange r = ranges.get(i);
            Block b = surgery.carve(seq, r);
            if (b.holder != account || b.status != BlockStatus.ACTIVE || b.reservedFor != null) {
                throw new InconsistentEventException(seq, "units " + r.first() + "-" + r.last()
                        + " are not active and available in " + account.id);
            }
            writes.setReservedFor(b, action);
            changes.touch(b);
            quantity += b.size();
        }
        writes.addReserved(account, quantity);
        changes.touch(account);
        writes.put(data.reservations, action, new Reservation(action, accountId, quantity, ranges));
    }

    /**
     * Checks that {@code ranges} (an event's, each within one live block) are exactly the units
     * reserved for {@code action}: each reserved for it, together as many as it reserved. The
     * event of sequence number {@code seq} is inconsistent otherwise.
     */
    void checkReserved(long seq, PendingActionId action, List<BlockRange> ranges) {
        Reservation reservation = data.reservations.get(action);
        long quantity = 0;
        for (int i = 0, n = ranges.size(); i < n; i++) {
            BlockRange r = ranges.get(i);
            UnitLine line = data.line(r.hostParty(), r.vintage());
            Block b = line == null ? null : line.containing(r.first());
            if (b == null || b.last < r.last() || b.reservedFor == null || !b.reservedFor.equals(action)) {
                throw new InconsistentEventException(seq, "units " + r.first() + "-" + r.last() + " are not reserved for "
                        + action.value());
            }
            quantity += r.size();
        }
        if (reservation == null || reservation.quantity() != quantity) {
            throw new InconsistentEventException(seq, "the ranges hold " + quantity + " units, not those reserved for "
                    + action.value());
        }
    }

    /**
     * Frees every unit reserved for {@code action}, which must hold a reservation; returns it. The
     * units stay where they are (the caller moves them if the action executes).
     */
    Reservation free(long seq, PendingActionId action) {
        Reservation reservation = data.reservations.get(action);
        if (reservation == null) {
            throw new InconsistentEventException(seq, "no units are reserved for " + action.value());
        }
        AccountState account = data.account(seq, reservation.accountId());
        List<Units.Piece> pieces = new ArrayList<>();
        for (BlockRange r : reservation.ranges()) {
            Units.collect(data, r, pieces);
        }
        for (Units.Piece p : pieces) {
            Block b = p.block();
            if (b.reservedFor == null || !b.reservedFor.equals(action) || b.holder != account) {
                throw new InconsistentEventException(seq, "units " + p.first() + "-" + p.last() + " are not reserved for "
                        + action.value() + " in " + account.id);
            }
            writes.setReservedFor(b, null);
            changes.touch(b);
        }
        writes.addReserved(account, -reservation.quantity());
        changes.touch(account);
        writes.remove(data.reservations, action);
        return reservation;
    }
}

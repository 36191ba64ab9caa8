package org.jcm.ledger.state;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.event.AuthorizationTerms;
import org.jcm.ledger.id.PendingActionId;
import org.jcm.ledger.id.Vintage;

/**
 * The fold's changes to the ledger's values, each recording its inverse in the {@link UndoJournal}
 * while the journal is on ({@link Undo} applies the inverses). With the journal off, each is the
 * bare change: no entry, no allocation. Change tracking is the caller's: these only change values.
 */
final class JournaledWrites {

    private final LedgerData data;
    private final UndoJournal journal;

    JournaledWrites(LedgerData data, UndoJournal journal) {
        this.data = data;
        this.journal = journal;
    }

    // ------------------------------------------------------------------ counters and collections

    /** One more event is folded. */
    void advanceSeq() {
        if (journal.on()) {
            journal.push(UndoOp.NEXT_SEQ, null, null, null, data.nextSeq, 0);
        }
        data.nextSeq++;
    }

    /** The next issuance request number is taken. */
    void advanceRequestNumber() {
        if (journal.on()) {
            journal.push(UndoOp.NEXT_REQUEST_NUMBER, null, null, null, data.nextIssuanceRequestNumber, 0);
        }
        data.nextIssuanceRequestNumber++;
    }

    /** The next pending transfer number is taken. */
    void advancePendingTransferNumber() {
        if (journal.on()) {
            journal.push(UndoOp.NEXT_PENDING_TRANSFER, null, null, null, data.nextPendingTransferNumber, 0);
        }
        data.nextPendingTransferNumber++;
    }

    <K, V> void put(Map<K, V> map, K key, V value) {
        V old = map.put(key, value);
        if (journal.on()) {
            journal.push(UndoOp.MAP, map, key, old, 0, 0);
        }
    }

    <K, V> void remove(Map<K, V> map, K key) {
        V old = map.remove(key);
        if (journal.on() && old != null) {
            journal.push(UndoOp.MAP, map, key, old, 0, 0);
        }
    }

    <T> void add(Set<T> set, T value) {
        if (set.add(value) && journal.on()) {
            journal.push(UndoOp.COLLECTION_ADD, set, value, null, 0, 0);
        }
    }

    <T> void add(List<T> list, T value) {
        list.add(value);
        if (journal.on()) {
            journal.push(UndoOp.LIST_ADD, list, null, null, 0, 0);
        }
    }

    <T> void set(T[] array, int index, T value) {
        if (journal.on()) {
            journal.push(UndoOp.ARRAY_SLOT, array, array[index], null, 0, index);
        }
        array[index] = value;
    }

    // ------------------------------------------------------------------ blocks

    /** The block now ends at {@code last} (a split keeps its lower part). */
    void setLast(Block b, long last) {
        if (journal.on()) {
            journal.push(UndoOp.BLOCK_LAST, b, null, null, b.last, 0);
        }
        b.last = last;
    }

    void setStatus(Block b, BlockStatus status) {
        if (journal.on()) {
            journal.push(UndoOp.BLOCK_STATUS, b, b.status, null, 0, 0);
        }
        b.status = status;
    }

    void setAuthorization(Block b, AuthorizationState auth) {
        if (journal.on()) {
            journal.push(UndoOp.BLOCK_AUTHORIZATION, b, b.authorization, null, 0, 0);
        }
        b.authorization = auth;
    }

    /** Sets the CA state alone; the balances by label are the caller's ({@link BlockSurgery#setCaState}). */
    void setCaState(Block b, CaState state) {
        if (journal.on()) {
            journal.push(UndoOp.BLOCK_CA_STATE, b, b.caState, null, 0, 0);
        }
        b.caState = state;
    }

    void setFirstTransferred(Block b) {
        if (journal.on()) {
            journal.push(UndoOp.BLOCK_FIRST_TRANSFERRED, b, null, null, b.firstTransferred ? 1 : 0, 0);
        }
        b.firstTransferred = true;
    }

    /** The block becomes reserved for {@code action}, or available again ({@code null}). */
    void setReservedFor(Block b, PendingActionId action) {
        if (journal.on()) {
            journal.push(UndoOp.BLOCK_RESERVED, b, b.reservedFor, null, 0, 0);
        }
        b.reservedFor = action;
    }

    /** The block changes holder (index and balances of both); on failure it stays where it was. */
    void move(Block b, AccountState to) {
        AccountState from = b.holder;
        from.remove(b);
        b.holder = to;
        try {
            to.add(b);
        } catch (RuntimeException e) {
            b.holder = from;
            from.add(b);
            throw e;
        }
        if (journal.on()) {
            journal.push(UndoOp.MOVED, b, from, null, 0, 0);
        }
    }

    // ------------------------------------------------------------------ accounts, lines and registries

    /** The account comes to hold the new block (index and balance). */
    void hold(AccountState a, Block b) {
        a.add(b);
        if (journal.on()) {
            journal.push(UndoOp.HELD, a, b, null, 0, 0);
        }
    }

    /** The account's index gains a block split off one it holds: same vintage and label, same balance. */
    void holdSplit(AccountState a, Block high) {
        if (!a.blocks.add(high)) {
            throw new IllegalStateException("split produced a duplicate index entry: " + high);
        }
        if (journal.on()) {
            journal.push(UndoOp.HELD_INDEX, a, high, null, 0, 0);
        }
    }

    void addBalance(AccountState a, Vintage vintage, int label, long delta) {
        a.addBalance(vintage, label, delta);
        if (journal.on()) {
            journal.push(UndoOp.BALANCE, a, vintage, null, delta, label);
        }
    }

    void addReserved(AccountState a, long delta) {
        if (journal.on()) {
            journal.push(UndoOp.RESERVED_UNITS, a, null, null, a.reservedUnits, 0);
        }
        a.reservedUnits += delta;
    }

    void setFrozen(AccountState a, boolean frozen) {
        if (journal.on()) {
            journal.push(UndoOp.FROZEN, a, null, null, a.frozen ? 1 : 0, 0);
        }
        a.frozen = frozen;
    }

    void close(AccountState a) {
        if (journal.on()) {
            journal.push(UndoOp.CLOSED, a, null, null, a.closed ? 1 : 0, 0);
        }
        a.closed = true;
    }

    /** Adds a new block to its line's index and counts it. */
    void index(UnitLine line, Block b) {
        line.blocks.add(b);
        data.liveBlockCount++;
        if (journal.on()) {
            journal.push(UndoOp.UNIT_INDEX, line, b, null, 0, 0);
        }
    }

    void setNextUnit(UnitLine line, long next) {
        if (journal.on()) {
            journal.push(UndoOp.NEXT_UNIT, line, null, null, line.nextUnit, 0);
        }
        line.nextUnit = next;
    }

    void advanceOrganizationNumber(RegistryState r) {
        if (journal.on()) {
            journal.push(UndoOp.NEXT_ORGANIZATION, r, null, null, r.nextOrganization, 0);
        }
        r.nextOrganization++;
    }

    void advanceAccountNumber(RegistryState r) {
        if (journal.on()) {
            journal.push(UndoOp.NEXT_ACCOUNT, r, null, null, r.nextAccount, 0);
        }
        r.nextAccount++;
    }

    // ------------------------------------------------------------------ authorizations

    void setTerms(AuthorizationState auth, AuthorizationTerms terms) {
        if (journal.on()) {
            journal.push(UndoOp.AUTH_TERMS, auth, auth.terms, null, 0, 0);
        }
        auth.terms = terms;
    }

    void addUnits(AuthorizationState auth, long units) {
        if (journal.on()) {
            journal.push(UndoOp.AUTH_UNITS, auth, null, null, auth.unitCount, 0);
        }
        auth.unitCount += units;
    }

    void addFirstTransferredUnits(AuthorizationState auth, long units) {
        if (journal.on()) {
            journal.push(UndoOp.AUTH_FIRST_TRANSFERRED_UNITS, auth, null, null, auth.firstTransferredUnits, 0);
        }
        auth.firstTransferredUnits += units;
    }

    void revoke(AuthorizationState auth) {
        if (journal.on()) {
            journal.push(UndoOp.AUTH_REVOKED, auth, null, null, auth.revoked ? 1 : 0, 0);
        }
        auth.revoked = true;
    }
}

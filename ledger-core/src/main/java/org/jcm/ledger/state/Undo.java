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
 * Takes changes back: reverses {@link UndoJournal} entries newest first, each by the kind
 * {@link UndoOp} gives it, until the journal is back at a mark. Entries of change tracking are
 * reversed by {@link ChangeTracker} itself; all others here, one method per group of kinds.
 */
final class Undo {

    private final LedgerData data;
    private final ChangeTracker changes;
    private final UndoJournal journal;

    Undo(LedgerData data, ChangeTracker changes, UndoJournal journal) {
        this.data = data;
        this.changes = changes;
        this.journal = journal;
    }

    /** Reverses every entry after {@code mark}, newest first. */
    void rollbackTo(int mark) {
        while (journal.size() > mark) {
            undoNewest();
        }
    }

    /** Reverses the newest journal entry and removes it. */
    private void undoNewest() {
        int at = journal.size() - 1;
        int op = journal.op(at);
        Object a = journal.first(at);
        Object b = journal.second(at);
        Object c = journal.third(at);
        long n = journal.longValue(at);
        int i = journal.intValue(at);
        journal.pop();
        switch (UndoOp.group(op)) {
            case UndoOp.LEDGER:
                undoLedger(op, a, b, c, n, i);
                break;
            case UndoOp.TRACKING_GROUP:
                changes.undo(op, a, n, i);
                break;
            case UndoOp.BLOCK:
                undoBlock(op, (Block) a, b, n);
                break;
            case UndoOp.HOLDINGS:
                undoHoldings(op, a, b, n, i);
                break;
            case UndoOp.AUTHORIZATION:
                undoAuthorization(op, (AuthorizationState) a, b, n);
                break;
            default:
                throw unknown(op);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void undoLedger(int op, Object a, Object b, Object c, long n, int i) {
        switch (op) {
            case UndoOp.NEXT_SEQ:
                data.nextSeq = n;
                break;
            case UndoOp.NEXT_REQUEST_NUMBER:
                data.nextIssuanceRequestNumber = n;
                break;
            case UndoOp.NEXT_PENDING_TRANSFER:
                data.nextPendingTransferNumber = n;
                break;
            case UndoOp.MAP:
                if (c == null) {
                    ((Map) a).remove(b);
                } else {
                    ((Map) a).put(b, c);
                }
                break;
            case UndoOp.COLLECTION_ADD:
                ((Set) a).remove(b);
                break;
            case UndoOp.LIST_ADD:
                List<?> list = (List<?>) a;
                list.remove(list.size() - 1);
                break;
            case UndoOp.ARRAY_SLOT:
                ((Object[]) a)[i] = b;
                break;
            default:
                throw unknown(op);
        }
    }

    private static void undoBlock(int op, Block block, Object b, long n) {
        switch (op) {
            case UndoOp.MOVED:
                block.holder.remove(block);
                block.holder = (AccountState) b;
                block.holder.add(block);
                break;
            case UndoOp.BLOCK_LAST:
                block.last = n;
                break;
            case UndoOp.BLOCK_STATUS:
                block.status = (BlockStatus) b;
                break;
            case UndoOp.BLOCK_AUTHORIZATION:
                block.authorization = (AuthorizationState) b;
                break;
            case UndoOp.BLOCK_CA_STATE:
                block.caState = (CaState) b;
                break;
            case UndoOp.BLOCK_FIRST_TRANSFERRED:
                block.firstTransferred = n != 0;
                break;
            case UndoOp.BLOCK_RESERVED:
                block.reservedFor = (PendingActionId) b;
                break;
            default:
                throw unknown(op);
        }
    }

    private void undoHoldings(int op, Object a, Object b, long n, int i) {
        switch (op) {
            case UndoOp.HELD:
                ((AccountState) a).remove((Block) b);
                break;
            case UndoOp.HELD_INDEX:
                if (!((AccountState) a).blocks.remove((Block) b)) {
                    throw new IllegalStateException("undo: " + b + " is not in the index of " + ((AccountState) a).id);
                }
                break;
            case UndoOp.BALANCE:
                ((AccountState) a).addBalance((Vintage) b, i, -n);
                break;
            case UndoOp.FROZEN:
                ((AccountState) a).frozen = n != 0;
                break;
            case UndoOp.CLOSED:
                ((AccountState) a).closed = n != 0;
                break;
            case UndoOp.UNIT_INDEX:
                if (!((UnitLine) a).blocks.remove(((Block) b).first)) {
                    throw new IllegalStateException("undo: no block starts at " + ((Block) b).first);
                }
                data.liveBlockCount--;
                break;
            case UndoOp.NEXT_UNIT:
                ((UnitLine) a).nextUnit = n;
                break;
            case UndoOp.NEXT_ORGANIZATION:
                ((RegistryState) a).nextOrganization = n;
                break;
            case UndoOp.NEXT_ACCOUNT:
                ((RegistryState) a).nextAccount = n;
                break;
            case UndoOp.RESERVED_UNITS:
                ((AccountState) a).reservedUnits = n;
                break;
            default:
                throw unknown(op);
        }
    }

    private static void undoAuthorization(int op, AuthorizationState auth, Object b, long n) {
        switch (op) {
            case UndoOp.AUTH_TERMS:
                auth.terms = (AuthorizationTerms) b;
                break;
            case UndoOp.AUTH_UNITS:
                auth.unitCount = n;
                break;
            case UndoOp.AUTH_FIRST_TRANSFERRED_UNITS:
                auth.firstTransferredUnits = n;
                break;
            case UndoOp.AUTH_REVOKED:
                auth.revoked = n != 0;
                break;
            default:
                throw unknown(op);
        }
    }

    private static IllegalStateException unknown(int op) {
        return new IllegalStateException("unknown undo operation " + op);
    }
}

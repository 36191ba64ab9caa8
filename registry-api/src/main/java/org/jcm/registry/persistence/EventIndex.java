package org.jcm.registry.persistence;

import java.util.List;
import org.jcm.ledger.event.AccountClosed;
import org.jcm.ledger.event.AccountFrozen;
import org.jcm.ledger.event.AccountOpened;
import org.jcm.ledger.event.AccountUnfrozen;
import org.jcm.ledger.event.AuthorizationAmended;
import org.jcm.ledger.event.AuthorizationRevoked;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CorrespondingAdjustmentApplied;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.RegistryRegistered;
import org.jcm.ledger.event.UnitsAuthorized;

/**
 * Derives the index rows of one event: the accounts it touches ({@code event_account}), the unit
 * ranges it names ({@code event_units}) and its {@code first_transfer} row.
 */
public final class EventIndex {

    private EventIndex() {
    }

    /** Adds the index rows of {@code event} to {@code rows}. */
    public static void add(LedgerEvent event, BatchRows rows) {
        long seq = event.seq();
        if (event instanceof CreditsTransferred e) {
            rows.touchesAccount(e.fromAccountId().value(), seq);
            rows.touchesAccount(e.toAccountId().value(), seq);
            ranges(e.ranges(), seq, rows);
        } else if (event instanceof CreditsIssued e) {
            for (IssuedAllocation a : e.allocations()) {
                rows.touchesAccount(a.accountId().value(), seq);
                rows.namesUnits(e.hostParty().value(), e.vintage().year(), a.first(), a.last(), seq);
            }
        } else if (event instanceof CreditsCancelled e) {
            rows.touchesAccount(e.fromAccountId().value(), seq);
            rows.touchesAccount(e.toAccountId().value(), seq);
            ranges(e.ranges(), seq, rows);
        } else if (event instanceof CreditsRetired e) {
            rows.touchesAccount(e.fromAccountId().value(), seq);
            rows.touchesAccount(e.toAccountId().value(), seq);
            ranges(e.ranges(), seq, rows);
        } else if (event instanceof FirstTransferRecorded e) {
            ranges(e.ranges(), seq, rows);
            rows.firstTransfer(e);
        } else if (event instanceof UnitsAuthorized e) {
            ranges(e.ranges(), seq, rows);
        } else if (event instanceof AuthorizationAmended e) {
            ranges(e.ranges(), seq, rows);
        } else if (event instanceof AuthorizationRevoked e) {
            ranges(e.ranges(), seq, rows);
        } else if (event instanceof CorrespondingAdjustmentApplied e) {
            ranges(e.ranges(), seq, rows);
        } else if (event instanceof AccountOpened e) {
            rows.touchesAccount(e.accountId().value(), seq);
        } else if (event instanceof AccountFrozen e) {
            rows.touchesAccount(e.accountId().value(), seq);
        } else if (event instanceof AccountUnfrozen e) {
            rows.touchesAccount(e.accountId().value(), seq);
        } else if (event instanceof AccountClosed e) {
            rows.touchesAccount(e.accountId().value(), seq);
        } else if (event instanceof RegistryRegistered e) {
            rows.touchesAccount(e.cancellationAccountId().value(), seq);
            rows.touchesAccount(e.retirementAccountId().value(), seq);
        }
    }

    private static void ranges(List<BlockRange> ranges, long seq, BatchRows rows) {
        for (int i = 0, n = ranges.size(); i < n; i++) {
            BlockRange r = ranges.get(i);
            rows.namesUnits(r.hostParty().value(), r.vintage().year(), r.first(), r.last(), seq);
        }
    }
}

package org.jcm.ledger.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.event.PendingTransferApproved;
import org.jcm.ledger.event.PendingTransferCancelled;
import org.jcm.ledger.event.PendingTransferExecuted;
import org.jcm.ledger.event.PendingTransferExpired;
import org.jcm.ledger.event.TransferPended;
import org.jcm.ledger.event.TransferPolicySet;
import org.jcm.ledger.event.TrustedAccountAdded;
import org.jcm.ledger.event.TrustedAccountRemoved;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.PendingTransferId;

/**
 * The fold of the transfer controls: policies, trusted-account lists, and pending transfers from
 * their reservation ({@link TransferPended}) to their end (executed, cancelled or expired), which
 * frees the reserved units; an execution then moves them like {@link CreditFold#transferred}.
 */
final class TransferControlFold {

    private final LedgerData data;
    private final JournaledWrites writes;
    private final CreditFold credits;
    private final Reservations reservations;

    TransferControlFold(LedgerData data, JournaledWrites writes, CreditFold credits, Reservations reservations) {
        this.data = data;
        this.writes = writes;
        this.credits = credits;
        this.reservations = reservations;
    }

    void policySet(TransferPolicySet e) {
        if (!data.organizations.containsKey(e.organizationId())) {
            throw new InconsistentEventException(e.seq(), "unknown organization " + e.organizationId());
        }
        writes.put(data.transferPolicies, e.organizationId(), new TransferPolicy(e.approvalThreshold(),
                e.untrustedNeedsApproval(), e.untrustedDelay()));
    }

    void trustedAdded(TrustedAccountAdded e) {
        if (!data.organizations.containsKey(e.organizationId())) {
            throw new InconsistentEventException(e.seq(), "unknown organization " + e.organizationId());
        }
        data.account(e.seq(), e.accountId());
        Map<AccountId, Instant> list = data.trustedAccounts.get(e.organizationId());
        if (list == null) {
            list = new HashMap<>();
            writes.put(data.trustedAccounts, e.organizationId(), list);
        }
        if (list.containsKey(e.accountId())) {
            throw new InconsistentEventException(e.seq(), e.accountId() + " is already on the list of " + e.organizationId());
        }
        writes.put(list, e.accountId(), e.effectiveAt());
    }

    void trustedRemoved(TrustedAccountRemoved e) {
        Map<AccountId, Instant> list = data.trustedAccounts.get(e.organizationId());
        if (list == null || !list.containsKey(e.accountId())) {
            throw new InconsistentEventException(e.seq(), e.accountId() + " is not on the list of " + e.organizationId());
        }
        writes.remove(list, e.accountId());
    }

    void pended(TransferPended e) {
        if (e.pendingTransferId().number() != data.nextPendingTransferNumber) {
            throw new InconsistentEventException(e.seq(), "expected pending transfer number " + data.nextPendingTransferNumber);
        }
        AccountState from = data.holdingAccount(e.seq(), e.fromAccountId());
        data.holdingAccount(e.seq(), e.toAccountId());
        if (!e.organizationId().equals(from.organizationId)) {
            throw new InconsistentEventException(e.seq(), e.fromAccountId() + " is not an account of " + e.organizationId());
        }
        reservations.reserve(e.seq(), e.pendingTransferId(), e.fromAccountId(), e.ranges());
        CreditFold.checkQuantity(e.seq(), data.reservations.get(e.pendingTransferId()).quantity(), e.quantity());
        writes.advancePendingTransferNumber();
        PendingTransfer pt = new PendingTransfer(e.pendingTransferId(), e.organizationId(), e.actor(), e.at(),
                e.fromAccountId(), e.toAccountId(), e.quantity(), e.ranges(), e.trade(), e.memo(), e.destinationTrusted(),
                e.approvalRequired(), e.delay(), e.expiresAt(), e.executeAt(),
                e.approvalRequired() ? PendingTransferStatus.AWAITING_APPROVAL : PendingTransferStatus.SCHEDULED,
                Optional.empty(), Optional.empty(), Optional.empty());
        writes.put(data.pendingTransfers, pt.id(), pt);
        writes.put(data.openTransfers, pt.id(), pt);
    }

    void approved(PendingTransferApproved e) {
        PendingTransfer pt = open(e.seq(), e.pendingTransferId());
        if (pt.status() != PendingTransferStatus.AWAITING_APPROVAL) {
            throw new InconsistentEventException(e.seq(), pt.id() + " is " + pt.status() + ", not awaiting approval");
        }
        update(pt.approved(e.actor(), e.executeAt()));
    }

    void executed(PendingTransferExecuted e) {
        PendingTransfer pt = open(e.seq(), e.pendingTransferId());
        if (pt.status() != PendingTransferStatus.SCHEDULED || pt.quantity() != e.quantity()
                || !pt.fromAccountId().equals(e.fromAccountId()) || !pt.toAccountId().equals(e.toAccountId())) {
            throw new InconsistentEventException(e.seq(), pt.id() + " is " + pt.status() + " or differs from its execution");
        }
        reservations.checkReserved(e.seq(), pt.id(), e.ranges());
        reservations.free(e.seq(), pt.id());
        credits.transferred(e.asTransfer());
        end(pt.ended(PendingTransferStatus.EXECUTED, e.at(), Optional.empty()));
    }

    void cancelled(PendingTransferCancelled e) {
        PendingTransfer pt = open(e.seq(), e.pendingTransferId());
        reservations.free(e.seq(), pt.id());
        end(pt.ended(PendingTransferStatus.CANCELLED, e.at(), Optional.of(e.reason())));
    }

    void expired(PendingTransferExpired e) {
        PendingTransfer pt = open(e.seq(), e.pendingTransferId());
        if (pt.status() != PendingTransferStatus.AWAITING_APPROVAL) {
            throw new InconsistentEventException(e.seq(), pt.id() + " is " + pt.status() + ", not awaiting approval");
        }
        reservations.free(e.seq(), pt.id());
        end(pt.ended(PendingTransferStatus.EXPIRED, e.at(), Optional.empty()));
    }

    private PendingTransfer open(long seq, PendingTransferId id) {
        PendingTransfer pt = data.openTransfers.get(id);
        if (pt == null) {
            throw new InconsistentEventException(seq, "no open pending transfer " + id);
        }
        return pt;
    }

    private void update(PendingTransfer pt) {
        writes.put(data.pendingTransfers, pt.id(), pt);
        writes.put(data.openTransfers, pt.id(), pt);
    }

    private void end(PendingTransfer pt) {
        writes.put(data.pendingTransfers, pt.id(), pt);
        writes.remove(data.openTransfers, pt.id());
    }
}

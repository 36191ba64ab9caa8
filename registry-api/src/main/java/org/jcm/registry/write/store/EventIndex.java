package org.jcm.registry.write.store;

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
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.OrganizationRegistered;
import org.jcm.ledger.event.PendingTransferApproved;
import org.jcm.ledger.event.PendingTransferCancelled;
import org.jcm.ledger.event.PendingTransferExecuted;
import org.jcm.ledger.event.PendingTransferExpired;
import org.jcm.ledger.event.TransferPended;
import org.jcm.ledger.event.TransferPolicySet;
import org.jcm.ledger.event.TrustedAccountAdded;
import org.jcm.ledger.event.TrustedAccountRemoved;
import org.jcm.ledger.event.PartyRegistered;
import org.jcm.ledger.event.PartyUpdated;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.event.ProposalApproved;
import org.jcm.ledger.event.ProposalExpired;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.event.ProposalRejected;
import org.jcm.ledger.event.RegistryRegistered;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.id.AccountId;

/**
 * Derives the index rows of one event: the accounts it touches ({@code event_account}), the unit
 * ranges it names ({@code event_units}) and its {@code first_transfer} row.
 */
public final class EventIndex implements LedgerEvent.Visitor<Void> {

    private final BatchRows rows;

    /** The index of the writer that fills {@code rows}: one instance per writer, so indexing allocates nothing per event. */
    public EventIndex(BatchRows rows) {
        this.rows = rows;
    }

    /** Adds the index rows of {@code event} to the rows of this index. */
    public void add(LedgerEvent event) {
        event.accept(this);
    }

    @Override
    public Void visitPartyRegistered(PartyRegistered e) {
        return null; // reference data names no account or units
    }

    @Override
    public Void visitPartyUpdated(PartyUpdated e) {
        return null; // reference data names no account or units
    }

    @Override
    public Void visitRegistryRegistered(RegistryRegistered e) {
        rows.touchesAccount(e.cancellationAccountId().value(), e.seq());
        rows.touchesAccount(e.retirementAccountId().value(), e.seq());
        return null;
    }

    @Override
    public Void visitOrganizationRegistered(OrganizationRegistered e) {
        return null; // an organization is no account
    }

    @Override
    public Void visitAccountOpened(AccountOpened e) {
        rows.touchesAccount(e.accountId().value(), e.seq());
        return null;
    }

    @Override
    public Void visitAccountFrozen(AccountFrozen e) {
        rows.touchesAccount(e.accountId().value(), e.seq());
        return null;
    }

    @Override
    public Void visitAccountUnfrozen(AccountUnfrozen e) {
        rows.touchesAccount(e.accountId().value(), e.seq());
        return null;
    }

    @Override
    public Void visitAccountClosed(AccountClosed e) {
        rows.touchesAccount(e.accountId().value(), e.seq());
        return null;
    }

    @Override
    public Void visitProjectRegistered(ProjectRegistered e) {
        return null; // reference data names no account or units
    }

    @Override
    public Void visitIssuanceRequested(IssuanceRequested e) {
        return null; // a request names no account or units
    }

    @Override
    public Void visitCreditsIssued(CreditsIssued e) {
        for (IssuedAllocation a : e.allocations()) {
            rows.touchesAccount(a.accountId().value(), e.seq());
            rows.namesUnits(e.hostParty().value(), e.vintage().year(), a.first(), a.last(), e.seq());
        }
        return null;
    }

    @Override
    public Void visitCreditsTransferred(CreditsTransferred e) {
        rows.touchesAccount(e.fromAccountId().value(), e.seq());
        rows.touchesAccount(e.toAccountId().value(), e.seq());
        ranges(e.ranges(), e.seq());
        return null;
    }

    @Override
    public Void visitCreditsCancelled(CreditsCancelled e) {
        rows.touchesAccount(e.fromAccountId().value(), e.seq());
        rows.touchesAccount(e.toAccountId().value(), e.seq());
        ranges(e.ranges(), e.seq());
        return null;
    }

    @Override
    public Void visitCreditsRetired(CreditsRetired e) {
        rows.touchesAccount(e.fromAccountId().value(), e.seq());
        rows.touchesAccount(e.toAccountId().value(), e.seq());
        ranges(e.ranges(), e.seq());
        return null;
    }

    @Override
    public Void visitUnitsAuthorized(UnitsAuthorized e) {
        ranges(e.ranges(), e.seq());
        return null;
    }

    @Override
    public Void visitAuthorizationAmended(AuthorizationAmended e) {
        ranges(e.ranges(), e.seq());
        return null;
    }

    @Override
    public Void visitAuthorizationRevoked(AuthorizationRevoked e) {
        ranges(e.ranges(), e.seq());
        return null;
    }

    @Override
    public Void visitFirstTransferRecorded(FirstTransferRecorded e) {
        ranges(e.ranges(), e.seq());
        rows.firstTransfer(e);
        return null;
    }

    @Override
    public Void visitCorrespondingAdjustmentApplied(CorrespondingAdjustmentApplied e) {
        ranges(e.ranges(), e.seq());
        return null;
    }

    @Override
    public Void visitTransferPolicySet(TransferPolicySet e) {
        rows.controls.add(ControlRows.policy(e)); // an organization's policy names no account or units
        return null;
    }

    @Override
    public Void visitTrustedAccountAdded(TrustedAccountAdded e) {
        rows.controls.add(ControlRows.trusted(e)); // an entry of an organization's list: nothing happens to the account
        return null;
    }

    @Override
    public Void visitTrustedAccountRemoved(TrustedAccountRemoved e) {
        rows.controls.add(ControlRows.untrusted(e)); // an entry of an organization's list: nothing happens to the account
        return null;
    }

    @Override
    public Void visitTransferPended(TransferPended e) {
        // The source account's units are reserved; the destination and the public unit history see
        // the transfer only when it executes (PendingTransferExecuted).
        rows.touchesAccount(e.fromAccountId().value(), e.seq());
        ControlRows.pended(e, rows.controls);
        return null;
    }

    @Override
    public Void visitPendingTransferApproved(PendingTransferApproved e) {
        rows.controls.add(ControlRows.approved(e)); // names only the pending transfer; TransferPended indexes the source
        return null;
    }

    @Override
    public Void visitPendingTransferExecuted(PendingTransferExecuted e) {
        rows.touchesAccount(e.fromAccountId().value(), e.seq());
        rows.touchesAccount(e.toAccountId().value(), e.seq());
        ranges(e.ranges(), e.seq());
        ControlRows.executed(e, rows.controls);
        return null;
    }

    @Override
    public Void visitPendingTransferCancelled(PendingTransferCancelled e) {
        ControlRows.cancelled(e, rows.controls); // names only the pending transfer; no unit moved
        return null;
    }

    @Override
    public Void visitPendingTransferExpired(PendingTransferExpired e) {
        ControlRows.expired(e, rows.controls); // names only the pending transfer; no unit moved
        return null;
    }

    private void ranges(List<BlockRange> ranges, long seq) {
        for (int i = 0, n = ranges.size(); i < n; i++) {
            BlockRange r = ranges.get(i);
            rows.namesUnits(r.hostParty().value(), r.vintage().year(), r.first(), r.last(), seq);
        }
    }

    @Override
    public Void visitProposalMade(ProposalMade e) {
        // A pending action concerns the accounts it names: their history shows it. Its reserved
        // units are not indexed in event_units: the public unit history shows only what happened
        // to units (the approved cancellation's own event), never a pending proposal.
        for (AccountId account : e.action().accountIds()) {
            rows.touchesAccount(account.value(), e.seq());
        }
        ControlRows.proposed(e, rows.controls);
        return null;
    }

    @Override
    public Void visitProposalApproved(ProposalApproved e) {
        // Names no account itself: the approved action's events that follow it are indexed as usual.
        rows.controls.add(ControlRows.proposalEnded(e.proposalId().value()));
        return null;
    }

    @Override
    public Void visitProposalRejected(ProposalRejected e) {
        // Names only the proposal (found by its id); the action never happened.
        rows.controls.add(ControlRows.proposalEnded(e.proposalId().value()));
        return null;
    }

    @Override
    public Void visitProposalExpired(ProposalExpired e) {
        // Names only the proposal (found by its id); the action never happened.
        rows.controls.add(ControlRows.proposalEnded(e.proposalId().value()));
        return null;
    }

    @Override
    public Void visitProjectCycleEvent(org.jcm.ledger.event.ProjectCycleEvent e) {
        // Names no units, accounts or pending actions; methodologies and third-party entities have tables.
        CycleRows.add(e, rows);
        return null;
    }
}

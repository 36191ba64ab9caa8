package org.jcm.ledger.state;

import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.event.AccountClosed;
import org.jcm.ledger.event.AccountFrozen;
import org.jcm.ledger.event.AccountOpened;
import org.jcm.ledger.event.AccountUnfrozen;
import org.jcm.ledger.event.AuthorizationAmended;
import org.jcm.ledger.event.AuthorizationRevoked;
import org.jcm.ledger.event.CorrespondingAdjustmentApplied;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.OrganizationRegistered;
import org.jcm.ledger.event.PartyRegistered;
import org.jcm.ledger.event.PartyUpdated;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.event.ProposalApproved;
import org.jcm.ledger.event.ProposalExpired;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.event.ProposalRejected;
import org.jcm.ledger.event.RegistryRegistered;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.event.PendingTransferApproved;
import org.jcm.ledger.event.PendingTransferCancelled;
import org.jcm.ledger.event.PendingTransferExecuted;
import org.jcm.ledger.event.PendingTransferExpired;
import org.jcm.ledger.event.TransferPended;
import org.jcm.ledger.event.TransferPolicySet;
import org.jcm.ledger.event.TrustedAccountAdded;
import org.jcm.ledger.event.TrustedAccountRemoved;

/**
 * The fold's dispatch on the event type, in the order of {@link LedgerEvent}'s permitted records:
 * reference data to {@link ReferenceFold}, credits to {@link CreditFold}, Article 6.2 to
 * {@link Article6Fold}, transfer controls to {@link TransferControlFold}, proposals of
 * four-eyes actions to {@link ProposalFold}, the project cycle to {@link ProjectCycleFold}. One per state, so that folding allocates nothing for
 * the dispatch; a new event type does not compile until this says how it changes the state.
 */
final class Fold implements LedgerEvent.Visitor<Void> {

    private final ReferenceFold reference;
    private final CreditFold credits;
    private final Article6Fold article6;
    /** Reserving and freeing units for pending actions, shared by the folds of those actions. */
    private final Reservations reservations;
    private final TransferControlFold transfers;
    private final ProposalFold proposals;
    private final ProjectCycleFold cycle;

    Fold(LedgerData data, JournaledWrites writes, ChangeTracker changes) {
        BlockSurgery surgery = new BlockSurgery(data, writes, changes);
        this.reference = new ReferenceFold(data, writes, changes);
        this.credits = new CreditFold(data, writes, changes, surgery);
        this.article6 = new Article6Fold(data, writes, changes, surgery);
        this.reservations = new Reservations(data, writes, changes, surgery);
        this.transfers = new TransferControlFold(data, writes, credits, reservations);
        this.proposals = new ProposalFold(data, writes, reservations);
        this.cycle = new ProjectCycleFold(data, writes);
    }

    @Override
    public Void visitPartyRegistered(PartyRegistered e) {
        reference.party(e.seq(), e.party(), true);
        return null;
    }

    @Override
    public Void visitPartyUpdated(PartyUpdated e) {
        reference.party(e.seq(), e.party(), false);
        return null;
    }

    @Override
    public Void visitRegistryRegistered(RegistryRegistered e) {
        reference.registry(e);
        return null;
    }

    @Override
    public Void visitOrganizationRegistered(OrganizationRegistered e) {
        reference.organization(e);
        return null;
    }

    @Override
    public Void visitAccountOpened(AccountOpened e) {
        reference.accountOpened(e);
        return null;
    }

    @Override
    public Void visitAccountFrozen(AccountFrozen e) {
        reference.frozen(e.seq(), e.accountId(), true);
        return null;
    }

    @Override
    public Void visitAccountUnfrozen(AccountUnfrozen e) {
        reference.frozen(e.seq(), e.accountId(), false);
        return null;
    }

    @Override
    public Void visitAccountClosed(AccountClosed e) {
        reference.closed(e);
        return null;
    }

    @Override
    public Void visitProjectRegistered(ProjectRegistered e) {
        reference.project(e);
        cycle.applications().registered(e);
        return null;
    }

    @Override
    public Void visitIssuanceRequested(IssuanceRequested e) {
        credits.requested(e);
        cycle.monitoring().requested(e);
        return null;
    }

    @Override
    public Void visitCreditsIssued(CreditsIssued e) {
        credits.issued(e);
        cycle.monitoring().issued(e);
        return null;
    }

    @Override
    public Void visitCreditsTransferred(CreditsTransferred e) {
        credits.transferred(e);
        return null;
    }

    @Override
    public Void visitCreditsCancelled(CreditsCancelled e) {
        credits.terminal(e.seq(), e.fromAccountId(), e.toAccountId(), e.ranges(), BlockStatus.CANCELLED);
        return null;
    }

    @Override
    public Void visitCreditsRetired(CreditsRetired e) {
        credits.terminal(e.seq(), e.fromAccountId(), e.toAccountId(), e.ranges(), BlockStatus.RETIRED);
        return null;
    }

    @Override
    public Void visitUnitsAuthorized(UnitsAuthorized e) {
        article6.authorized(e);
        return null;
    }

    @Override
    public Void visitAuthorizationAmended(AuthorizationAmended e) {
        article6.amended(e);
        return null;
    }

    @Override
    public Void visitAuthorizationRevoked(AuthorizationRevoked e) {
        article6.revoked(e);
        return null;
    }

    @Override
    public Void visitFirstTransferRecorded(FirstTransferRecorded e) {
        article6.firstTransfer(e);
        return null;
    }

    @Override
    public Void visitCorrespondingAdjustmentApplied(CorrespondingAdjustmentApplied e) {
        article6.adjusted(e);
        return null;
    }

    @Override
    public Void visitTransferPolicySet(TransferPolicySet e) {
        transfers.policySet(e);
        return null;
    }

    @Override
    public Void visitTrustedAccountAdded(TrustedAccountAdded e) {
        transfers.trustedAdded(e);
        return null;
    }

    @Override
    public Void visitTrustedAccountRemoved(TrustedAccountRemoved e) {
        transfers.trustedRemoved(e);
        return null;
    }

    @Override
    public Void visitTransferPended(TransferPended e) {
        transfers.pended(e);
        return null;
    }

    @Override
    public Void visitPendingTransferApproved(PendingTransferApproved e) {
        transfers.approved(e);
        return null;
    }

    @Override
    public Void visitPendingTransferExecuted(PendingTransferExecuted e) {
        transfers.executed(e);
        return null;
    }

    @Override
    public Void visitPendingTransferCancelled(PendingTransferCancelled e) {
        transfers.cancelled(e);
        return null;
    }

    @Override
    public Void visitPendingTransferExpired(PendingTransferExpired e) {
        transfers.expired(e);
        return null;
    }

    @Override
    public Void visitProposalMade(ProposalMade e) {
        proposals.made(e);
        return null;
    }

    @Override
    public Void visitProposalApproved(ProposalApproved e) {
        proposals.approved(e);
        return null;
    }

    @Override
    public Void visitProposalRejected(ProposalRejected e) {
        proposals.rejected(e);
        return null;
    }

    @Override
    public Void visitProposalExpired(ProposalExpired e) {
        proposals.expired(e);
        return null;
    }

    @Override
    public Void visitProjectCycleEvent(org.jcm.ledger.event.ProjectCycleEvent e) {
        return e.acceptCycle(cycle);
    }
}

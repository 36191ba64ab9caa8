package org.jcm.settlement.apply;

import org.jcm.ledger.command.Trade;
import org.jcm.ledger.credit.Label;
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
import org.jcm.ledger.id.PendingTransferId;
import org.jcm.ledger.state.InconsistentEventException;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.PendingTransfer;
import org.jcm.ledger.state.PendingTransferStatus;
import org.jcm.settlement.trade.Instrument;

/**
 * Folds ledger events into the service's copy of the ledger state (ledger-core's
 * {@link LedgerState}, the same fold the registry uses) and derives their settlement effects.
 * The fold is what tells a transferred range's instrument: the Article 6 label is a property of
 * the block the range lies in when the event is folded, which the event itself does not carry.
 */
public final class EventFolder {

    private final LedgerState state;
    private final Folding folding = new Folding();
    private final TransferEffects transfers;
    private final CycleNotices cycles;

    /** Folds into {@code state}, which must hold exactly the events before the next one given. */
    public EventFolder(LedgerState state) {
        this.state = state;
        this.transfers = new TransferEffects(state);
        this.cycles = new CycleNotices(state);
    }

    /** The state folded so far. */
    public LedgerState state() {
        return state;
    }

    /** Folds an event that was already applied to the database: the state moves, nothing is recorded. */
    public void foldOnly(LedgerEvent event) {
        state.apply(event);
    }

    /** Folds an event and adds its effects to the batch. */
    public void fold(LedgerEvent event, String hash, BatchEffects effects) {
        folding.effects = effects;
        try {
            event.accept(folding);
        } finally {
            folding.effects = null;
        }
        effects.advance(event.seq(), hash, event.at());
    }

    /**
     * The fold and settlement effects of each event type. One instance per folder, told the batch
     * of the event it folds, so that folding allocates nothing for the dispatch.
     */
    private final class Folding implements LedgerEvent.Visitor<Void> {
        private BatchEffects effects;

        @Override
        public Void visitPartyRegistered(PartyRegistered e) {
            state.apply(e); // folded only: no settlement effect
            return null;
        }

        @Override
        public Void visitPartyUpdated(PartyUpdated e) {
            state.apply(e); // folded only: no settlement effect
            return null;
        }

        @Override
        public Void visitRegistryRegistered(RegistryRegistered e) {
            state.apply(e); // folded only: no settlement effect
            return null;
        }

        @Override
        public Void visitOrganizationRegistered(OrganizationRegistered e) {
            state.apply(e); // folded only: no settlement effect
            return null;
        }

        @Override
        public Void visitAccountOpened(AccountOpened e) {
            state.apply(e);
            effects.openAccount(e.accountId().value(), e.organizationId().value(), e.seq());
            return null;
        }

        @Override
        public Void visitAccountFrozen(AccountFrozen e) {
            state.apply(e); // folded only: no settlement effect
            return null;
        }

        @Override
        public Void visitAccountUnfrozen(AccountUnfrozen e) {
            state.apply(e); // folded only: no settlement effect
            return null;
        }

        @Override
        public Void visitAccountClosed(AccountClosed e) {
            state.apply(e);
            effects.closeAccount(e.accountId().value(), e.seq());
            return null;
        }

        @Override
        public Void visitProjectRegistered(ProjectRegistered e) {
            state.apply(e); // no settlement effect; the application's participants hear of it
            effects.addNotice(cycles.registered(e));
            return null;
        }

        @Override
        public Void visitIssuanceRequested(IssuanceRequested e) {
            state.apply(e); // no settlement effect; the application's participants hear of it
            effects.addNotice(cycles.requested(e));
            return null;
        }

        @Override
        public Void visitCreditsIssued(CreditsIssued issued) {
            state.apply(issued);
            effects.volume(issued.hostParty().value(), issued.at()).addIssued(issued.totalQuantity());
            effects.seeInstrument(new Instrument(issued.hostParty(), issued.vintage(), Label.NONE), issued.seq());
            effects.addNotice(cycles.issued(issued));
            return null;
        }

        @Override
        public Void visitCreditsTransferred(CreditsTransferred transfer) {
            transfers.foldTransfer(transfer, transfer, effects);
            return null;
        }

        @Override
        public Void visitCreditsCancelled(CreditsCancelled cancelled) {
            transfers.see(cancelled.ranges(), cancelled.seq(), effects);
            state.apply(cancelled);
            transfers.addVolumes(cancelled.ranges(), cancelled, effects, TransferEffects.Kind.CANCELLED);
            return null;
        }

        @Override
        public Void visitCreditsRetired(CreditsRetired retired) {
            transfers.see(retired.ranges(), retired.seq(), effects);
            state.apply(retired);
            transfers.addVolumes(retired.ranges(), retired, effects, TransferEffects.Kind.RETIRED);
            return null;
        }

        @Override
        public Void visitUnitsAuthorized(UnitsAuthorized e) {
            state.apply(e);
            transfers.see(e.ranges(), e.seq(), effects);
            return null;
        }

        @Override
        public Void visitAuthorizationAmended(AuthorizationAmended e) {
            state.apply(e);
            transfers.see(e.ranges(), e.seq(), effects);
            return null;
        }

        @Override
        public Void visitAuthorizationRevoked(AuthorizationRevoked e) {
            state.apply(e);
            transfers.see(e.ranges(), e.seq(), effects);
            return null;
        }

        @Override
        public Void visitFirstTransferRecorded(FirstTransferRecorded e) {
            state.apply(e); // folded only: no settlement effect
            return null;
        }

        @Override
        public Void visitCorrespondingAdjustmentApplied(CorrespondingAdjustmentApplied e) {
            state.apply(e);
            transfers.see(e.ranges(), e.seq(), effects);
            return null;
        }

        @Override
        public Void visitTransferPolicySet(TransferPolicySet e) {
            state.apply(e); // folded only: no settlement effect
            return null;
        }

        @Override
        public Void visitTrustedAccountAdded(TrustedAccountAdded e) {
            state.apply(e); // folded only: no settlement effect
            return null;
        }

        @Override
        public Void visitTrustedAccountRemoved(TrustedAccountRemoved e) {
            state.apply(e); // folded only: no settlement effect
            return null;
        }

        @Override
        public Void visitTransferPended(TransferPended e) {
            state.apply(e); // reserved units stay with their holder until the transfer executes
            // A held delivery of a trade: the trade it names cannot be cancelled while it is held.
            e.trade().ifPresent(trade -> effects.holdDelivery(new BatchEffects.HeldDelivery(
                    e.pendingTransferId().value(), e.seq(), e.at(), trade.venue(), trade.tradeId(),
                    e.fromAccountId().value(), e.toAccountId().value(), e.quantity())));
            if (e.approvalRequired()) {
                effects.addNotice(pending(e.pendingTransferId(), e, PendingTransferNotice.AWAITING_APPROVAL));
            }
            return null;
        }

        @Override
        public Void visitPendingTransferApproved(PendingTransferApproved e) {
            state.apply(e); // no settlement effect; the organization hears of it
            effects.addNotice(pending(e.pendingTransferId(), e, "APPROVED"));
            return null;
        }

        @Override
        public Void visitPendingTransferExecuted(PendingTransferExecuted e) {
            transfers.foldTransfer(e.asTransfer(), e, effects); // settles exactly like the transfer it executes
            effects.releaseDelivery(e.pendingTransferId().value());
            effects.addNotice(pending(e.pendingTransferId(), e, "EXECUTED"));
            return null;
        }

        @Override
        public Void visitPendingTransferCancelled(PendingTransferCancelled e) {
            state.apply(e); // no unit moved
            effects.releaseDelivery(e.pendingTransferId().value());
            effects.addNotice(pending(e.pendingTransferId(), e, "CANCELLED"));
            return null;
        }

        @Override
        public Void visitPendingTransferExpired(PendingTransferExpired e) {
            state.apply(e); // no unit moved
            effects.releaseDelivery(e.pendingTransferId().value());
            effects.addNotice(pending(e.pendingTransferId(), e, "EXPIRED"));
            return null;
        }

        @Override
        public Void visitProposalMade(ProposalMade e) {
            state.apply(e); // folded only: a proposal moves no units between holders (reserved units stay held)
            return null;
        }

        @Override
        public Void visitProposalApproved(ProposalApproved e) {
            state.apply(e); // folded only: the approved action's events that follow are settled as usual
            return null;
        }

        @Override
        public Void visitProposalRejected(ProposalRejected e) {
            state.apply(e); // folded only: moves no units
            return null;
        }

        @Override
        public Void visitProposalExpired(ProposalExpired e) {
            state.apply(e); // folded only: moves no units
            return null;
        }

        @Override
        public Void visitProjectCycleEvent(org.jcm.ledger.event.ProjectCycleEvent e) {
            // No settlement effect; the organizations an application names hear of its changes.
            effects.addNotice(cycles.fold(e));
            return null;
        }
    }

    /** A pending transfer as the fold just left it, at one of its turns, for its organization. */
    private PendingTransferNotice pending(PendingTransferId id, LedgerEvent event, String status) {
        PendingTransfer p = state.pendingTransfer(id).orElseThrow(() -> new InconsistentEventException(event.seq(),
                "no pending transfer " + id.value()));
        return new PendingTransferNotice(event.seq(), event.at(), p.organizationId().value(), id.value(), status,
                p.fromAccountId().value(), p.toAccountId().value(), p.quantity(),
                p.status() == PendingTransferStatus.AWAITING_APPROVAL ? p.expiresAt().orElse(null) : null,
                "APPROVED".equals(status) ? p.executeAt().orElse(null) : null,
                "CANCELLED".equals(status) ? p.endReason().orElse(null) : null,
                p.trade().map(Trade::venue).orElse(null), p.trade().map(Trade::tradeId).orElse(null));
    }
}

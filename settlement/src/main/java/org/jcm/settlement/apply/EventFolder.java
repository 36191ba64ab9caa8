package org.jcm.settlement.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.command.Trade;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.credit.Label;
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
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.state.InconsistentEventException;
import org.jcm.ledger.state.LedgerState;
import org.jcm.settlement.trade.Instrument;
import org.jcm.settlement.trade.PricedTransfer;
import org.jcm.settlement.trade.TradeLeg;

/**
 * Folds ledger events into the service's copy of the ledger state (ledger-core's
 * {@link LedgerState}, the same fold the registry uses) and derives their settlement effects.
 * The fold is what tells a transferred range's instrument: the Article 6 label is a property of
 * the block the range lies in when the event is folded, which the event itself does not carry.
 */
public final class EventFolder {

    private final LedgerState state;
    private final Folding folding = new Folding();

    /** Folds into {@code state}, which must hold exactly the events before the next one given. */
    public EventFolder(LedgerState state) {
        this.state = state;
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
            state.apply(e); // folded only: no settlement effect
            return null;
        }

        @Override
        public Void visitIssuanceRequested(IssuanceRequested e) {
            state.apply(e); // folded only: no settlement effect
            return null;
        }

        @Override
        public Void visitCreditsIssued(CreditsIssued issued) {
            state.apply(issued);
            effects.volume(issued.hostParty().value(), issued.at()).addIssued(issued.totalQuantity());
            effects.seeInstrument(new Instrument(issued.hostParty(), issued.vintage(), Label.NONE), issued.seq());
            return null;
        }

        @Override
        public Void visitCreditsTransferred(CreditsTransferred transfer) {
            foldTransfer(transfer, transfer, effects);
            return null;
        }

        @Override
        public Void visitCreditsCancelled(CreditsCancelled cancelled) {
            see(cancelled.ranges(), cancelled.seq(), effects);
            state.apply(cancelled);
            addVolumes(cancelled.ranges(), cancelled, effects, Kind.CANCELLED);
            return null;
        }

        @Override
        public Void visitCreditsRetired(CreditsRetired retired) {
            see(retired.ranges(), retired.seq(), effects);
            state.apply(retired);
            addVolumes(retired.ranges(), retired, effects, Kind.RETIRED);
            return null;
        }

        @Override
        public Void visitUnitsAuthorized(UnitsAuthorized e) {
            state.apply(e);
            see(e.ranges(), e.seq(), effects);
            return null;
        }

        @Override
        public Void visitAuthorizationAmended(AuthorizationAmended e) {
            state.apply(e);
            see(e.ranges(), e.seq(), effects);
            return null;
        }

        @Override
        public Void visitAuthorizationRevoked(AuthorizationRevoked e) {
            state.apply(e);
            see(e.ranges(), e.seq(), effects);
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
            see(e.ranges(), e.seq(), effects);
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
            return null;
        }

        @Override
        public Void visitPendingTransferApproved(PendingTransferApproved e) {
            state.apply(e); // folded only: no settlement effect
            return null;
        }

        @Override
        public Void visitPendingTransferExecuted(PendingTransferExecuted e) {
            foldTransfer(e.asTransfer(), e, effects); // settles exactly like the transfer it executes
            effects.releaseDelivery(e.pendingTransferId().value());
            return null;
        }

        @Override
        public Void visitPendingTransferCancelled(PendingTransferCancelled e) {
            state.apply(e); // no unit moved
            effects.releaseDelivery(e.pendingTransferId().value());
            return null;
        }

        @Override
        public Void visitPendingTransferExpired(PendingTransferExpired e) {
            state.apply(e); // no unit moved
            effects.releaseDelivery(e.pendingTransferId().value());
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
            state.apply(e); // folded only: the project cycle has no settlement effect
            return null;
        }
    }

    private enum Kind { TRANSFERRED, RETIRED, CANCELLED }

    /**
     * Folds {@code folded} (the transfer itself, or the execution of a pending transfer) and adds the
     * effects of {@code transfer}, the movement it makes.
     */
    private void foldTransfer(CreditsTransferred transfer, LedgerEvent folded, BatchEffects effects) {
        // Labels are read before the fold; a transfer does not change them (a first transfer,
        // COMMITTED -> PENDING, is its own event and keeps the label AUTHORIZED).
        Map<Instrument, Long> tonnesByInstrument = new LinkedHashMap<>();
        for (BlockRange range : transfer.ranges()) {
            Instrument instrument = instrumentOf(range, transfer.seq());
            tonnesByInstrument.merge(instrument, range.size(), Long::sum);
            effects.seeInstrument(instrument, transfer.seq());
        }
        state.apply(folded);
        addVolumes(transfer.ranges(), transfer, effects, Kind.TRANSFERRED);
        Optional<Trade> trade = transfer.trade();
        effects.addTransfer(notice(transfer, tonnesByInstrument, trade.orElse(null)));
        if (trade.isEmpty()) {
            return;
        }
        Trade t = trade.get();
        List<TradeLeg> legs = new ArrayList<>(tonnesByInstrument.size());
        int number = 1;
        for (Map.Entry<Instrument, Long> entry : tonnesByInstrument.entrySet()) {
            legs.add(new TradeLeg(transfer.seq(), number++, transfer.at(), entry.getKey(), entry.getValue(),
                    t.pricePerTonne(), t.currency(), t.venue(), t.tradeId(), transfer.fromAccountId().value(),
                    transfer.toAccountId().value()));
        }
        effects.addPricedTransfer(new PricedTransfer(transfer.seq(), transfer.at(), t.venue(), t.tradeId(),
                transfer.fromAccountId().value(), transfer.toAccountId().value(), legs));
    }

    private TransferNotice notice(CreditsTransferred transfer, Map<Instrument, Long> tonnesByInstrument, Trade trade) {
        List<TransferNotice.InstrumentTonnes> instruments = new ArrayList<>(tonnesByInstrument.size());
        long quantity = 0;
        for (Map.Entry<Instrument, Long> entry : tonnesByInstrument.entrySet()) {
            instruments.add(new TransferNotice.InstrumentTonnes(entry.getKey().code(), entry.getValue()));
            quantity += entry.getValue();
        }
        return new TransferNotice(transfer.seq(), transfer.at(), transfer.fromAccountId().value(),
                organizationOf(transfer.fromAccountId()), transfer.toAccountId().value(),
                organizationOf(transfer.toAccountId()), quantity, instruments,
                trade == null ? null : trade.venue(), trade == null ? null : trade.tradeId());
    }

    /** The organization that holds an account, or null when none does. */
    private String organizationOf(AccountId account) {
        return state.account(account).flatMap(info -> info.organizationId()).map(OrganizationId::value).orElse(null);
    }

    private void addVolumes(List<BlockRange> ranges, LedgerEvent event, BatchEffects effects, Kind kind) {
        for (BlockRange range : ranges) {
            var volume = effects.volume(range.hostParty().value(), event.at());
            switch (kind) {
                case TRANSFERRED -> volume.addTransferred(range.size());
                case RETIRED -> volume.addRetired(range.size());
                case CANCELLED -> volume.addCancelled(range.size());
            }
        }
    }

    /** Records the instruments of ranges as they are in the state now. */
    private void see(List<BlockRange> ranges, long seq, BatchEffects effects) {
        for (BlockRange range : ranges) {
            effects.seeInstrument(instrumentOf(range, seq), seq);
        }
    }

    private Instrument instrumentOf(BlockRange range, long seq) {
        CreditBlock block = state.blockContaining(range.hostParty(), range.vintage(), range.first())
                .orElseThrow(() -> new InconsistentEventException(seq,
                        "no live block holds unit " + range.first() + " of " + range.hostParty() + " " + range.vintage()));
        return new Instrument(range.hostParty(), range.vintage(), block.label());
    }
}

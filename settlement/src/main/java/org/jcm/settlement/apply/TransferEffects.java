package org.jcm.settlement.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.command.Trade;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.state.InconsistentEventException;
import org.jcm.ledger.state.LedgerState;
import org.jcm.settlement.trade.Instrument;
import org.jcm.settlement.trade.PricedTransfer;
import org.jcm.settlement.trade.TradeLeg;

/**
 * The settlement effects of moving units, for {@link EventFolder}: the instruments of transferred,
 * retired and cancelled ranges (read from the blocks they lie in before the fold), the daily
 * volumes, the priced transfers that reference trades, and the transfer notices for webhooks.
 */
final class TransferEffects {

    enum Kind { TRANSFERRED, RETIRED, CANCELLED }

    private final LedgerState state;

    TransferEffects(LedgerState state) {
        this.state = state;
    }

    /**
     * Folds {@code folded} (the transfer itself, or the execution of a pending transfer) and adds the
     * effects of {@code transfer}, the movement it makes.
     */
    void foldTransfer(CreditsTransferred transfer, LedgerEvent folded, BatchEffects effects) {
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
        effects.addNotice(notice(transfer, tonnesByInstrument, trade.orElse(null)));
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
    String organizationOf(AccountId account) {
        return state.account(account).flatMap(info -> info.organizationId()).map(OrganizationId::value).orElse(null);
    }

    void addVolumes(List<BlockRange> ranges, LedgerEvent event, BatchEffects effects, Kind kind) {
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
    void see(List<BlockRange> ranges, long seq, BatchEffects effects) {
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

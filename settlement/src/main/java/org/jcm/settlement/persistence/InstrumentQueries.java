package org.jcm.settlement.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jcm.settlement.api.InstrumentList;
import org.jcm.settlement.api.InstrumentList.InstrumentView;
import org.jcm.settlement.api.InstrumentList.LastPrice;
import org.jcm.settlement.api.Times;
import org.jcm.settlement.entity.InstrumentEntity;
import org.jcm.settlement.entity.LastPriceEntity;

/** The instruments seen in the ledger with their last prices, through Hibernate Reactive. */
@ApplicationScoped
public class InstrumentQueries {

    // One statement: every instrument with its last prices, by instrument, then currency (@OrderBy).
    private static final String INSTRUMENTS = "select i from InstrumentEntity i left join fetch i.lastPrices"
            + " order by i.instrument";

    private final Mutiny.SessionFactory sessions;

    InstrumentQueries(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Every instrument by code, each with its last price per currency and its latest trade in any currency. */
    public Uni<InstrumentList> instruments() {
        return sessions.withSession(session -> session.setDefaultReadOnly(true)
                        .createSelectionQuery(INSTRUMENTS, InstrumentEntity.class)
                        .getResultList())
                .map(instruments -> new InstrumentList(instruments.stream().map(InstrumentQueries::view).toList()));
    }

    private static InstrumentView view(InstrumentEntity instrument) {
        List<LastPrice> lastPrices = new ArrayList<>(instrument.lastPrices().size());
        LastPrice latest = null;
        long latestSeq = -1;
        for (LastPriceEntity p : instrument.lastPrices()) {
            LastPrice price = new LastPrice(p.currency(), p.pricePerTonne().toPlainString(), Times.format(p.at()), p.seq());
            lastPrices.add(price);
            // The first currency with the highest seq, as the list is by currency.
            if (p.seq() > latestSeq) {
                latest = price;
                latestSeq = p.seq();
            }
        }
        return new InstrumentView(instrument.instrument(), instrument.hostParty(), instrument.vintage(), instrument.label(),
                latest, lastPrices);
    }
}

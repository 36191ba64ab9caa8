package org.jcm.settlement.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jcm.settlement.api.InstrumentList;
import org.jcm.settlement.api.InstrumentList.InstrumentView;
import org.jcm.settlement.api.InstrumentList.LastPrice;
import org.jcm.settlement.api.Times;
import org.jcm.settlement.persistence.FeedQueries;
import org.jcm.settlement.persistence.FeedQueries.InstrumentPrice;

/** The instruments seen in the ledger with their last prices. */
@Path("/api/v1/instruments")
@PermitAll
public class InstrumentResource {

    private final FeedQueries queries;

    InstrumentResource(FeedQueries queries) {
        this.queries = queries;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Instruments seen (host Party, vintage, Article 6 label) with the last price per currency")
    public Uni<InstrumentList> list() {
        return queries.instruments().map(InstrumentResource::group);
    }

    private static InstrumentList group(List<InstrumentPrice> rows) {
        Map<String, List<InstrumentPrice>> byInstrument = new LinkedHashMap<>();
        rows.forEach(row -> byInstrument.computeIfAbsent(row.instrument(), k -> new ArrayList<>()).add(row));
        List<InstrumentView> items = new ArrayList<>(byInstrument.size());
        byInstrument.forEach((instrument, prices) -> {
            InstrumentPrice first = prices.get(0);
            List<LastPrice> lastPrices = new ArrayList<>();
            LastPrice latest = null;
            long latestSeq = -1;
            for (InstrumentPrice p : prices) {
                if (p.currency() == null) {
                    continue;
                }
                LastPrice price = new LastPrice(p.currency(), p.pricePerTonne().toPlainString(), Times.format(p.at()),
                        p.seq());
                lastPrices.add(price);
                if (p.seq() > latestSeq) {
                    latest = price;
                    latestSeq = p.seq();
                }
            }
            items.add(new InstrumentView(instrument, first.hostParty(), first.vintage(), first.label(), latest,
                    lastPrices));
        });
        return new InstrumentList(items);
    }
}

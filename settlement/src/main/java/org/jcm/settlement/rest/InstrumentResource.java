package org.jcm.settlement.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jcm.settlement.api.InstrumentList;
import org.jcm.settlement.persistence.InstrumentQueries;

/** The instruments seen in the ledger with their last prices. */
@Path("/api/v1/instruments")
@Tag(name = "Feeds")
@PermitAll
public class InstrumentResource {

    private final InstrumentQueries queries;

    InstrumentResource(InstrumentQueries queries) {
        this.queries = queries;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "listInstruments", summary = "Instruments seen (host Party, vintage, Article 6 label) with the last price per currency")
    public Uni<InstrumentList> list() {
        return queries.instruments();
    }
}

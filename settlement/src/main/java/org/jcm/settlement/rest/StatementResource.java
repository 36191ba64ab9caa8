package org.jcm.settlement.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jcm.settlement.persistence.TradeQueries;
import org.jcm.settlement.security.Access;
import org.jcm.settlement.statement.Statement;
import org.jcm.support.openapi.ProblemResponsesFilter;

/** Net settlement obligations of a venue's participants for one day. */
@Path("/api/v1/statements")
@Tag(name = "Trades")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = SettlementApiDoc.READ_PROBLEMS)
public class StatementResource {

    private final TradeQueries trades;
    private final Access access;

    StatementResource(TradeQueries trades, Access access) {
        this.trades = trades;
        this.access = access;
    }

    @GET
    @Path("/{venue}/{date}")
    @RolesAllowed({Access.EXCHANGE, Access.OPERATOR, Access.AUDITOR})
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "getSettlementStatement", summary = "Net obligations per participant and currency, and who pays whom, for trades settled on a UTC day")
    public Uni<Statement> statement(@PathParam("venue") String venue, @PathParam("date") String date) {
        access.requireReader(venue);
        LocalDate day = QueryParams.date("date", date, null);
        return trades.settledOn(venue, day).map(trades -> Statement.of(venue, day, trades));
    }
}

package org.jcm.settlement.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jcm.settlement.api.UnmatchedReferencePage;
import org.jcm.settlement.persistence.ReferenceQueries;
import org.jcm.settlement.security.Access;
import org.jcm.support.openapi.ProblemResponsesFilter;

/**
 * The transfers that named a venue's trades and decided nothing (not from the seller account, no
 * such trade registered, or after the trade was decided): what a venue reconciles, and how it
 * sees someone naming its trades. Private to the venue, like its trades.
 */
@Path("/api/v1/unmatched-references")
@Tag(name = "Trades")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = SettlementApiDoc.READ_PROBLEMS)
public class UnmatchedReferenceResource {

    private final ReferenceQueries references;
    private final Access access;

    UnmatchedReferenceResource(ReferenceQueries references, Access access) {
        this.references = references;
        this.access = access;
    }

    @GET
    @Path("/{venue}")
    @RolesAllowed({Access.EXCHANGE, Access.OPERATOR, Access.AUDITOR})
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "listUnmatchedReferences", summary = "Transfers that named the venue's trades but decided nothing, in ledger order, after a cursor (a seq)")
    public Uni<UnmatchedReferencePage> list(@PathParam("venue") String venue, @QueryParam("tradeId") String tradeId,
                                            @QueryParam("after") String after, @QueryParam("limit") String limit) {
        access.requireReader(venue);
        long afterSeq = 0;
        if (after != null && !after.isEmpty()) {
            try {
                afterSeq = Long.parseLong(after);
            } catch (NumberFormatException e) {
                afterSeq = -1;
            }
            if (afterSeq < 0) {
                throw QueryParams.invalid("after", "must be the cursor (a ledger seq) from an earlier page");
            }
        }
        int pageSize = QueryParams.limit(limit);
        Optional<String> trade = Optional.ofNullable(tradeId).filter(id -> !id.isEmpty());
        return references.page(venue, trade, afterSeq, pageSize).map(rows -> new UnmatchedReferencePage(venue,
                rows.stream().map(UnmatchedReferencePage.Item::of).toList(),
                rows.size() < pageSize ? null : Long.toString(rows.get(rows.size() - 1).seq())));
    }
}

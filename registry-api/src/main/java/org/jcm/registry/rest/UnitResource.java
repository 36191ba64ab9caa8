package org.jcm.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.api.UnitLookup;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.problem.ClientText;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;
import org.jcm.registry.query.UnitQueries;
import org.jcm.registry.query.UnitQuery;

/** The public lookup of units by block serial, unit reference or ITMO id, with their full history. */
@Path("/api/v1/units")
@Tag(name = "Units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {

    private final UnitQueries units;

    UnitResource(UnitQueries units) {
        this.units = units;
    }

    /** The live blocks holding the units and every event that touched them. */
    @GET
    @Path("{serialOrItmoId}")
    @PermitAll
    @Operation(operationId = "lookUpUnit", summary = "Units by serial, unit reference or ITMO id: live blocks, holder type, flags, full history",
            description = "Public. Accepts JCM-MN001-2024-1001-1250 (a block serial, live or not), JCM-MN001-2024-1001 "
                    + "(one unit) or CA0001-MNG01-MNG-1001-2024 (an ITMO id). A serial or unit naming a host after the "
                    + "project (JCM-MN003-TWN-2025-1-200) names units in that host's numbering line of a multi-country "
                    + "project; without a host, the project's first host's line. History pages like a list, 1,000 events "
                    + "by default.")
    @APIResponse(responseCode = "200", description = "The units' live blocks and one page of their history")
    @APIResponse(responseCode = "400", description = "Neither a serial nor an ITMO id (invalid_unit_id), or bad paging (invalid_limit, invalid_cursor, invalid_query_parameter)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "None of the named units was issued (unknown_units)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<UnitLookup> unit(@RestPath String serialOrItmoId, @Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.of(uri, Set.of("after", "limit"));
        UnitQuery query = UnitQuery.parse(serialOrItmoId);
        // Cursors are sealed for the units asked for: one of another unit's history is refused.
        PageRequest page = UnitQueries.HISTORY.request(parameters.get("after"), parameters.get("limit"), query.text());
        return units.lookup(query, page).map(found -> found.orElseThrow(() -> new ProblemException(404,
                Rejection.UNKNOWN_UNITS.code(), "No unit named by " + ClientText.quote(serialOrItmoId) + " was issued.")));
    }
}

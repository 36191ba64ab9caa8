package org.jcm.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.api.AuthorizationJson;
import org.jcm.registry.api.Fields;
import org.jcm.registry.api.ListResponse;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;
import org.jcm.registry.query.AuthorizationQueries;

/**
 * Reads of Article 6.2 authorizations for governments and auditors, with their whole history
 * (the mutations are in {@link Article6Resource}).
 */
@Path("/api/v1")
@Tag(name = "Article 6.2")
@APIResponse(responseCode = "400", description = "A parameter is not valid (invalid_field)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = ApiDoc.E401, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a government or an auditor (forbidden)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuthorizationResource {

    private final AuthorizationQueries reader;

    AuthorizationResource(AuthorizationQueries reader) {
        this.reader = reader;
    }

    /** Authorizations in id order, of one Party if asked. */
    @GET
    @Path("/authorizations")
    @RolesAllowed({"government", "auditor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAuthorizations", summary = "List authorizations",
            description = "Current terms and unit counts, in id order. Authorizations are public acts of a Party under "
                    + "Article 6.2, so every government (and auditor) reads every Party's; `party` narrows the list.")
    @APIResponse(responseCode = "200", description = "One page of authorizations; next is the cursor of the following page, "
            + "null on the last")
    public Uni<ListResponse<AuthorizationJson>> list(
            @Parameter(description = "Only this Party's (ISO 3166 alpha-3)") @QueryParam("party") String party,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "1 to 1000, default 100") @QueryParam("limit") String limit) {
        Optional<String> byParty = Fields.optional("party", party, PartyCode::parse).map(PartyCode::value);
        // Paged like every other list: limit 1 to 1000 (invalid_limit), and only cursors this list, of this Party, handed out (invalid_cursor).
        return reader.authorizations(byParty, AuthorizationQueries.AUTHORIZATIONS.request(after, limit, byParty.orElse("")));
    }

    /** One authorization with all its versions, first transfers and revocation. */
    @GET
    @Path("/authorizations/{id}")
    @RolesAllowed({"government", "auditor"})
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "404", description = "No such authorization (unknown_authorization)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Operation(operationId = "getAuthorization", summary = "One authorization with its history",
            description = "Fixed and current terms, every version (old ones stay readable) with the units it named and "
                    + "their ITMO ids, every first transfer (whose `seq` a corresponding adjustment may name) and the revocation.")
    @APIResponse(responseCode = "200", description = "The authorization with its versions, first transfers and revocation")
    public Uni<AuthorizationJson> get(@PathParam("id") String id) {
        AuthorizationId authorizationId = Fields.parse("id", id, AuthorizationId::parse);
        return reader.authorization(authorizationId.value()).map(found -> found.orElseThrow(
                () -> new ProblemException(404, Rejection.UNKNOWN_AUTHORIZATION.code(),
                        "Authorization " + authorizationId.value() + " does not exist.")));
    }
}

package org.jcm.registry.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Role;
import org.jcm.registry.api.DirectoryJson;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.query.DirectoryQueries;
import org.jcm.registry.security.Actors;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.jcm.support.problem.Problem;

/**
 * An account holder's list of its organization's issuance requests with their state. Requests are
 * made on monitoring cycles ({@code POST /monitoring-cycles/{id}/issuance-request}); the former
 * {@code POST /issuance-requests} is gone (405). The class path is {@code /api/v1}, as for issuances.
 */
@Path("/api/v1")
@Tag(name = "Issuance")
@Produces(MediaType.APPLICATION_JSON)
public class IssuanceRequestReadResource {

    private final DirectoryQueries directory;
    private final JsonWebToken token;

    IssuanceRequestReadResource(DirectoryQueries directory, JsonWebToken token) {
        this.directory = directory;
        this.token = token;
    }

    /** The caller's organization's issuance requests with their state, paged by id. */
    @GET
    @Path("/issuance-requests")
    @Authenticated
    @Operation(operationId = "listIssuanceRequests", summary = "The issuance requests of the caller's organization, with their state (account holder)",
            description = "mine=true (required): the requests the token's organization made on its monitoring cycles, with "
                    + "the cycle, the period, the verified and issued quantities and the state (REQUESTED, DECIDED, ISSUED, "
                    + "REJECTED). Its applications are GET /applications?mine=true. " + ReadApiDoc.PAGED,
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "One page of issuance requests")
    @APIResponse(responseCode = "400", description = "mine missing or not true (invalid_query_parameter), a bad limit "
            + "(invalid_limit) or cursor (invalid_cursor)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<ListResponse<DirectoryJson.IssuanceRequestItem>> issuanceRequests(@Context UriInfo uri) {
        Actor holder = Actors.of(token, Role.ACCOUNT_HOLDER);
        QueryParameters parameters = QueryParameters.of(uri, Set.of("mine", "after", "limit"));
        if (!"true".equals(parameters.get("mine"))) {
            throw QueryParameters.invalid("mine", "mine=true is required: an account holder lists its own organization's "
                    + "issuance requests.");
        }
        PageRequest page = DirectoryQueries.ISSUANCE_REQUESTS.request(parameters.get("after"), parameters.get("limit"),
                holder.scope());
        return directory.issuanceRequests(holder.scope(), page);
    }
}

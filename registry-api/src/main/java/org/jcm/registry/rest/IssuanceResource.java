package org.jcm.registry.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jcm.ledger.command.Role;
import org.jcm.registry.api.IssuanceDecisionRequest;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.security.Actors;
import org.jcm.support.openapi.ProblemResponsesFilter;

/**
 * Issuance by registry administrators (four eyes) of a share the Joint Committee decided on a
 * monitoring cycle's issuance request. Requests and decisions are steps of the project cycle
 * ({@code /monitoring-cycles}); there is no free-standing issuance request.
 */
@Path("/api/v1")
@Tag(name = "Issuance")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.MUTATION_PROBLEMS)
public class IssuanceResource {

    private final Mutations mutations;
    private final JsonWebToken token;

    IssuanceResource(Mutations mutations, JsonWebToken token) {
        this.mutations = mutations;
        this.token = token;
    }

    @POST
    @Path("/issuances")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueUnits", summary = "Issue credits on a Joint Committee decision (registry administrator)", description = "Issues the "
            + "next contiguous units of the host Party's vintage numbering, cut into one block per allocation in order. "
            + "Registry administrator of a registry of Japan or of the host Party (which must be a JCM partner), issuing "
            + "that registry's share of the decision into its own holding accounts, once per decision and registry. It "
            + "cites the issuance request of the project's monitoring cycle (issuanceRequestId, required: the id "
            + "POST /monitoring-cycles/{id}/issuance-request answered) and must be the share the JC secretariat decided "
            + "for this registry and vintage, with the same allocations (issuance_not_as_decided); the issuances on a "
            + "request together stay within its verified quantity, and one issuance within "
            + "jcm.ledger.max-issuance-quantity. Event CreditsIssued." + ApiDoc.FOUR_EYES)
    @APIResponse(responseCode = "201", description = "Proposed (id PR...); the example is the approval's CreditsIssued: "
            + "id the issuance id, blocks the allocations",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class),
                    examples = @ExampleObject(name = "issued", value = "{\"id\":\"MN001-2024-01\",\"events\":[{\"seq\":61,"
                            + "\"type\":\"CreditsIssued\",\"at\":\"2025-04-01T09:30:00.000Z\",\"blocks\":[{\"serial\":"
                            + "\"JCM-MN001-2024-1-7000\",\"accountId\":\"MNG01-H00001\",\"quantity\":7000,\"firstItmoId\":"
                            + "\"CA0001-MNG01-MNG-1-2024\",\"lastItmoId\":\"CA0001-MNG01-MNG-7000-2024\"}]}]}")))
    public Uni<Response> issue(@Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, IssuanceDecisionRequest request) {
        return mutations.propose("issue", key, request, Actors.of(token, Role.REGISTRY_ADMIN), request::toCommand, null);
    }
}

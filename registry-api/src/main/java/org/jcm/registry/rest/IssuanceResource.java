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
import org.jcm.registry.api.IssuanceRequestSubmission;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.security.Actors;
import org.jcm.support.openapi.ProblemResponsesFilter;

/** Issuance: a participant's request (account holder) and the Joint Committee's issuance (registry administrator). */
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
    @Path("/issuance-requests")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request issuance (account holder of a project participant)", description = "Monitoring period, "
            + "verified quantity and verification reference; the ledger assigns the id (IR000001, ...). Event IssuanceRequested.")
    @APIResponse(responseCode = "201", description = "Recorded; id is the issuance request id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> request(@Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, IssuanceRequestSubmission request) {
        return mutations.execute("request-issuance", key, request, Actors.of(token, Role.ACCOUNT_HOLDER), request::toCommand,
                null);
    }

    @POST
    @Path("/issuances")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue credits on a Joint Committee decision (registry administrator)", description = "Issues the "
            + "next contiguous units of the host Party's vintage numbering, cut into one block per allocation in order. "
            + "Registry administrator of a registry of Japan or of the host Party (which must be a JCM partner), issuing "
            + "that registry's share of the decision into its own holding accounts, once per decision and registry. It "
            + "cites the participants' issuance request for the project and monitoring period (issuanceRequestId, "
            + "required); the issuances on a request together stay within its verified quantity, and one issuance within "
            + "jcm.ledger.max-issuance-quantity. Event CreditsIssued.")
    @APIResponse(responseCode = "201", description = "Issued; id is the issuance id, blocks are the allocations",
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

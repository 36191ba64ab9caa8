package org.jcm.registry.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.security.Actors;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.PathParam;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.registry.api.AmendmentRequest;
import org.jcm.registry.api.AuthorizationRequest;
import org.jcm.registry.api.CorrespondingAdjustmentRequest;
import org.jcm.registry.api.Fields;
import org.jcm.registry.api.RevocationRequest;
import org.jcm.support.openapi.ProblemResponsesFilter;

/** Article 6.2: authorizations (authorize, amend, revoke) and corresponding adjustments (government). */
@Path("/api/v1")
@Tag(name = "Article 6.2")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.MUTATION_PROBLEMS)
public class Article6Resource {

    private static final String CREATED = "Accepted and committed: the events appended";

    private final Mutations mutations;
    private final JsonWebToken token;
    private final ObjectMapper json;

    Article6Resource(Mutations mutations, JsonWebToken token, ObjectMapper json) {
        this.mutations = mutations;
        this.token = token;
        this.json = json;
    }

    @POST
    @Path("/authorizations")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "authorize", summary = "Authorize units as ITMOs (government of the host Party)", description = "Version 1 of an "
            + "authorization (AEF table 2) for the units of an issuance or named serial ranges; blocks split as needed. "
            + "Events UnitsAuthorized, then FirstTransferRecorded where the units are already held abroad (NDC) or the "
            + "OIMP definition is AUTHORIZATION or ISSUANCE." + ApiDoc.FOUR_EYES)
    @APIResponse(responseCode = "201", description = CREATED + "; id is the authorization id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> authorize(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, AuthorizationRequest request) {
        return mutations.propose("authorize", key, request, Actors.of(token, Role.GOVERNMENT), request::toCommand,
                "/api/v1/authorizations/");
    }

    @POST
    @Path("/authorizations/{authorizationId}/amendments")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "amendAuthorization", summary = "Amend an authorization (government of the authorizing Party)", description = "Makes a new "
            + "version: a new cap, vintages or authorized entities, and/or more units; old versions stay readable. "
            + "Events AuthorizationAmended, then FirstTransferRecorded for added units where it applies." + ApiDoc.FOUR_EYES)
    @APIResponse(responseCode = "201", description = CREATED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> amend(@PathParam("authorizationId") String authorizationId,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, AmendmentRequest request) {
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("authorizationId", authorizationId);
        hashed.put("amendment", request);
        return mutations.propose("amend-authorization", key, hashed, Actors.of(token, Role.GOVERNMENT),
                () -> request.toCommand(authorizationId), null);
    }

    @POST
    @Path("/authorizations/{authorizationId}/revoke")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeAuthorization", summary = "Revoke an authorization (government of the authorizing Party)", description = "Allowed only "
            + "while none of its units was first transferred; its blocks return to NOT_REQUIRED. The body is optional: "
            + "{\"reason\": \"...\"}. Event AuthorizationRevoked." + ApiDoc.FOUR_EYES)
    @APIResponse(responseCode = "201", description = CREATED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> revoke(@PathParam("authorizationId") String authorizationId,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RevocationRequest.class))) byte[] body) throws IOException {
        // The body is optional: none, empty or JSON null is a revocation without a reason.
        RevocationRequest read = body == null || body.length == 0 ? null : json.readValue(body, RevocationRequest.class);
        RevocationRequest request = read == null ? new RevocationRequest(null) : read;
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("authorizationId", authorizationId);
        hashed.put("reason", request.reason());
        return mutations.propose("revoke-authorization", key, hashed, Actors.of(token, Role.GOVERNMENT), () -> {
            AuthorizationId id = Fields.parse("authorizationId", authorizationId, AuthorizationId::parse);
            return Fields.shape(() -> new RevokeAuthorization(id, Optional.ofNullable(request.reason())));
        }, null);
    }

    @POST
    @Path("/corresponding-adjustments")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "applyCorrespondingAdjustment", summary = "Apply a corresponding adjustment (government of the host Party)", description = "Moves "
            + "first-transferred units from PENDING to APPLIED for their vintage year, with the Party's method for the "
            + "NDC period. Event CorrespondingAdjustmentApplied." + ApiDoc.FOUR_EYES)
    @APIResponse(responseCode = "201", description = CREATED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> adjust(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, CorrespondingAdjustmentRequest request) {
        return mutations.propose("adjust", key, request, Actors.of(token, Role.GOVERNMENT), request::toCommand, null);
    }
}

package org.jcm.registry.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.api.AmendmentRequest;
import org.jcm.registry.api.AuthorizationJson;
import org.jcm.registry.api.AuthorizationRequest;
import org.jcm.registry.api.Fields;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.RevocationRequest;
import org.jcm.registry.persistence.Article6Reader;
import org.jcm.registry.problem.Problem;
import org.jcm.registry.problem.ProblemException;
import org.jcm.registry.security.Actors;

/**
 * Article 6.2 authorizations: the host Party's government authorizes units, amends an
 * authorization (each amendment is a new version) and revokes it before any first transfer;
 * governments and auditors read them with their whole history.
 */
@Path("/api/v1/authorizations")
@Tag(name = "Article 6.2", description = "Authorizations, first transfers and corresponding adjustments (docs/article6.md).")
@APIResponse(responseCode = "400", description = ApiDoc.E400, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = ApiDoc.E401, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = ApiDoc.E403, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = ApiDoc.E404, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = ApiDoc.E409, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = ApiDoc.E422_ARTICLE6, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = ApiDoc.E503, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuthorizationResource {

    /** The largest page the API serves. */
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;
    private static final String LOCATION = "/api/v1/authorizations/";

    private final Article6Reader reader;
    private final Mutations mutations;
    private final JsonWebToken token;
    private final ObjectMapper json;

    AuthorizationResource(Article6Reader reader, Mutations mutations, JsonWebToken token, ObjectMapper json) {
        this.reader = reader;
        this.mutations = mutations;
        this.token = token;
        this.json = json;
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Authorize units as ITMOs (government of the host Party)", description = "Version 1 of an "
            + "authorization of units of the Party's own host projects, by issuanceId or serialRanges (blocks split as "
            + "needed). Units become COMMITTED. Event UnitsAuthorized, then FirstTransferRecorded for units first "
            + "transferred at once: held in another Party's registry (NDC), or all units for the OIMP definitions "
            + "AUTHORIZATION and ISSUANCE.")
    @APIResponse(responseCode = "201", description = "Authorized; id is the authorization id, blocks the units it covers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class),
                    examples = @ExampleObject(name = "authorized", value = "{\"id\":\"MNG-AUTH-2025-001\",\"events\":[{\"seq\":"
                            + "90,\"type\":\"UnitsAuthorized\",\"at\":\"2025-05-01T02:00:00.000Z\",\"blocks\":[{\"serial\":"
                            + "\"JCM-MN001-2024-1-500\",\"quantity\":500,\"firstItmoId\":\"CA0001-MNG01-MNG-1-2024\","
                            + "\"lastItmoId\":\"CA0001-MNG01-MNG-500-2024\"}]}]}")))
    public Uni<Response> authorize(@Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, AuthorizationRequest request) {
        return mutations.execute("authorize", key, request, Actors.of(token, Role.GOVERNMENT), request::toCommand, LOCATION);
    }

    /*
     * An amendment is a POST to the authorization's amendments, not a PUT or PATCH of the
     * authorization: it appends version N + 1 and leaves every earlier version as it was, which is
     * what Article 6.2 reporting needs (each version is a row of AEF table 2) and what an
     * append-only ledger does; with an Idempotency-Key, a retry cannot make two versions.
     */
    @POST
    @Path("/{id}/amendments")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Amend an authorization: a new version (government of the authorizing Party)", description =
            "Present fields replace the current terms (cap, vintages, authorized entities); units may be added within the "
            + "cap. The earlier versions stay readable. Event AuthorizationAmended, then FirstTransferRecorded for added "
            + "units first transferred at once.")
    @APIResponse(responseCode = "201", description = "Amended; id is the authorization id, blocks the units added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> amend(@PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, AmendmentRequest request) {
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("authorizationId", id);
        hashed.put("amendment", request);
        return mutations.execute("amend-authorization", key, hashed, Actors.of(token, Role.GOVERNMENT),
                () -> Fields.required("body", request).toCommand(Fields.parse("id", id, AuthorizationId::parse)), LOCATION);
    }

    @POST
    @Path("/{id}/revoke")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke an authorization (government of the authorizing Party)", description = "Allowed only "
            + "while none of its units was first transferred (else 422 already_first_transferred); its units return to "
            + "NOT_REQUIRED. The body is optional: {\"reason\": \"...\"}. Event AuthorizationRevoked.")
    @APIResponse(responseCode = "201", description = "Revoked; blocks are the units that are no longer authorized",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> revoke(@PathParam("id") String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Schema(implementation = RevocationRequest.class) byte[] body) throws IOException {
        RevocationRequest request = body == null || body.length == 0 ? new RevocationRequest(null)
                : json.readValue(body, RevocationRequest.class);
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("authorizationId", id);
        hashed.put("reason", request.reason());
        return mutations.execute("revoke-authorization", key, hashed, Actors.of(token, Role.GOVERNMENT),
                () -> Fields.shape(() -> new RevokeAuthorization(Fields.parse("id", id, AuthorizationId::parse),
                        Optional.ofNullable(request.reason()))), LOCATION);
    }

    /** Authorizations in id order, of one Party if asked. */
    @GET
    @RolesAllowed({"government", "auditor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List authorizations",
            description = "Current terms and unit counts, in id order. Authorizations are public acts of a Party under "
                    + "Article 6.2, so every government (and auditor) reads every Party's; `party` narrows the list.")
    public Uni<ListResponse<AuthorizationJson>> list(
            @Parameter(description = "Only this Party's (ISO 3166 alpha-3)") @QueryParam("party") String party,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "1 to 1000, default 100") @QueryParam("limit") String limit) {
        Optional<String> byParty = Fields.optional("party", party, PartyCode::parse).map(PartyCode::value);
        int pageSize = limit == null ? DEFAULT_LIMIT : Params.integer("limit", limit, 1, MAX_LIMIT);
        return reader.authorizations(byParty, after == null ? "" : after, pageSize);
    }

    /** One authorization with all its versions, first transfers and revocation. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"government", "auditor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One authorization with its history",
            description = "Fixed and current terms, every version (old ones stay readable) with the units it named and "
                    + "their ITMO ids, every first transfer (whose `seq` a corresponding adjustment may name) and the revocation.")
    public Uni<AuthorizationJson> get(@PathParam("id") String id) {
        AuthorizationId authorizationId = Fields.parse("id", id, AuthorizationId::parse);
        return reader.authorization(authorizationId.value()).map(found -> found.orElseThrow(
                () -> new ProblemException(404, Rejection.UNKNOWN_AUTHORIZATION.code(),
                        "Authorization " + authorizationId.value() + " does not exist.")));
    }
}

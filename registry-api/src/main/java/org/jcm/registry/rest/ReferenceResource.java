package org.jcm.registry.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.api.Fields;
import org.jcm.registry.api.PartyRequest;
import org.jcm.registry.problem.ClientText;
import org.jcm.support.problem.ProblemException;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.api.OrganizationRequest;
import org.jcm.registry.api.PartyResponse;
import org.jcm.registry.api.RegistryRequest;
import org.jcm.registry.api.RegistryResponse;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.jcm.support.problem.Problem;
import org.jcm.registry.query.ReferenceQueries;
import org.jcm.registry.security.Actors;

/** Reference data: Parties (register, update, read), hosted registries (register, list) and organizations (register). */
@Path("/api/v1")
@Tag(name = "Reference data")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.REFERENCE_PROBLEMS)
public class ReferenceResource {

    private final Mutations mutations;
    private final ReferenceQueries reference;
    private final JsonWebToken token;

    ReferenceResource(Mutations mutations, ReferenceQueries reference, JsonWebToken token) {
        this.mutations = mutations;
        this.reference = reference;
        this.token = token;
    }

    @GET
    @Path("/parties")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listParties", summary = "Parties and partner regions", description = "Every Party the ledger knows, with its JCM status, "
            + "the cooperative approach id of its partnership, its signing date and sectoral scopes. Public.")
    @APIResponse(responseCode = "200", description = "All Parties, by alpha-3 code")
    public Uni<ListResponse<PartyResponse>> parties() {
        return reference.parties().map(parties -> new ListResponse<>(parties, null));
    }

    @GET
    @Path("/parties/{code}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getParty", summary = "One Party", description = "A Party with its JCM status, signing date and sectoral scopes. Public.")
    @APIResponse(responseCode = "200", description = "The Party")
    @APIResponse(responseCode = "404", description = "unknown_party", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PartyResponse> party(@RestPath String code) {
        return reference.party(code).map(found -> found.orElseThrow(() -> new ProblemException(404,
                Rejection.UNKNOWN_PARTY.code(), "There is no Party " + ClientText.quote(code) + ".")));
    }

    @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.REFERENCE_WRITE_PROBLEMS)
    @POST
    @Path("/parties")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerParty", summary = "Register a Party (operator)", description = "Adds a Party or partner region while the system "
            + "runs: a candidate, or a partner with its signing date and sectoral scopes. Event PartyRegistered.")
    @APIResponse(responseCode = "201", description = "Registered; id is the Party's alpha-3 code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    @APIResponse(responseCode = "409", description = "party_already_registered, idempotency_key_reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "invalid_signing_date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> registerParty(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, PartyRequest request) {
        return mutations.execute("register-party", key, request, Actors.of(token, Role.OPERATOR),
                () -> Fields.required("body", request).toRegister(), "/api/v1/parties/");
    }

    @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.REFERENCE_WRITE_PROBLEMS)
    @PUT
    @Path("/parties/{code}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateParty", summary = "Replace a Party's reference data (operator)", description = "For example a candidate becoming "
            + "a partner: status PARTNER with the signing date, cooperative approach id, Paris Agreement status and "
            + "sectoral scopes. Event PartyUpdated.")
    @APIResponse(responseCode = "201", description = "Updated (the answer of every ledger command)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    @APIResponse(responseCode = "404", description = "unknown_party", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "scope_in_use, idempotency_key_reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "invalid_signing_date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> updateParty(@RestPath String code,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, PartyRequest request) {
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("code", code);
        hashed.put("party", request);
        return mutations.execute("update-party", key, hashed, Actors.of(token, Role.OPERATOR),
                () -> Fields.required("body", request).toUpdate(code), null);
    }

    @GET
    @Path("/registries")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listRegistries", summary = "Registries hosted here", description = "Public.")
    @APIResponse(responseCode = "200", description = "All hosted registries, by id")
    public Uni<ListResponse<RegistryResponse>> registries() {
        return reference.registries().map(registries -> new ListResponse<>(registries, null));
    }

    @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.REFERENCE_WRITE_PROBLEMS)
    @POST
    @Path("/registries")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerRegistry", summary = "Host a registry (operator)", description = "Hosts a registry of a registered Party, with its "
            + "cancellation and retirement accounts. Event RegistryRegistered.")
    @APIResponse(responseCode = "201", description = "Registered; id is the registry id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    @APIResponse(responseCode = "404", description = "unknown_party", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "registry_already_registered, idempotency_key_reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> registerRegistry(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, RegistryRequest request) {
        return mutations.execute("register-registry", key, request, Actors.of(token, Role.OPERATOR), request::toCommand,
                "/api/v1/registries/");
    }

    @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.REFERENCE_WRITE_PROBLEMS)
    @POST
    @Path("/organizations")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerOrganization", summary = "Record an organization (registry administrator)", description = "Records a legal entity in "
            + "the administrator's registry; the ledger assigns its id ({registryId}-O0001, ...). Event OrganizationRegistered.")
    @APIResponse(responseCode = "201", description = "Recorded; id is the organization id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    @APIResponse(responseCode = "404", description = "unknown_registry", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "idempotency_key_reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> registerOrganization(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, OrganizationRequest request) {
        return mutations.execute("register-organization", key, request, Actors.of(token, Role.REGISTRY_ADMIN),
                request::toCommand, "/api/v1/organizations/");
    }
}

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.id.MethodologyStatus;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.api.Fields;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.MethodologyRequest;
import org.jcm.registry.api.MethodologyResponse;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.api.ThirdPartyEntityRequest;
import org.jcm.registry.api.ThirdPartyEntityResponse;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.query.CycleQueries;
import org.jcm.registry.security.Actors;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * The project cycle's reference data: the registry of methodologies (recorded by the JC secretariat
 * of the host) and the accredited third-party entities (by the operator); both public to read.
 * The class path is {@code /api/v1}, as for the other reference resources (RESTEasy Reactive picks
 * one class per request by its class path).
 */
@Path("/api/v1")
@Tag(name = "Reference data")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.REFERENCE_PROBLEMS)
public class CycleReferenceResource {

    private final Mutations mutations;
    private final CycleQueries cycle;
    private final JsonWebToken token;

    CycleReferenceResource(Mutations mutations, CycleQueries cycle, JsonWebToken token) {
        this.mutations = mutations;
        this.cycle = cycle;
        this.token = token;
    }

    @GET
    @Path("/methodologies")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMethodologies", summary = "The registry of methodologies", description = "Methodologies by id, filtered by host Party "
            + "(alpha-3), sectoral scope (1 to 15) and status; paged with after and limit. Public.")
    @APIResponse(responseCode = "200", description = "One page of methodologies")
    @APIResponse(responseCode = "400", description = "invalid_query_parameter, invalid_limit, invalid_cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ListResponse<MethodologyResponse>> methodologies(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.of(uri, Set.of("host", "scope", "status", "after", "limit"));
        CycleQueries.MethodologyFilter filter = new CycleQueries.MethodologyFilter(host(parameters.get("host")),
                scope(parameters.get("scope")), status(parameters.get("status")));
        PageRequest page = CycleQueries.METHODOLOGIES.request(parameters.get("after"), parameters.get("limit"),
                filter.text());
        return cycle.methodologies(filter, page);
    }

    @GET
    @Path("/methodologies/{id}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMethodology", summary = "One methodology", description = "Public.")
    @APIResponse(responseCode = "200", description = "The methodology")
    @APIResponse(responseCode = "404", description = "unknown_methodology", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MethodologyResponse> methodology(@RestPath String id) {
        return cycle.methodology(id).map(found -> found.orElseThrow(() -> new ProblemException(404,
                Rejection.UNKNOWN_METHODOLOGY.code(), "There is no methodology " + ClientText.quote(id) + ".")));
    }

    @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.REFERENCE_WRITE_PROBLEMS)
    @POST
    @Path("/methodologies")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerMethodology", summary = "Register a methodology (JC secretariat of the host)", description = "Records a methodology "
            + "the Joint Committee adopted. Event MethodologyRegistered.")
    @APIResponse(responseCode = "201", description = "Registered; id is the methodology id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    @APIResponse(responseCode = "403", description = "forbidden_scope (another Joint Committee's secretariat)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "unknown_party", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "methodology_already_registered, idempotency_key_reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "methodology_not_of_host, host_not_jcm_partner, scope_not_in_agreement", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> registerMethodology(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, MethodologyRequest request) {
        return mutations.execute("register-methodology", key, request, Actors.of(token, Role.JC_SECRETARIAT),
                () -> Fields.required("body", request).toRegister(), "/api/v1/methodologies/");
    }

    @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.REFERENCE_WRITE_PROBLEMS)
    @PUT
    @Path("/methodologies/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateMethodology", summary = "Replace a methodology (JC secretariat of the host)", description = "A new version, "
            + "approval, suspension or withdrawal. Event MethodologyUpdated.")
    @APIResponse(responseCode = "201", description = "Updated (the answer of every ledger command)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    @APIResponse(responseCode = "403", description = "forbidden_scope", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "unknown_methodology, unknown_party", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "idempotency_key_reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "methodology_not_of_host, host_not_jcm_partner, scope_not_in_agreement", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> updateMethodology(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, MethodologyRequest request) {
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("id", id);
        hashed.put("methodology", request);
        return mutations.execute("update-methodology", key, hashed, Actors.of(token, Role.JC_SECRETARIAT),
                () -> Fields.required("body", request).toUpdate(id), null);
    }

    @GET
    @Path("/third-party-entities")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listThirdPartyEntities", summary = "Accredited third-party entities", description = "By id, with their accreditation (scopes "
            + "and host Parties) and status; paged with after and limit. Public.")
    @APIResponse(responseCode = "200", description = "One page of third-party entities")
    public Uni<ListResponse<ThirdPartyEntityResponse>> thirdPartyEntities(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.of(uri, Set.of("after", "limit"));
        return cycle.thirdPartyEntities(CycleQueries.THIRD_PARTY_ENTITIES.request(parameters.get("after"),
                parameters.get("limit")));
    }

    @GET
    @Path("/third-party-entities/{id}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getThirdPartyEntity", summary = "One third-party entity", description = "Public.")
    @APIResponse(responseCode = "200", description = "The third-party entity")
    @APIResponse(responseCode = "404", description = "unknown_third_party_entity", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ThirdPartyEntityResponse> thirdPartyEntity(@RestPath String id) {
        return cycle.thirdPartyEntity(id).map(found -> found.orElseThrow(() -> new ProblemException(404,
                Rejection.UNKNOWN_THIRD_PARTY_ENTITY.code(), "There is no third-party entity " + ClientText.quote(id) + ".")));
    }

    @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.REFERENCE_WRITE_PROBLEMS)
    @POST
    @Path("/third-party-entities")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "accreditThirdPartyEntity", summary = "Accredit a third-party entity (operator)", description = "Event ThirdPartyEntityAccredited.")
    @APIResponse(responseCode = "201", description = "Accredited; id is the entity's id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    @APIResponse(responseCode = "404", description = "unknown_party (a host of the accreditation)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "third_party_entity_already_accredited, idempotency_key_reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> accredit(
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, ThirdPartyEntityRequest request) {
        return mutations.execute("accredit-third-party-entity", key, request, Actors.of(token, Role.OPERATOR),
                () -> Fields.required("body", request).toAccredit(), "/api/v1/third-party-entities/");
    }

    @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.REFERENCE_WRITE_PROBLEMS)
    @PUT
    @Path("/third-party-entities/{id}")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateThirdPartyEntity", summary = "Change a third-party entity (operator)", description = "Scopes, hosts, suspension, "
            + "reinstatement. Event ThirdPartyEntityUpdated.")
    @APIResponse(responseCode = "201", description = "Updated (the answer of every ledger command)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    @APIResponse(responseCode = "404", description = "unknown_third_party_entity, unknown_party", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "idempotency_key_reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> updateEntity(@RestPath String id,
            @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, ThirdPartyEntityRequest request) {
        Map<String, Object> hashed = new LinkedHashMap<>();
        hashed.put("id", id);
        hashed.put("entity", request);
        return mutations.execute("update-third-party-entity", key, hashed, Actors.of(token, Role.OPERATOR),
                () -> Fields.required("body", request).toUpdate(id), null);
    }

    private static String host(String text) {
        if (text == null) {
            return null;
        }
        try {
            return PartyCode.parse(text).value();
        } catch (InvalidValueException e) {
            throw QueryParameters.invalid("host", "'host' must be an ISO 3166 alpha-3 code such as MNG.");
        }
    }

    private static Integer scope(String text) {
        if (text == null) {
            return null;
        }
        if (!text.matches("[0-9]{1,2}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 15) {
            throw QueryParameters.invalid("scope", "'scope' must be a sectoral scope number from 1 to 15.");
        }
        return Integer.parseInt(text);
    }

    private static String status(String text) {
        if (text == null) {
            return null;
        }
        for (MethodologyStatus s : MethodologyStatus.values()) {
            if (s.name().equals(text)) {
                return text;
            }
        }
        throw QueryParameters.invalid("status", "'status' must be DRAFT, APPROVED, SUSPENDED or WITHDRAWN.");
    }
}

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jcm.ledger.command.Role;
import org.jcm.registry.api.CorrespondingAdjustmentRequest;
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.problem.Problem;
import org.jcm.registry.security.Actors;

/** Corresponding adjustments: the host Party's government records that it adjusted for first-transferred units. */
@Path("/api/v1/corresponding-adjustments")
@Tag(name = "Article 6.2")
@APIResponse(responseCode = "400", description = ApiDoc.E400, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = ApiDoc.E401, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = ApiDoc.E403, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = ApiDoc.E404, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = ApiDoc.E409, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = ApiDoc.E422_ARTICLE6, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = ApiDoc.E503, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CorrespondingAdjustmentResource {

    private final Mutations mutations;
    private final JsonWebToken token;

    CorrespondingAdjustmentResource(Mutations mutations, JsonWebToken token) {
        this.mutations = mutations;
        this.token = token;
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a corresponding adjustment (government of the host Party)", description = "Units first "
            + "transferred (PENDING) become APPLIED, forward only: units not first transferred, or already APPLIED, are "
            + "refused (422 ca_not_pending). The year must be the units' vintage and lie in an NDC period; the first "
            + "adjustment of a Party in an NDC period fixes its method for that period. Event CorrespondingAdjustmentApplied.")
    @APIResponse(responseCode = "201", description = "Applied; blocks are the units adjusted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> apply(@Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, CorrespondingAdjustmentRequest request) {
        return mutations.execute("apply-corresponding-adjustment", key, request, Actors.of(token, Role.GOVERNMENT),
                request::toCommand, null);
    }
}

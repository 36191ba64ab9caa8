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
import org.jcm.registry.api.MutationResponse;
import org.jcm.registry.security.Actors;
import org.jcm.registry.api.ProjectRequest;
import org.jcm.support.openapi.ProblemResponsesFilter;

/** Projects: register a JCM project (registry administrator). */
@Path("/api/v1/projects")
@Tag(name = "Projects")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.MUTATION_PROBLEMS)
public class ProjectResource {

    private final Mutations mutations;
    private final JsonWebToken token;

    ProjectResource(Mutations mutations, JsonWebToken token) {
        this.mutations = mutations;
        this.token = token;
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a JCM project (registry administrator)", description = "Registers a project under the "
            + "Joint Committee's id, in a registry of Japan or of the host Party. Event ProjectRegistered.")
    @APIResponse(responseCode = "201", description = "Registered; id is the project id",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MutationResponse.class)))
    public Uni<Response> register(@Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, required = true, description = ApiDoc.KEY)
            @HeaderParam(IdempotencyKeys.HEADER) String key, ProjectRequest request) {
        return mutations.execute("register-project", key, request, Actors.of(token, Role.REGISTRY_ADMIN), request::toCommand,
                "/api/v1/projects/");
    }
}

package org.jcm.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.ProjectDetails;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;
import org.jcm.registry.problem.ClientText;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;
import org.jcm.registry.query.ProjectQueries;

/** The public read endpoints of registered JCM projects, with participants, issuances and allocations. */
@Path("/api/v1/projects")
@Tag(name = "Projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectReadResource {

    private final ProjectQueries projects;

    ProjectReadResource(ProjectQueries projects) {
        this.projects = projects;
    }

    /** Registered projects by id, paged. */
    @GET
    @PermitAll
    @Operation(operationId = "listProjects", summary = "Registered JCM projects by id, with participants and issuances", description = "Public. "
            + ReadApiDoc.PAGED)
    @APIResponse(responseCode = "200", description = "One page of projects")
    @APIResponse(responseCode = "400", description = ReadApiDoc.E400_LIST, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ListResponse<ProjectDetails>> projects(@Context UriInfo uri) {
        QueryParameters parameters = QueryParameters.of(uri, Set.of("after", "limit"));
        PageRequest page = ProjectQueries.PROJECTS.request(parameters.get("after"), parameters.get("limit"));
        return projects.projects(page);
    }

    /** One registered project. */
    @GET
    @Path("{projectId}")
    @PermitAll
    @Operation(operationId = "getProject", summary = "A registered JCM project with participants and issuances", description = "Public.")
    @APIResponse(responseCode = "200", description = "The project")
    @APIResponse(responseCode = "400", description = "A query parameter (invalid_query_parameter); this endpoint takes none", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such project (unknown_project)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ProjectDetails> project(@RestPath String projectId, @Context UriInfo uri) {
        QueryParameters.of(uri, Set.of());
        return projects.project(projectId).map(found -> found.orElseThrow(() -> new ProblemException(404,
                Rejection.UNKNOWN_PROJECT.code(), "There is no registered project " + ClientText.quote(projectId) + ".")));
    }
}

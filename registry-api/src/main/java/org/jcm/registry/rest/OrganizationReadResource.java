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
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.api.DirectoryJson;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.OrganizationDetails;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.query.DirectoryQueries;
import org.jcm.registry.security.Reach;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.query.OrganizationQueries;
import org.jcm.registry.security.Caller;
import org.jcm.registry.security.ReadAccess;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * The read endpoints of organizations: one organization, for its registry's administrators, its own holders,
 * auditors and the operator; and the list of a registry's or Party's organizations.
 * The class path is {@code /api/v1}, as for the resource that registers organizations: RESTEasy Reactive picks one
 * class per request by its class path, so a class on {@code /api/v1/organizations} would hide that POST.
 */
@Path("/api/v1")
@Tag(name = "Reference data")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationReadResource {

    private static final Set<String> LIST_PARAMETERS = DirectoryParameters.with("registryId", "namePrefix");

    private final OrganizationQueries organizations;
    private final DirectoryQueries directory;
    private final JsonWebToken token;

    OrganizationReadResource(OrganizationQueries organizations, DirectoryQueries directory, JsonWebToken token) {
        this.organizations = organizations;
        this.directory = directory;
        this.token = token;
    }

    /** The organizations of the caller's registry or Party (every registry for auditors and the operator), paged by id. */
    @GET
    @Path("/organizations")
    @Authenticated
    @Operation(operationId = "listOrganizations", summary = "The organizations of a registry or Party, by id", description = "Registry administrators list "
            + "their registry's, governments their Party's registries', auditors and the operator every registry's. "
            + "Filters: registryId (403 forbidden_scope for a registry the caller does not cover), namePrefix (the start of "
            + "the name, without regard to case). " + ReadApiDoc.PAGED,
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "One page of organizations")
    @APIResponse(responseCode = "400", description = ReadApiDoc.E400_LIST, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ListResponse<DirectoryJson.OrganizationItem>> list(@Context UriInfo uri) {
        Caller reader = Caller.of(token);
        reader.requireAnyRole(ReadAccess.ORGANIZATION_LIST_ROLES);
        QueryParameters parameters = QueryParameters.of(uri, LIST_PARAMETERS);
        Reach reach = ReadAccess.reach(reader, DirectoryParameters.registryId(parameters));
        DirectoryQueries.OrganizationFilter filter = new DirectoryQueries.OrganizationFilter(
                DirectoryParameters.namePrefix(parameters));
        PageRequest page = DirectoryQueries.ORGANIZATIONS.request(parameters.get("after"), parameters.get("limit"),
                reach.text() + "|" + filter);
        return directory.organizations(reach, filter, page);
    }

    /** An organization with its accounts. */
    @GET
    @Path("/organizations/{organizationId}")
    @Authenticated
    @Operation(operationId = "getOrganization", summary = "An organization with its accounts", description = "For its account holders, administrators "
            + "of its registry, auditors, the operator and the government of the registry's Party.",
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "The organization")
    @APIResponse(responseCode = "400", description = "A query parameter (invalid_query_parameter); this endpoint takes none", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such organization (unknown_organization)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<OrganizationDetails> organization(@RestPath String organizationId, @Context UriInfo uri) {
        Caller reader = Caller.of(token);
        reader.requireAnyRole(ReadAccess.ORGANIZATION_ROLES);
        QueryParameters.of(uri, Set.of());
        return organizations.details(organizationId).map(found -> {
            var organization = found.orElseThrow(() -> new ProblemException(404, Rejection.UNKNOWN_ORGANIZATION.code(),
                    "There is no organization " + ClientText.quote(organizationId) + "."));
            ReadAccess.checkOrganization(reader, organization.scope());
            return organization.value();
        });
    }
}

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
import org.jcm.registry.api.OrganizationDetails;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.query.OrganizationQueries;
import org.jcm.registry.security.Caller;
import org.jcm.registry.security.ReadAccess;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * The read endpoint of an organization, for its registry's administrators, its own holders, auditors and the operator.
 * The class path is {@code /api/v1}, as for the resource that registers organizations: RESTEasy Reactive picks one
 * class per request by its class path, so a class on {@code /api/v1/organizations} would hide that POST.
 */
@Path("/api/v1")
@Tag(name = "Reference data")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationReadResource {

    private final OrganizationQueries organizations;
    private final JsonWebToken token;

    OrganizationReadResource(OrganizationQueries organizations, JsonWebToken token) {
        this.organizations = organizations;
        this.token = token;
    }

    /** An organization with its accounts. */
    @GET
    @Path("/organizations/{organizationId}")
    @Authenticated
    @Operation(summary = "An organization with its accounts", description = "For its account holders, administrators "
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

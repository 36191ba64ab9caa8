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
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.api.OrganizationDetails;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.problem.ProblemException;
import org.jcm.registry.query.OrganizationQueries;
import org.jcm.registry.security.ReadAccess;
import org.jcm.registry.security.Reader;

/** The read endpoint of an organization, for its registry's administrators, its own holders, auditors and the operator. */
@Path("/api/v1/organizations")
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
    @Path("{id}")
    @Authenticated
    @Operation(summary = "An organization with its accounts")
    public Uni<OrganizationDetails> organization(@RestPath String id, @Context UriInfo uri) {
        Reader reader = Reader.of(token);
        reader.requireAnyRole(ReadAccess.ORGANIZATION_ROLES);
        QueryParameters.of(uri, Set.of());
        return organizations.details(id).map(found -> {
            var organization = found.orElseThrow(() -> new ProblemException(404, Rejection.UNKNOWN_ORGANIZATION.code(),
                    "There is no organization " + ClientText.quote(id) + "."));
            ReadAccess.checkOrganization(reader, organization.scope());
            return organization.value();
        });
    }
}

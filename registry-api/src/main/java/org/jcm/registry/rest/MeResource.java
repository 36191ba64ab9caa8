package org.jcm.registry.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Role;
import org.jcm.registry.api.MeJson;
import org.jcm.registry.query.OrganizationQueries;
import org.jcm.registry.security.Actors;
import org.jcm.registry.security.Capabilities;
import org.jcm.support.openapi.ProblemResponsesFilter;

/**
 * {@code GET /api/v1/me}: the caller as the registry sees its token (role and scope), an account
 * holder's organization and accounts, and the operations the role may call ({@link Capabilities}).
 * The class path is {@code /api/v1}, like the other resources that share it.
 */
@Path("/api/v1")
@Tag(name = "Reference data")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final OrganizationQueries organizations;
    private final JsonWebToken token;

    MeResource(OrganizationQueries organizations, JsonWebToken token) {
        this.organizations = organizations;
        this.token = token;
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(operationId = "getMe", summary = "The caller: role, scope, accounts and what it may do", description = "Any token with a role and "
            + "its scope claim. Account holders also get their organization's name and accounts (open and closed). `may` "
            + "lists the operations of the role (docs/security.md, \"What each role may do\"); the scope still decides "
            + "each request.", extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "The caller")
    public Uni<MeJson> me(@Context UriInfo uri) {
        Actor actor = Actors.of(token, Role.values());
        QueryParameters.of(uri, Set.of());
        List<String> may = Capabilities.of(actor.role());
        String scope = actor.scope();
        if (actor.role() == Role.ACCOUNT_HOLDER) {
            return organizations.details(scope).map(found -> found
                    .map(o -> new MeJson(actor.subject(), actor.role().wireName(), new MeJson.Scope("ORGANIZATION", scope,
                            o.value().name(), o.scope().registryId(), o.scope().party()), o.value().accounts(), may))
                    .orElseGet(() -> new MeJson(actor.subject(), actor.role().wireName(),
                            new MeJson.Scope("ORGANIZATION", scope, null, null, null), List.of(), may)));
        }
        return Uni.createFrom().item(new MeJson(actor.subject(), actor.role().wireName(), scope(actor.role(), scope), null, may));
    }

    private static MeJson.Scope scope(Role role, String scope) {
        if (role == Role.REGISTRY_ADMIN) {
            return new MeJson.Scope("REGISTRY", scope, null, scope, scope.length() >= 3 ? scope.substring(0, 3) : null);
        }
        if (role == Role.GOVERNMENT || role == Role.JC_SECRETARIAT) {
            return new MeJson.Scope("PARTY", scope, null, null, scope);
        }
        if (role == Role.EXCHANGE) {
            return new MeJson.Scope("VENUE", scope, null, null, null);
        }
        if (role == Role.THIRD_PARTY_ENTITY) {
            return new MeJson.Scope("ENTITY", scope, null, null, null);
        }
        return null;
    }
}

package org.jcm.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.api.AuthorizationJson;
import org.jcm.registry.api.Page;
import org.jcm.registry.persistence.Article6Reader;
import org.jcm.registry.problem.ProblemException;

/** Article 6.2 authorizations: governments authorize, amend and revoke; governments and auditors read them. */
@Path("/api/v1/authorizations")
@Tag(name = "Article 6.2", description = "Authorizations, first transfers and corresponding adjustments (docs/article6.md).")
public class AuthorizationResource {

    /** The largest page the API serves. */
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 100;

    private final Article6Reader reader;

    AuthorizationResource(Article6Reader reader) {
        this.reader = reader;
    }

    /** Authorizations in id order, of one Party if asked. */
    @GET
    @RolesAllowed({"government", "auditor"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List authorizations",
            description = "Current terms and unit counts, in id order. Authorizations are public acts of a Party under "
                    + "Article 6.2, so every government (and auditor) reads every Party's; `party` narrows the list.")
    public Uni<Page<AuthorizationJson>> list(
            @Parameter(description = "Only this Party's (ISO 3166 alpha-3)") @QueryParam("party") String party,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "1 to 1000, default 100") @QueryParam("limit") String limit) {
        Optional<String> byParty = party == null ? Optional.empty()
                : Optional.of(Params.parse("party", party, PartyCode::parse).value());
        int pageSize = limit == null ? DEFAULT_LIMIT : Params.parse("limit", limit, Integer::parseInt);
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw Params.invalid("limit", "From 1 to " + MAX_LIMIT + ".");
        }
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
        AuthorizationId authorizationId = Params.parse("id", id, AuthorizationId::new);
        return reader.authorization(authorizationId.value()).map(found -> found.orElseThrow(
                () -> new ProblemException(404, Rejection.UNKNOWN_AUTHORIZATION.code(),
                        "Authorization " + authorizationId.value() + " does not exist.")));
    }
}

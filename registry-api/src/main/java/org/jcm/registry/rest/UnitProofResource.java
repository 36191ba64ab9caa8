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
import org.jcm.registry.api.TransparencyJson.UnitProofJson;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.registry.query.UnitProofQueries;
import org.jcm.registry.query.UnitQuery;
import org.jcm.registry.security.Caller;
import org.jcm.registry.security.ReadAccess;
import org.jcm.registry.transparency.PublishedKeys;
import org.jcm.support.openapi.ProblemResponsesFilter;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * A unit's history with proof: every entry that touched the units, as hashed into the Merkle tree,
 * with its inclusion proof against a signed checkpoint, so that a holder can prove the history of
 * its units to anyone who holds the log's key, without trusting the registry's database.
 */
@Path("/api/v1/units")
@Tag(name = "Units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitProofResource {

    private final UnitProofQueries proofs;
    private final PublishedKeys keys;
    private final JsonWebToken token;

    UnitProofResource(UnitProofQueries proofs, PublishedKeys keys, JsonWebToken token) {
        this.proofs = proofs;
        this.keys = keys;
        this.token = token;
    }

    /** The entries that touched the units, each with its inclusion proof against the latest checkpoint. */
    @GET
    @Path("{serialOrItmoId}/proof")
    @Authenticated
    @Operation(operationId = "getUnitProof", summary = "Every entry that touched the units, with its inclusion proof against the latest checkpoint",
            description = "For auditors, the operator, and the registry administrators and account holders of every "
                    + "account holding the units now (the entries carry accounts and memos). The signed checkpoint (the "
                    + "latest when the first page is read; later pages keep it), then the entries up to its tree size in seq "
                    + "order: seq, the event's canonical JSON as stored (the leaf's bytes) and its audit path. Entries after "
                    + "the checkpoint come with the next one. " + ReadApiDoc.PAGED,
            extensions = @Extension(name = ProblemResponsesFilter.EXTENSION, value = ApiDoc.READ_PROBLEMS))
    @APIResponse(responseCode = "200", description = "The checkpoint and one page of proven entries")
    @APIResponse(responseCode = "400", description = "Neither a serial nor an ITMO id (invalid_unit_id), or bad paging "
            + "(invalid_limit, invalid_cursor, invalid_query_parameter)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "None of the named units was issued (unknown_units), no checkpoint was "
            + "signed yet (checkpoint_not_found), or checkpoints are disabled (checkpoints_disabled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<UnitProofJson> proof(@RestPath String serialOrItmoId, @Context UriInfo uri) {
        Caller reader = Caller.of(token);
        reader.requireAnyRole(ReadAccess.UNIT_PROOF_ROLES);
        if (!keys.enabled()) {
            throw new ProblemException(404, ProblemCodes.CHECKPOINTS_DISABLED,
                    "This registry signs no checkpoints (jcm.checkpoint.enabled is false): there is nothing to prove against.");
        }
        QueryParameters parameters = QueryParameters.of(uri, Set.of("after", "limit"));
        UnitQuery query = UnitQuery.parse(serialOrItmoId);
        // Cursors are sealed for the units asked for, and carry the checkpoint the first page proved against.
        PageRequest page = UnitProofQueries.UNIT_PROOF.request(parameters.get("after"), parameters.get("limit"), query.text());
        return proofs.proof(query, page, holders -> ReadAccess.checkUnitHolders(reader, query.text(), holders))
                .map(found -> found.orElseThrow(() -> new ProblemException(404, Rejection.UNKNOWN_UNITS.code(),
                        "No unit named by " + ClientText.quote(serialOrItmoId) + " was issued.")));
    }
}

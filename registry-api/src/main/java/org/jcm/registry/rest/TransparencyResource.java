package org.jcm.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.TransparencyJson.CheckpointJson;
import org.jcm.registry.api.TransparencyJson.ConsistencyJson;
import org.jcm.registry.api.TransparencyJson.InclusionJson;
import org.jcm.registry.api.TransparencyJson.KeysJson;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.problem.ClientText;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.registry.query.TransparencyQueries;
import org.jcm.registry.transparency.PublishedKeys;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * The transparency log's public reads (docs/transparency-log.md, "Reading checkpoints and
 * proofs"): signed checkpoints with their witnesses' cosignatures, the keys that verify them, and
 * inclusion and consistency proofs against checkpointed tree sizes. Public: they reveal hashes and
 * signatures only, and they are what lets anyone check the registry without trusting its database.
 */
@Path("/api/v1/ledger")
@Tag(name = "Transparency log", description = "Signed checkpoints, cosignatures and Merkle proofs (docs/transparency-log.md).")
public class TransparencyResource {

    private static final String E404_DISABLED = " (checkpoints_disabled when jcm.checkpoint.enabled is false)";

    private final TransparencyQueries queries;
    private final PublishedKeys keys;

    TransparencyResource(TransparencyQueries queries, PublishedKeys keys) {
        this.queries = queries;
        this.keys = keys;
    }

    /** The newest signed checkpoint. */
    @GET
    @Path("/checkpoints/latest")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(operationId = "getLatestCheckpoint", summary = "The latest signed checkpoint", description = "Public. The checkpoint with the largest tree size, its "
            + "signed note with every stored cosignature line appended, and the cosignatures. `Accept: text/plain` gives the "
            + "note alone, byte for byte (C2SP signed-note).")
    @APIResponse(responseCode = "200", description = "The checkpoint", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckpointJson.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No checkpoint was signed yet (checkpoint_not_found)" + E404_DISABLED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> latest(@Context UriInfo uri, @Context HttpHeaders headers) {
        requireEnabled();
        QueryParameters.of(uri, Set.of());
        return queries.latest().map(found -> answer(found.orElseThrow(() -> new ProblemException(404,
                ProblemCodes.CHECKPOINT_NOT_FOUND, "No checkpoint has been signed yet.")), headers));
    }

    /** The checkpoint of one tree size. */
    @GET
    @Path("/checkpoints/{treeSize}")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(operationId = "getCheckpoint", summary = "The checkpoint of a tree size", description = "Public. As /checkpoints/latest, for the checkpoint "
            + "that covers exactly treeSize entries.")
    @APIResponse(responseCode = "200", description = "The checkpoint", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckpointJson.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No checkpoint of that tree size; a tree size that is not a positive whole "
            + "number is none either (checkpoint_not_found)" + E404_DISABLED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> checkpoint(@Parameter(description = "Entries covered, e.g. 1000") @RestPath String treeSize,
                                    @Context UriInfo uri, @Context HttpHeaders headers) {
        requireEnabled();
        QueryParameters.of(uri, Set.of());
        Optional<Long> size = positive(treeSize);
        if (size.isEmpty()) {
            throw new ProblemException(404, ProblemCodes.CHECKPOINT_NOT_FOUND, "No checkpoint has tree size "
                    + ClientText.quote(treeSize) + "; tree sizes are positive whole numbers.");
        }
        return queries.checkpoint(size.get()).map(found -> answer(found.orElseThrow(
                () -> TransparencyQueries.checkpointNotFound(size.get())), headers));
    }

    /** The checkpoints in tree size order, paged. */
    @GET
    @Path("/checkpoints")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listCheckpoints", summary = "Every signed checkpoint, oldest first", description = "Public. " + ReadApiDoc.PAGED)
    @APIResponse(responseCode = "200", description = "One page of checkpoints")
    @APIResponse(responseCode = "400", description = ReadApiDoc.E400_LIST,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Checkpoints are disabled (checkpoints_disabled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ListResponse<CheckpointJson>> checkpoints(@Context UriInfo uri) {
        requireEnabled();
        QueryParameters parameters = QueryParameters.of(uri, Set.of("after", "limit"));
        PageRequest page = TransparencyQueries.CHECKPOINTS.request(parameters.get("after"), parameters.get("limit"));
        return queries.checkpoints(page);
    }

    /** The keys that verify the checkpoints and the cosignatures. */
    @GET
    @Path("/keys")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getLogKeys", summary = "The log's verifier key and the witnesses' keys", description = "Public. The verifier key string of "
            + "the key that signs the checkpoints, and those of the witnesses whose cosignatures are served. Pin them: a key "
            + "fetched from the same registry whose checkpoints it checks proves little.")
    @APIResponse(responseCode = "200", description = "The keys")
    @APIResponse(responseCode = "404", description = "Checkpoints are disabled (checkpoints_disabled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeysJson keys(@Context UriInfo uri) {
        requireEnabled();
        QueryParameters.of(uri, Set.of());
        return new KeysJson(keys.origin(), keys.logKey(), keys.witnessKeys());
    }

    /** The inclusion proof of one entry in a checkpoint. */
    @GET
    @Path("/proofs/inclusion")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getInclusionProof", summary = "An entry's inclusion proof against a checkpoint", description = "Public. RFC 9162 audit path of entry "
            + "seq (leaf seq - 1) in the tree of the checkpoint of treeSize entries. The leaf is the entry's event JSON as "
            + "GET /ledger/events serves it, canonical (RFC 8785), in UTF-8.")
    @APIResponse(responseCode = "200", description = "The proof")
    @APIResponse(responseCode = "400", description = "seq or treeSize missing or not a positive whole number, or seq past "
            + "treeSize (invalid_proof_request); another query parameter (invalid_query_parameter)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No checkpoint of treeSize entries (checkpoint_not_found)" + E404_DISABLED,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InclusionJson> inclusion(@Context UriInfo uri) {
        requireEnabled();
        QueryParameters parameters = QueryParameters.of(uri, Set.of("seq", "treeSize"));
        long seq = required(parameters, "seq");
        long treeSize = required(parameters, "treeSize");
        if (seq > treeSize) {
            throw invalid("seq", "Entry " + seq + " is not in a tree of " + treeSize + " entries; seq is at most treeSize.");
        }
        return queries.inclusion(seq, treeSize);
    }

    /** The consistency proof between two checkpoints. */
    @GET
    @Path("/proofs/consistency")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getConsistencyProof", summary = "A consistency proof between two checkpoints", description = "Public. RFC 9162 proof that the tree of "
            + "the checkpoint of `to` entries extends the tree of the checkpoint of `from` entries (empty when they are equal).")
    @APIResponse(responseCode = "200", description = "The proof")
    @APIResponse(responseCode = "400", description = "from or to missing or not a positive whole number, or from past to "
            + "(invalid_proof_request); another query parameter (invalid_query_parameter)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "from or to is not a checkpoint's tree size (checkpoint_not_found)"
            + E404_DISABLED, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConsistencyJson> consistency(@Context UriInfo uri) {
        requireEnabled();
        QueryParameters parameters = QueryParameters.of(uri, Set.of("from", "to"));
        long from = required(parameters, "from");
        long to = required(parameters, "to");
        if (from > to) {
            throw invalid("from", "A consistency proof goes from a smaller tree to a larger one: from " + from
                    + " is past to " + to + ".");
        }
        return queries.consistency(from, to);
    }

    private void requireEnabled() {
        if (!keys.enabled()) {
            throw new ProblemException(404, ProblemCodes.CHECKPOINTS_DISABLED,
                    "This registry signs no checkpoints (jcm.checkpoint.enabled is false): it has no transparency log to read.");
        }
    }

    /** JSON, or the note itself when the client prefers {@code text/plain}. */
    private static Response answer(CheckpointJson checkpoint, HttpHeaders headers) {
        return Representations.plainText(headers) ? Representations.text(checkpoint.note())
                : Representations.json(checkpoint);
    }

    private static long required(QueryParameters parameters, String name) {
        String text = parameters.get(name);
        if (text == null) {
            throw invalid(name, "Query parameter " + name + " is required: a positive whole number.");
        }
        return positive(text).orElseThrow(() -> invalid(name, "Query parameter " + name + " must be a positive whole number; it was "
                + ClientText.quote(text) + "."));
    }

    /** A positive whole number written with digits only, without a sign or leading zeros. */
    private static Optional<Long> positive(String text) {
        if (text.isEmpty() || text.length() > 18 || text.charAt(0) == '0') {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(text));
    }

    private static ProblemException invalid(String name, String detail) {
        return new ProblemException(400, ProblemCodes.INVALID_PROOF_REQUEST, detail, List.of(new FieldError(name, detail)));
    }
}

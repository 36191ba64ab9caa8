package org.jcm.settlement.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jcm.settlement.api.Times;
import org.jcm.settlement.problem.ProblemCodes;
import org.jcm.settlement.witness.Alarm;
import org.jcm.settlement.witness.CosignedCheckpoint;
import org.jcm.settlement.witness.TreeHead;
import org.jcm.settlement.witness.Witness;
import org.jcm.settlement.witness.WitnessStatus;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/**
 * The witness's public reads (docs/settlement.md, "The witness"): the checkpoints it cosigned, its
 * status and its verifier key. Public like the registry's checkpoints: they are evidence for anyone.
 */
@Path("/api/v1/witness")
@Tag(name = "Witness")
@PermitAll
public class WitnessResource {

    /** A cosignature as the registry's checkpoint endpoints list them. */
    public record CosignatureView(String witness, String keyId, long timestamp, String line) {
    }

    /** A cosigned checkpoint: {@code note} is the log's signed note with the witness's line added. */
    public record CheckpointView(long treeSize, String rootHash, String origin, String note,
                                 CosignatureView cosignature, String cosignedAt) {

        static CheckpointView of(CosignedCheckpoint c) {
            return new CheckpointView(c.treeSize(), Base64.getEncoder().encodeToString(c.rootHash()), c.origin(),
                    c.cosignedNote(), new CosignatureView(c.witness(), c.keyIdHex(), c.timestamp(), c.cosignature()),
                    Times.format(c.cosignedAt()));
        }
    }

    /** An open alarm: the reason code, what the witness found, the refused checkpoint and when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AlarmView(String reason, String detail, Long treeSize, String note, String raisedAt) {

        static AlarmView of(Alarm a) {
            return a == null ? null
                    : new AlarmView(a.reason(), a.detail(), a.treeSize(), a.note(), Times.format(a.raisedAt()));
        }
    }

    /** The head of the witness's own tree over the entries it consumed. */
    public record TreeView(long size, String rootHash) {
    }

    /**
     * The status: {@code OK}, {@code ALARM} (with the alarm) or {@code DISABLED}; the latest cosigned
     * size, the witness's own tree, and the size of a checkpoint waiting for the tree to grow.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusView(String status, AlarmView alarm, long cosignedSize, TreeView tree, Long waitingForTreeSize,
                             String problem) {

        static StatusView of(WitnessStatus s, TreeHead head) {
            return new StatusView(s.status(), AlarmView.of(s.alarm()), s.cosignedSize(),
                    new TreeView(head.size(), Base64.getEncoder().encodeToString(head.root())), s.waitingForTreeSize(),
                    s.problem());
        }
    }

    /** The witness's verifier key string (C2SP signed-note form, algorithm 0x04) and its name. */
    public record KeyView(String name, String verifierKey) {
    }

    private final Witness witness;

    WitnessResource(Witness witness) {
        this.witness = witness;
    }

    @GET
    @Path("/checkpoints/latest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getLatestCosignedCheckpoint", summary = "The latest checkpoint the witness cosigned, with the log's signature and its cosignature")
    @APIResponse(responseCode = "200", description = "The cosigned checkpoint")
    // Names the Problem class, which puts the Problem schema into the document's components for every problem response.
    @APIResponse(responseCode = "404", description = "The witness has cosigned no checkpoint yet (checkpoint_not_found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CheckpointView latest() {
        return witness.latest().map(CheckpointView::of).orElseThrow(() -> new ProblemException(404,
                ProblemCodes.CHECKPOINT_NOT_FOUND, "The witness has cosigned no checkpoint yet."));
    }

    @GET
    @Path("/checkpoints/{treeSize}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCosignedCheckpoint", summary = "The checkpoint of a tree size that the witness cosigned")
    @APIResponse(responseCode = "200", description = "The cosigned checkpoint")
    @APIResponse(responseCode = "400", description = "treeSize is not a positive decimal number without leading zeros, "
            + "or is above 2^63-1 (invalid_parameter)")
    @APIResponse(responseCode = "404", description = "The witness did not cosign this tree size (checkpoint_not_found)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CheckpointView checkpoint(@PathParam("treeSize") String treeSize) {
        long size = treeSize(treeSize);
        return witness.cosigned(size).map(CheckpointView::of).orElseThrow(() -> new ProblemException(404,
                ProblemCodes.CHECKPOINT_NOT_FOUND, "The witness has cosigned no checkpoint of tree size " + size + "."));
    }

    @GET
    @Path("/status")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getWitnessStatus", summary = "OK, or ALARM with the reason, the refused checkpoint and the time")
    public StatusView status() {
        return StatusView.of(witness.status(), witness.treeHead());
    }

    @GET
    @Path("/key")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getWitnessKey", summary = "The witness's verifier key string")
    @APIResponse(responseCode = "200", description = "The key's name and the whole verifier key string")
    @APIResponse(responseCode = "404", description = "The witness is switched off (witness_disabled)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public KeyView key() {
        String key = witness.verifierKey().orElseThrow(() -> new ProblemException(404, ProblemCodes.WITNESS_DISABLED,
                "The witness is switched off on this service."));
        return new KeyView(key.substring(0, key.indexOf('+')), key);
    }

    private static long treeSize(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,18}")) {
            throw new ProblemException(400, ProblemCodes.INVALID_PARAMETER,
                    "Path parameter 'treeSize' must be a tree size: a positive decimal number without leading zeros.");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ProblemException(400, ProblemCodes.INVALID_PARAMETER,
                    "Path parameter 'treeSize' is at most " + Long.MAX_VALUE + ".");
        }
    }
}

package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON forms of the transparency log's public reads (docs/transparency-log.md, "Reading
 * checkpoints and proofs"): signed checkpoints with their cosignatures, the log's and the witnesses'
 * keys, inclusion and consistency proofs, and a unit's entries with their inclusion proofs. Hashes
 * are standard base64 of 32 bytes, as in the checkpoint text.
 */
public final class TransparencyJson {

    private TransparencyJson() {
    }

    /** A signed checkpoint, with the cosignatures stored for it. */
    @Schema(name = "Checkpoint", description = "A signed tree head of the ledger (C2SP tlog-checkpoint) and its cosignatures")
    public record CheckpointJson(
            @Schema(description = "Entries covered: seq 1 to treeSize", example = "1000") long treeSize,
            @Schema(description = "RFC 9162 root of those entries, base64", example = "nR7EGCy2x1T9ms4YdVjUJ5tiZzH55mnDD6M0siIN1gg=")
            String rootHash,
            @Schema(description = "The log's name: the note's first line and the signing key's name", example = "jcm.local/ledger")
            String origin,
            @Schema(description = "The signed note: the checkpoint text, a blank line, the log's signature line, then one line "
                    + "per cosignature below; what `Accept: text/plain` answers") String note,
            @Schema(description = "When the checkpoint was signed (UTC)", example = "2026-12-07T11:40:00.123456Z") String createdAt,
            @Schema(description = "The witnesses' cosignatures of this checkpoint, by witness name") List<CosignatureJson> cosignatures) {
    }

    /** One witness's cosignature (C2SP tlog-cosignature v1). */
    @Schema(name = "Cosignature")
    public record CosignatureJson(
            @Schema(description = "The witness key's name", example = "jcm.local/witness") String witness,
            @Schema(description = "The witness key's ID, 8 hex digits", example = "9426ceb9") String keyId,
            @Schema(description = "When the witness cosigned, POSIX seconds", example = "1767225600") long timestamp,
            @Schema(description = "The note signature line, without its newline") String line) {
    }

    /** The keys that verify the log's notes and its witnesses' cosignatures. */
    @Schema(name = "LogKeys")
    public record KeysJson(
            @Schema(description = "The log's name (checkpoint origin)", example = "jcm.local/ledger") String origin,
            @Schema(description = "The log's verifier key string (name+key id+base64(0x01 || Ed25519 public key))",
                    example = "jcm.local/ledger+945f85b4+AeMKWoVARezYt5zyv5hjss3zbY+Mmh+v1bfafVRZvNa2") String logKey,
            @Schema(description = "The verifier key strings of the witnesses whose cosignatures are served (0x04 keys)")
            List<String> witnessKeys) {
    }

    /** An inclusion proof: the audit path of entry {@code seq} (leaf {@code seq - 1}) in the tree of {@code treeSize}. */
    @Schema(name = "InclusionProof")
    public record InclusionJson(
            @Schema(example = "42") long seq,
            @Schema(description = "seq - 1", example = "41") long leafIndex,
            @Schema(description = "The checkpoint's tree size", example = "1000") long treeSize,
            @Schema(description = "RFC 9162 PATH(leafIndex, D[0:treeSize]), base64, from the leaf's sibling up")
            List<String> hashes) {
    }

    /** A consistency proof from the tree of {@code from} entries to the tree of {@code to}. */
    @Schema(name = "ConsistencyProof")
    public record ConsistencyJson(
            @Schema(example = "1000") long from,
            @Schema(example = "2000") long to,
            @Schema(description = "RFC 9162 PROOF(from, D[0:to]), base64; empty when from = to") List<String> hashes) {
    }

    /**
     * The entries that touched a unit, each with its inclusion proof against one checkpoint (the
     * latest when the first page was read): one page of them.
     */
    @Schema(name = "UnitProof")
    public record UnitProofJson(
            @Schema(description = "The serial, unit reference or ITMO id, as given", example = "JCM-MN001-2024-1001-1250")
            String query,
            @Schema(description = "The checkpoint every proof of this page leads to") CheckpointJson checkpoint,
            @Schema(description = "Entries up to the checkpoint's size that touched the units, in seq order") List<UnitEntryJson> items,
            @Schema(description = "Cursor of the next page (same checkpoint), null on the last one") String next) {
    }

    /** One entry of a unit's proof: the event as hashed into the tree, and its audit path. */
    @Schema(name = "UnitProofEntry")
    public record UnitEntryJson(
            @Schema(example = "61") long seq,
            @Schema(description = "seq - 1", example = "60") long leafIndex,
            @Schema(description = "The event's canonical JSON (RFC 8785) exactly as stored: its UTF-8 bytes are the leaf")
            String eventJson,
            @Schema(description = "RFC 9162 PATH(leafIndex, D[0:treeSize]), base64") List<String> hashes) {
    }
}

package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of {@code POST /api/v1/ledger/verify}: whether the whole log replays into exactly the
 * stored state with an intact hash chain, and if not, the first divergence found.
 *
 * @param ok true when the chain is intact, every event replays and every compared row agrees
 * @param headSeq the last seq that was checked and found good (0 when the first event is bad)
 * @param headHash that entry's hash (64 zeros for none)
 * @param eventsChecked how many events passed the chain, format and replay checks
 * @param rowsCompared per table, how many stored rows were compared with the replayed state
 * @param durationMillis how long the verification took
 * @param divergence the first problem found, or null when {@code ok}
 */
@Schema(description = "Result of a full ledger verification. Answered with 200 whether or not the ledger is sound; "
        + "`ok` says which, and `divergence` names the first problem.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(boolean ok, long headSeq, String headHash, long eventsChecked,
                                 Map<String, Long> rowsCompared, long durationMillis, Divergence divergence) {

    /**
     * The first place where the ledger is not what replay says it must be.
     *
     * @param kind {@code CHAIN} (sequence or hash), {@code EVENT} (a stored event that cannot be
     *     read or whose columns disagree with its JSON), {@code REPLAY} (an event that does not fit
     *     the state before it), {@code CHECKPOINT} (the entries do not hash to a stored checkpoint's
     *     root, or a checkpoint covers entries the log does not hold), {@code INVARIANT} (the replayed
     *     state breaks a rule of docs/domain.md section 4) or {@code STATE} (a stored row differs from
     *     the replayed state)
     * @param problem what exactly, e.g. {@code HASH_MISMATCH}, {@code SEQUENCE_GAP},
     *     {@code NOT_CANONICAL}, {@code FIELD_MISMATCH}, {@code MISSING_ROW}, {@code UNEXPECTED_ROW}
     * @param seq the event at fault, for CHAIN, EVENT and REPLAY; for CHECKPOINT the entry that completed it
     * @param table the table at fault, for STATE and CHECKPOINT
     * @param key the row's key, for STATE, e.g. {@code MNG/2024/1001} for a block; the tree size for CHECKPOINT
     * @param field the column or field that differs
     * @param expected the value replay or the chain requires
     * @param found the value stored
     * @param detail one sentence saying it all
     */
    @Schema(name = "Divergence", description = "The first divergence between the log, its hashes and the stored state.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Divergence(String kind, String problem, Long seq, String table, String key, String field,
                             String expected, String found, String detail) {
    }
}

package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.TrustedAccountAdded;

/** One event a mutation appended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One ledger event appended by the mutation")
public record EventSummary(
        @Schema(description = "Sequence number in the ledger", example = "42") long seq,
        @Schema(description = "Event type", example = "CreditsTransferred") String type,
        @Schema(description = "When it was applied (RFC 3339, UTC, milliseconds)", example = "2025-04-01T09:30:00.000Z") String at,
        @Schema(description = "Blocks the event placed into an account (issuances, transfers, cancellations, retirements); "
                + "empty for other events") List<BlockSummary> blocks,
        @Schema(description = "TrustedAccountAdded only: from when the added account is trusted",
                example = "2025-04-08T09:30:00.000Z") String effectiveAt,
        @Schema(description = "CreditsRetired only: where the retirement's certificate is read once a signed checkpoint "
                + "covers it", example = "/api/v1/retirements/42/certificate") String certificate) {

    /** An event that carries no instant of its own besides {@code at}. */
    public EventSummary(long seq, String type, String at, List<BlockSummary> blocks) {
        this(seq, type, at, blocks, null, null);
    }

    /**
     * The summary of {@code event}: its blocks, the instant from which an added trusted account is
     * trusted, and a retirement's certificate path.
     */
    static EventSummary of(LedgerEvent event, ResponseBlocks blocks) {
        return new EventSummary(event.seq(), event.type(), EventCodec.formatTime(event.at()), event.accept(blocks),
                event instanceof TrustedAccountAdded added ? EventCodec.formatTime(added.effectiveAt()) : null,
                event instanceof CreditsRetired ? certificatePath(event.seq()) : null);
    }

    /** The path of retirement {@code seq}'s certificate ({@code GET}, docs/api.md "Retirement certificates"). */
    public static String certificatePath(long seq) {
        return "/api/v1/retirements/" + seq + "/certificate";
    }
}

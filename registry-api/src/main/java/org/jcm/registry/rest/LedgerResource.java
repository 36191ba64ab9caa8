package org.jcm.registry.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jcm.registry.api.LedgerHead;
import org.jcm.registry.api.VerificationReport;
import org.jcm.registry.persistence.LedgerPages;
import org.jcm.support.problem.FieldError;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.support.problem.ProblemException;
import org.jcm.registry.verify.LedgerVerifier;

/** The ledger itself: its entries in sequence order, its head, and a full verification for auditors. */
@Path("/api/v1/ledger")
@Tag(name = "Ledger", description = "The append-only, hash-chained event log (docs/hash-chain.md, docs/ledger-stream.md).")
public class LedgerResource {

    /** The largest page the API serves (API.md: lists page with limit at most 1000). */
    public static final int MAX_LIMIT = 1000;
    /** The page size when the client names none. */
    public static final int DEFAULT_LIMIT = 100;

    private final LedgerPages reader;
    private final LedgerVerifier verifier;

    LedgerResource(LedgerPages reader, LedgerVerifier verifier) {
        this.reader = reader;
        this.verifier = verifier;
    }

    /** A page of entries after a cursor, in sequence order. */
    @GET
    @Path("/events")
    // Every holder's movements and memos: for auditors and the operator who runs the system, not for
    // exchanges, which read their own trades and statements in settlement (docs/security.md).
    @RolesAllowed({"auditor", "operator"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listLedgerEvents", summary = "Ledger entries in sequence order",
            description = "Entries `{seq, prevHash, hash, event}` after the cursor, where `event` is the event JSON "
                    + "(`seq`, `type`, `at`, `actor` and the payload) exactly as hashed. `next` is the cursor of the "
                    + "following page, or null when this page reaches the head. Each entry is byte for byte the value "
                    + "of the same seq's record on the Kafka topic `jcm.ledger.events`.")
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryPage.class)))
    public Uni<String> events(
            @Parameter(description = "Return entries with seq greater than this (a `next` cursor or any seq); default 0.")
            @QueryParam("after") String after,
            @Parameter(description = "Entries per page, 1 to 1000; default 100.") @QueryParam("limit") String limit) {
        long afterSeq = parse("after", after, 0, 0, Long.MAX_VALUE);
        int pageSize = (int) parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        return reader.page(afterSeq, pageSize);
    }

    /** The newest seq and hash. */
    @GET
    @Path("/head")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getLedgerHead", summary = "The ledger head", description = "The newest seq and its hash; seq 0 and 64 zeros for an empty ledger.")
    public Uni<LedgerHead> head() {
        return reader.head();
    }

    /** Replays the whole log and compares it with the stored state. */
    @POST
    @Path("/verify")
    @RolesAllowed("auditor")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyLedger", summary = "Verify the whole ledger",
            description = "Checks the gapless sequence and every hash, replays every event through ledger-core, checks the "
                    + "invariants and compares the stored live blocks, balances, accounts and reference data with the "
                    + "replayed state. Answers 200 in both cases: `ok` false with the first `divergence` when the ledger "
                    + "is broken. Runs one at a time.")
    public VerificationReport verify() {
        return verifier.verify();
    }

    private static long parse(String name, String text, long absent, long min, long max) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            value = Long.MIN_VALUE;
        }
        if (value < min || value > max || !text.matches("[0-9]+")) {
            String rule = "Must be a whole number from " + min + (max == Long.MAX_VALUE ? " up." : " to " + max + ".");
            throw new ProblemException(400, ProblemCodes.INVALID_FIELD, "Query parameter " + name + " is not valid. " + rule,
                    List.of(new FieldError(name, rule)));
        }
        return value;
    }

    /** The shape of a page, for the OpenAPI document only: the service writes pages directly. */
    @Schema(name = "LedgerEntryPage")
    record EntryPage(List<Entry> items,
                     @Schema(description = "Cursor of the next page (the last seq of this one), or null at the head.",
                             nullable = true) String next) {
    }

    /** One entry, for the OpenAPI document only. */
    @Schema(name = "LedgerEntry")
    record Entry(long seq,
                 @Schema(description = "The previous entry's hash; 64 zeros for seq 1.") String prevHash,
                 @Schema(description = "SHA-256(bytes(prevHash) || JCS(event)), lowercase hex.") String hash,
                 @Schema(description = "The event: seq, type, at, actor and the payload (docs/ledger-model.md).")
                 java.util.Map<String, Object> event) {
    }
}

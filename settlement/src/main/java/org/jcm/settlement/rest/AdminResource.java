package org.jcm.settlement.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jcm.settlement.messaging.LedgerConsumer;
import org.jcm.settlement.problem.ProblemCodes;
import org.jcm.support.problem.ProblemException;
import org.jcm.settlement.security.Access;
import org.jcm.settlement.witness.Witness;
import org.jcm.support.openapi.ProblemResponsesFilter;

/** Operator actions on the settlement service. */
@Path("/api/v1/admin")
@Tag(name = "Operator")
@Extension(name = ProblemResponsesFilter.EXTENSION, value = SettlementApiDoc.OPERATOR_PROBLEMS)
public class AdminResource {

    /** The answer to a rebuild: the new generation; follow progress on {@code /api/v1/status}. */
    public record Rebuild(long generation, String status) {
    }

    private final LedgerConsumer consumer;
    private final Witness witness;
    private final Access access;

    AdminResource(LedgerConsumer consumer, Witness witness, Access access) {
        this.consumer = consumer;
        this.witness = witness;
        this.access = access;
    }

    @POST
    @Path("/witness/alarm/clear")
    @RolesAllowed(Access.OPERATOR)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "clearWitnessAlarm", summary = "Clear the witness's alarm after investigating it, so that it cosigns again (operator)")
    public WitnessResource.StatusView clearWitnessAlarm() {
        return WitnessResource.StatusView.of(witness.clearAlarm(access.subject()), witness.treeHead());
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Access.OPERATOR)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rebuildProjection", summary = "Wipe all ledger-derived data and apply the ledger again from sequence 1 (operator)")
    @APIResponse(responseCode = "202", description = "Requested: the new generation; follow it on /api/v1/status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rebuild.class)))
    @APIResponse(responseCode = "503", description = "The ledger consumer is not running (unavailable)")
    public Uni<Response> rebuild() {
        return Uni.createFrom().completionStage(consumer::requestRebuild)
                .map(generation -> Response.accepted(new Rebuild(generation, "/api/v1/status")).build())
                .onFailure(IllegalStateException.class).transform(e -> new ProblemException(503,
                        ProblemCodes.UNAVAILABLE, "The ledger consumer is not running, so it cannot rebuild."));
    }
}

package org.jcm.settlement.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jcm.settlement.api.Times;
import org.jcm.settlement.messaging.ConsumerStatus;
import org.jcm.settlement.messaging.LedgerConsumer;

/** How far the settlement service has applied the ledger. */
@Path("/api/v1/status")
@Tag(name = "Status")
@PermitAll
public class StatusResource {

    /**
     * The status: {@code lagRecords} counts records on the topic not yet read (-1 unknown);
     * {@code lagMillis} is how old the last applied event is while records wait, else 0.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SettlementStatus")
    public record Status(String state, long lastAppliedSeq, String lastAppliedAt, long lagRecords, long lagMillis,
                         Long waitingForSeq, long generation, String problem) {
    }

    private final LedgerConsumer consumer;
    private final Clock clock;

    StatusResource(LedgerConsumer consumer, Clock clock) {
        this.consumer = consumer;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStatus", summary = "Last applied ledger seq, consumer state and lag")
    public Status status() {
        ConsumerStatus s = consumer.status();
        long lagMillis = s.lagRecords() > 0 && s.lastAppliedAt() != null
                ? Math.max(0, clock.millis() - s.lastAppliedAt().toEpochMilli()) : 0;
        return new Status(s.state().name(), s.lastAppliedSeq(), Times.format(s.lastAppliedAt()), s.lagRecords(),
                lagMillis, s.waitingForSeq() == 0 ? null : s.waitingForSeq(), s.generation(), s.problem());
    }
}

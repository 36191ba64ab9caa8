package org.jcm.ledger.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.Vintage;

/** New units were issued: one ACTIVE block per allocation, contiguous and in allocation order. */
public record CreditsIssued(long seq, Instant at, Actor actor, IssuanceId issuanceId, ProjectId projectId,
                            PartyCode hostParty, Vintage vintage, LocalDate monitoringPeriodStart,
                            LocalDate monitoringPeriodEnd, long totalQuantity, List<IssuedAllocation> allocations,
                            Optional<IssuanceRequestId> issuanceRequestId) implements LedgerEvent {
    public CreditsIssued {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(issuanceId, "issuanceId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(hostParty, "hostParty");
        Objects.requireNonNull(vintage, "vintage");
        Objects.requireNonNull(monitoringPeriodStart, "monitoringPeriodStart");
        Objects.requireNonNull(monitoringPeriodEnd, "monitoringPeriodEnd");
        allocations = List.copyOf(allocations);
        Objects.requireNonNull(issuanceRequestId, "issuanceRequestId");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitCreditsIssued(this);
    }
}

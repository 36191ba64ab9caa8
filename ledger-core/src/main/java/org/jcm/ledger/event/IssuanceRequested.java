package org.jcm.ledger.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.ProjectId;

/**
 * A project participant asked for issuance; the ledger assigned the request id. On the route the
 * request cites its verified monitoring cycle ({@code monitoringCycleId}, written only then).
 */
public record IssuanceRequested(long seq, Instant at, Actor actor, IssuanceRequestId issuanceRequestId,
                                ProjectId projectId, OrganizationId organizationId, LocalDate monitoringPeriodStart,
                                LocalDate monitoringPeriodEnd, long verifiedQuantity, String verificationReference,
                                Optional<MonitoringCycleId> monitoringCycleId)
        implements LedgerEvent {
    public IssuanceRequested {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(issuanceRequestId, "issuanceRequestId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(monitoringPeriodStart, "monitoringPeriodStart");
        Objects.requireNonNull(monitoringPeriodEnd, "monitoringPeriodEnd");
        Objects.requireNonNull(verificationReference, "verificationReference");
        Objects.requireNonNull(monitoringCycleId, "monitoringCycleId");
    }

    /** A request made without a monitoring cycle (before the route): no {@code monitoringCycleId}, encoded as before. */
    public IssuanceRequested(long seq, Instant at, Actor actor, IssuanceRequestId issuanceRequestId, ProjectId projectId,
                             OrganizationId organizationId, LocalDate monitoringPeriodStart, LocalDate monitoringPeriodEnd,
                             long verifiedQuantity, String verificationReference) {
        this(seq, at, actor, issuanceRequestId, projectId, organizationId, monitoringPeriodStart, monitoringPeriodEnd,
                verifiedQuantity, verificationReference, Optional.empty());
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitIssuanceRequested(this);
    }
}

package org.jcm.ledger.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.ProjectId;

/**
 * The applicant submitted a monitoring report for one monitoring period of a registered project:
 * a new monitoring cycle (its id the next number), or the resubmission of a returned one (its id
 * an existing cycle of the same project).
 */
public record MonitoringReportSubmitted(long seq, Instant at, Actor actor, MonitoringCycleId monitoringCycleId, ProjectId projectId,
                                        LocalDate periodStart, LocalDate periodEnd, long claimedQuantity,
                                        List<DocumentRef> documents) implements ProjectCycleEvent {
    public MonitoringReportSubmitted {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(monitoringCycleId, "monitoringCycleId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        documents = List.copyOf(documents);
    }

    @Override
    public String subjectId() {
        return monitoringCycleId.value();
    }

    @Override
    public <R> R acceptCycle(ProjectCycleEvent.Visitor<R> visitor) {
        return visitor.visitMonitoringReportSubmitted(this);
    }
}

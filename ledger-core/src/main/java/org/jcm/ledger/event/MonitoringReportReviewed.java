package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.ReviewVerdict;

/** A third-party entity verified a monitoring report (with the verified quantity), returned it, or rejected it. */
public record MonitoringReportReviewed(long seq, Instant at, Actor actor, MonitoringCycleId monitoringCycleId, ReviewVerdict verdict,
                                       Optional<Long> verifiedQuantity, List<String> reasons, List<DocumentRef> documents)
        implements ProjectCycleEvent {
    public MonitoringReportReviewed {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(monitoringCycleId, "monitoringCycleId");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(verifiedQuantity, "verifiedQuantity");
        reasons = List.copyOf(reasons);
        documents = List.copyOf(documents);
    }

    @Override
    public String subjectId() {
        return monitoringCycleId.value();
    }

    @Override
    public <R> R acceptCycle(ProjectCycleEvent.Visitor<R> visitor) {
        return visitor.visitMonitoringReportReviewed(this);
    }
}

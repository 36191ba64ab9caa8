package org.jcm.ledger.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.serial.Quantity;

/** Resubmits a monitoring report that the verifier returned for revision, possibly revised. The applicant. */
public record ResubmitMonitoringReport(MonitoringCycleId monitoringCycleId, LocalDate periodStart, LocalDate periodEnd,
                                       Quantity claimedQuantity, List<DocumentRef> documents) implements Command {
    public ResubmitMonitoringReport {
        Objects.requireNonNull(monitoringCycleId, "monitoringCycleId");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(claimedQuantity, "claimedQuantity");
        documents = DocumentRef.list(documents);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitResubmitMonitoringReport(this);
    }
}

package org.jcm.ledger.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.serial.Quantity;

/**
 * Submits the monitoring report of a registered project for one monitoring period (any length the
 * methodology allows, first and last day included) with the quantity of reductions claimed: a new
 * monitoring cycle, numbered by the ledger ({@code MC} + 8 digits). The applicant of the project's
 * application (an account holder of the representative or of the proxy).
 */
public record SubmitMonitoringReport(ProjectId projectId, LocalDate periodStart, LocalDate periodEnd, Quantity claimedQuantity,
                                     List<DocumentRef> documents) implements Command {
    public SubmitMonitoringReport {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(claimedQuantity, "claimedQuantity");
        documents = DocumentRef.list(documents);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitSubmitMonitoringReport(this);
    }
}

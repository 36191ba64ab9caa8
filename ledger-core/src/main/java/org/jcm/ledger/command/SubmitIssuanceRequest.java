package org.jcm.ledger.command;

import java.time.LocalDate;
import java.util.Objects;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.serial.Quantity;

/**
 * A project participant asks for issuance after verification: monitoring period, verified
 * quantity, verification reference. Account holder of a participant organization.
 */
public record SubmitIssuanceRequest(ProjectId projectId, LocalDate monitoringPeriodStart, LocalDate monitoringPeriodEnd,
                                    Quantity verifiedQuantity, String verificationReference) implements Command {
    public SubmitIssuanceRequest {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(monitoringPeriodStart, "monitoringPeriodStart");
        Objects.requireNonNull(monitoringPeriodEnd, "monitoringPeriodEnd");
        Objects.requireNonNull(verifiedQuantity, "verifiedQuantity");
        Checks.freeText("verificationReference", verificationReference, Texts.NAME_MAX);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitSubmitIssuanceRequest(this);
    }
}

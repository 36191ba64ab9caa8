package org.jcm.registry.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.SubmitIssuanceRequest;
import org.jcm.ledger.id.ProjectId;

/** A project participant asks for issuance after verification. */
@Schema(description = "A participant's request for issuance after verification")
public record IssuanceRequestSubmission(
        @Schema(description = "The project", example = "MN001", required = true) String projectId,
        @Schema(description = "First day of the monitoring period", example = "2024-01-01", required = true)
        LocalDate monitoringPeriodStart,
        @Schema(description = "Last day of the monitoring period", example = "2024-12-31", required = true)
        LocalDate monitoringPeriodEnd,
        @Schema(description = "Verified emission reductions, tonnes CO2e", example = "10000", required = true)
        Long verifiedQuantity,
        @Schema(description = "The verification report's reference", example = "VR-2025-0042", required = true)
        String verificationReference) {

    public SubmitIssuanceRequest toCommand() {
        ProjectId project = Fields.parse("projectId", projectId, ProjectId::parse);
        Fields.required("monitoringPeriodStart", monitoringPeriodStart);
        Fields.required("monitoringPeriodEnd", monitoringPeriodEnd);
        var quantity = Fields.quantity("verifiedQuantity", verifiedQuantity);
        Fields.required("verificationReference", verificationReference);
        return Fields.shape(() -> new SubmitIssuanceRequest(project, monitoringPeriodStart, monitoringPeriodEnd, quantity,
                verificationReference));
    }
}

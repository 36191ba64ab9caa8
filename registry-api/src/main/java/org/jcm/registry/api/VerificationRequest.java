package org.jcm.registry.api;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.VerifyMonitoringReport;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.serial.Quantity;

/** A third-party entity's verification of a monitoring report. */
@Schema(description = "A verification: ACCEPT with the verified quantity (at most the claimed one) and a VERIFICATION_REPORT, "
        + "RETURN for revision or REJECT with reasons and no quantity")
public record VerificationRequest(
        @Schema(description = "ACCEPT, RETURN or REJECT", example = "ACCEPT", required = true) String verdict,
        @Schema(description = "Verified reductions, tonnes CO2e: with ACCEPT only", example = "1000") Long verifiedQuantity,
        @Schema(description = "Reasons, at most 20 of 1 to 500 characters; at least one to return or reject")
        List<String> reasons,
        @Schema(description = "The cited documents, at most 50; a VERIFICATION_REPORT with ACCEPT") List<DocumentCitation> documents) {

    public VerifyMonitoringReport toCommand(String cycleId, List<DocumentRef> refs) {
        MonitoringCycleId id = Fields.parse("id", cycleId, MonitoringCycleId::parse);
        var v = ReviewRequest.verdict(verdict);
        Optional<Quantity> verified = verifiedQuantity == null ? Optional.empty()
                : Optional.of(Fields.quantity("verifiedQuantity", verifiedQuantity));
        return Fields.shape(() -> new VerifyMonitoringReport(id, v, verified, ReviewRequest.reasons(reasons), refs));
    }
}

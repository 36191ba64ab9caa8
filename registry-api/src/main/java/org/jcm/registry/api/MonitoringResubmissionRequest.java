package org.jcm.registry.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.ResubmitMonitoringReport;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.MonitoringCycleId;

/** A monitoring report the verifier returned, resubmitted (possibly revised). */
@Schema(description = "A revised monitoring report: period, claimed quantity and documents (at least one MONITORING_REPORT)")
public record MonitoringResubmissionRequest(
        @Schema(description = "First day of the monitoring period", example = "2026-01-01", required = true) LocalDate periodStart,
        @Schema(description = "Last day of the monitoring period", example = "2026-06-30", required = true) LocalDate periodEnd,
        @Schema(description = "Reductions claimed, tonnes CO2e", example = "1100", required = true) Long claimedQuantity,
        @Schema(description = "The cited documents, at most 50; at least one MONITORING_REPORT", required = true)
        List<DocumentCitation> documents) {

    public ResubmitMonitoringReport toCommand(String cycleId, List<DocumentRef> refs) {
        MonitoringCycleId id = Fields.parse("id", cycleId, MonitoringCycleId::parse);
        Fields.required("periodStart", periodStart);
        Fields.required("periodEnd", periodEnd);
        var claimed = Fields.quantity("claimedQuantity", claimedQuantity);
        return Fields.shape(() -> new ResubmitMonitoringReport(id, periodStart, periodEnd, claimed, refs));
    }
}

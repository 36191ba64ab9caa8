package org.jcm.registry.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.SubmitMonitoringReport;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.ProjectId;

/** The monitoring report of a registered project for one monitoring period: a new monitoring cycle. */
@Schema(description = "A monitoring report: the project, the monitoring period (first and last day included), the quantity "
        + "of reductions claimed and the documents (at least one MONITORING_REPORT)")
public record MonitoringReportRequest(
        @Schema(description = "A project registered on the application route", example = "MN003", required = true)
        String projectId,
        @Schema(description = "First day of the monitoring period", example = "2026-01-01", required = true) LocalDate periodStart,
        @Schema(description = "Last day of the monitoring period, within the methodology's longest period", example = "2026-06-30",
                required = true) LocalDate periodEnd,
        @Schema(description = "Reductions claimed, tonnes CO2e", example = "1200", required = true) Long claimedQuantity,
        @Schema(description = "The cited documents, at most 50; at least one MONITORING_REPORT", required = true)
        List<DocumentCitation> documents) {

    public SubmitMonitoringReport toCommand(List<DocumentRef> refs) {
        ProjectId project = Fields.parse("projectId", projectId, ProjectId::parse);
        Fields.required("periodStart", periodStart);
        Fields.required("periodEnd", periodEnd);
        var claimed = Fields.quantity("claimedQuantity", claimedQuantity);
        return Fields.shape(() -> new SubmitMonitoringReport(project, periodStart, periodEnd, claimed, refs));
    }
}

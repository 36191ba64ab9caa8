package org.jcm.registry.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.Vintage;

/**
 * A Joint Committee issuance decision, as one registry issues its share: the participants' issuance
 * request it answers, project, monitoring period, vintage, total and the allocations into the
 * issuing registry's own accounts.
 */
@Schema(description = "A Joint Committee decision to issue, for the issuing registry's share: the issuance request it answers, "
        + "project, monitoring period, vintage, total and allocations into the issuing registry's own holding accounts")
public record IssuanceDecisionRequest(
        @Schema(description = "The JC decision reference", example = "MN001-2024-01", required = true) String issuanceId,
        @Schema(description = "The project", example = "MN001", required = true) String projectId,
        @Schema(description = "First day of the monitoring period", example = "2024-01-01", required = true)
        LocalDate monitoringPeriodStart,
        @Schema(description = "Last day of the monitoring period", example = "2024-12-31", required = true)
        LocalDate monitoringPeriodEnd,
        @Schema(description = "Vintage year, within the monitoring period", example = "2024", required = true) Integer vintage,
        @Schema(description = "Units issued in total, tonnes CO2e", example = "10000", required = true) Long totalQuantity,
        @Schema(description = "1 to 100 allocations, in order, into holding accounts of the issuing administrator's registry; "
                + "they add up to the total", required = true)
        List<AllocationRequest> allocations,
        @Schema(description = "The participants' issuance request for this project and monitoring period; the issuances on it "
                + "together stay within its verified quantity", example = "IR000001", required = true) String issuanceRequestId) {

    public IssueCredits toCommand() {
        IssuanceId id = Fields.parse("issuanceId", issuanceId, IssuanceId::parse);
        ProjectId project = Fields.parse("projectId", projectId, ProjectId::parse);
        Fields.required("monitoringPeriodStart", monitoringPeriodStart);
        Fields.required("monitoringPeriodEnd", monitoringPeriodEnd);
        Fields.required("vintage", vintage);
        Vintage year = Fields.parse("vintage", vintage.toString(), text -> Vintage.of(Integer.parseInt(text)));
        var total = Fields.quantity("totalQuantity", totalQuantity);
        Fields.required("allocations", allocations);
        List<Allocation> lines = new ArrayList<>(allocations.size());
        for (int i = 0; i < allocations.size(); i++) {
            AllocationRequest a = Fields.required("allocations[" + i + "]", allocations.get(i));
            lines.add(new Allocation(Fields.parse("allocations[" + i + "].accountId", a.accountId(), AccountId::parse),
                    Fields.quantity("allocations[" + i + "].quantity", a.quantity())));
        }
        IssuanceRequestId request = Fields.parse("issuanceRequestId", issuanceRequestId, IssuanceRequestId::parse);
        return Fields.shape(() -> new IssueCredits(id, project, monitoringPeriodStart, monitoringPeriodEnd, year, total, lines,
                request));
    }
}

package org.jcm.registry.api;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.DecideIssuance;
import org.jcm.ledger.command.DecidedShare;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.MonitoringCycleId;

/** The Joint Committee's issuance decision on a monitoring cycle's request, as its secretariat records it. */
@Schema(description = "The Joint Committee's issuance decision: ACCEPT with the shares (per registry and vintage) and the "
        + "Japanese government's account, RETURN (the cycle goes back to verified) or REJECT, citing the decision")
public record CycleIssuanceDecisionRequest(
        @Schema(description = "ACCEPT, RETURN or REJECT", example = "ACCEPT", required = true) String verdict,
        @Schema(description = "The Joint Committee's decision reference, 1 to 200 characters", example = "JC-MN-2026-12",
                required = true) String decisionReference,
        @Schema(description = "With ACCEPT, 1 to 20 shares adding up to at most the verified quantity; none otherwise")
        List<DecidedShareRequest> shares,
        @Schema(description = "The Japanese government's holding account in a registry of Japan; it receives at least "
                + "floor(total * japanShareBasisPoints / 10000)", example = "JPN01-H00001") String japanGovernmentAccount,
        @Schema(description = "Reasons, at most 20 of 1 to 500 characters; at least one to return or reject")
        List<String> reasons,
        @Schema(description = "The cited documents (for example the JC_DECISION), at most 50") List<DocumentCitation> documents) {

    public DecideIssuance toCommand(String cycleId, List<DocumentRef> refs) {
        MonitoringCycleId id = Fields.parse("id", cycleId, MonitoringCycleId::parse);
        var v = ReviewRequest.verdict(verdict);
        Fields.required("decisionReference", decisionReference);
        List<DecidedShare> decided = new ArrayList<>();
        if (shares != null) {
            for (int i = 0; i < shares.size(); i++) {
                decided.add(Fields.required("shares[" + i + "]", shares.get(i)).toShare("shares[" + i + "]"));
            }
        }
        var japan = Fields.optional("japanGovernmentAccount", japanGovernmentAccount, AccountId::parse);
        return Fields.shape(() -> new DecideIssuance(id, v, decisionReference, decided, japan, ReviewRequest.reasons(reasons),
                refs));
    }
}

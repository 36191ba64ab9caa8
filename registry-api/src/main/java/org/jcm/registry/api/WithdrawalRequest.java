package org.jcm.registry.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.WithdrawApplication;
import org.jcm.ledger.id.ApplicationId;

/** The applicant withdraws its application before registration. */
@Schema(description = "A withdrawal, with optional reasons")
public record WithdrawalRequest(
        @Schema(description = "Reasons, at most 20 of 1 to 500 characters", example = "[\"The site is no longer available.\"]")
        List<String> reasons) {

    public WithdrawApplication toCommand(String applicationId) {
        ApplicationId id = Fields.parse("id", applicationId, ApplicationId::parse);
        return Fields.shape(() -> new WithdrawApplication(id, ReviewRequest.reasons(reasons)));
    }
}

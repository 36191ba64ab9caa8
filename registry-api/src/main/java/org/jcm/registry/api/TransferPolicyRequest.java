package org.jcm.registry.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.serial.Quantity;

/** An organization's transfer policy as its registry's administrator sets it (docs/four-eyes.md). */
@Schema(description = "The transfer policy of an organization's holding accounts")
public record TransferPolicyRequest(
        @Schema(description = "A transfer of more units than this needs a second account holder's approval, even to a trusted "
                + "account; null for none", example = "1000", nullable = true) Long approvalThreshold,
        @Schema(description = "Whether a transfer to an account that is not trusted needs a second account holder's approval",
                example = "true", required = true) Boolean untrustedNeedsApproval,
        @Schema(description = "How long a transfer to an account that is not trusted waits before it executes, ISO 8601, "
                + "PT0S to P365D", example = "PT26H", required = true) String untrustedDelay) {

    /** The command for the organization in the path. */
    public SetTransferPolicy toCommand(String organizationId) {
        OrganizationId organization = Fields.parse("organizationId", organizationId, OrganizationId::parse);
        Optional<Quantity> threshold = approvalThreshold == null ? Optional.empty()
                : Optional.of(Fields.quantity("approvalThreshold", approvalThreshold));
        Fields.required("untrustedNeedsApproval", untrustedNeedsApproval);
        Duration delay = duration(Fields.required("untrustedDelay", untrustedDelay));
        return Fields.shape(() -> new SetTransferPolicy(organization, threshold, untrustedNeedsApproval, delay));
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw Fields.invalid("untrustedDelay", "must be an ISO 8601 duration such as PT26H or P7D, was "
                    + org.jcm.registry.problem.ClientText.quote(text) + ".");
        }
    }
}

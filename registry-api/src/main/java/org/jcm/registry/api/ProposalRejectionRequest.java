package org.jcm.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a proposal's rejection (or its proposer's withdrawal): why. */
@Schema(description = "Why the proposal is rejected or withdrawn")
public record ProposalRejectionRequest(
        @Schema(description = "Why, 1 to 500 characters", example = "The Joint Committee decision cites another period",
                required = true) String reason) {
}

package org.jcm.registry.write;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;
import io.smallrye.config.WithDefault;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.ledger.state.TransferPolicy;

/**
 * Settings of the ledger's rules that are not data (prefix {@code jcm.ledger}). They go into the
 * {@link LedgerConfig} of the writer's state machine.
 */
@ConfigMapping(prefix = "jcm.ledger")
public interface LedgerRulesConfig {

    /**
     * The most units one issuance may create, 1 to 2^53 - 1; a larger issuance is refused with
     * {@code issuance_quantity_limit_exceeded}. The state machine reads it when it decides an
     * issuance, never when it folds or replays, so changing it leaves the ledger as it is.
     * See {@link LedgerConfig#DEFAULT_MAX_ISSUANCE_QUANTITY} for the default.
     */
    @WithDefault("100000000")
    long maxIssuanceQuantity();

    /**
     * How long after its addition an account on a trusted-account list becomes trusted
     * (docs/four-eyes.md); see {@link LedgerConfig#DEFAULT_TRUSTED_ACCOUNT_DELAY}.
     */
    @WithDefault("P7D")
    Duration trustedAccountDelay();

    /**
     * How long a pending transfer waits for its approval before it expires (docs/four-eyes.md); see
     * {@link LedgerConfig#DEFAULT_PENDING_APPROVAL_TIMEOUT}.
     */
    @WithDefault("P7D")
    Duration pendingApprovalTimeout();

    /**
     * How long a proposal of a four-eyes action (issuance, freeze, cancellation for correction,
     * authorization, adjustment) waits for its second subject before it expires
     * (docs/four-eyes.md); see {@link LedgerConfig#DEFAULT_PROPOSAL_TIMEOUT}.
     */
    @WithDefault("P7D")
    Duration proposalTimeout();

    /** The default transfer policy: whether a transfer to an untrusted account needs a second holder's approval. */
    @WithDefault("true")
    boolean untrustedTransferNeedsApproval();

    /** The default transfer policy: how long a transfer to an untrusted account waits before it executes. */
    @WithDefault("PT26H")
    Duration untrustedTransferDelay();

    /** The default transfer policy: the quantity above which every transfer needs approval (absent: none). */
    Optional<Long> transferApprovalThreshold();

    /**
     * The ledger configuration the writer decides commands with. The delays are read only when a
     * command is decided; the instants computed from them are recorded in the events, so changing
     * them never changes a replay.
     */
    default LedgerConfig ledgerConfig() {
        return LedgerConfig.DEFAULT.withMaxIssuanceQuantity(maxIssuanceQuantity())
                .withDefaultTransferPolicy(new TransferPolicy(transferApprovalThreshold(), untrustedTransferNeedsApproval(),
                        untrustedTransferDelay()))
                .withTrustedAccountDelay(trustedAccountDelay())
                .withPendingApprovalTimeout(pendingApprovalTimeout())
                .withProposalTimeout(proposalTimeout());
    }
}

package org.jcm.ledger.state;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An organization's rules for transfers out of its holding accounts. A transfer needs a second
 * account holder's approval when it moves more than {@code approvalThreshold} units (absent: no
 * threshold), or when its destination is not trusted and {@code untrustedNeedsApproval}; a
 * transfer to an untrusted destination executes {@code untrustedDelay} after it is initiated, or
 * after its approval. A transfer that needs neither executes at once, exactly like a transfer
 * before these controls existed.
 */
public record TransferPolicy(Optional<Long> approvalThreshold, boolean untrustedNeedsApproval, Duration untrustedDelay) {

    /**
     * The EU Union Registry's rules (Delegated Regulation (EU) 2019/1122, as amended by 2023/1642):
     * a transfer to an account outside the trusted-account list needs a second representative's
     * approval and executes 26 hours later; no threshold (the EU's limits are voluntary).
     */
    public static final TransferPolicy EU_DEFAULT = new TransferPolicy(Optional.empty(), true, Duration.ofHours(26));

    /** No approval and no delay for any transfer: every transfer executes at once. */
    public static final TransferPolicy OPEN = new TransferPolicy(Optional.empty(), false, Duration.ZERO);

    public TransferPolicy {
        Objects.requireNonNull(approvalThreshold, "approvalThreshold");
        Objects.requireNonNull(untrustedDelay, "untrustedDelay");
        if (approvalThreshold.isPresent() && approvalThreshold.get() < 1) {
            throw new IllegalArgumentException("the approval threshold must be at least 1");
        }
        if (untrustedDelay.isNegative()) {
            throw new IllegalArgumentException("the delay must not be negative");
        }
    }
}

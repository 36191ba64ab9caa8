package org.jcm.ledger.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.serial.Quantity;

/**
 * Configuration of the ledger's rules. Only the state machine reads the transfer controls' values,
 * when it decides; the instants it computes from them are recorded in the events, so replay never
 * depends on them.
 *
 * <ul>
 *   <li>{@code ndcPeriods}: the NDC periods that fix each Party's corresponding-adjustment method.
 *       The fold depends on them, so replay must use the same values as the writer
 *       ({@link #DEFAULT}: 2021-2025, 2026-2030, 2031-2035, the Paris Agreement's five-year NDC
 *       cycles).</li>
 *   <li>{@code maxIssuanceQuantity}: the most units one issuance may create
 *       ({@link #DEFAULT_MAX_ISSUANCE_QUANTITY}, 1 to 2^53 - 1). Only the state machine reads it,
 *       when it decides an issuance; the fold never does, so changing it never changes a replay.
 *       It keeps one mistaken or malicious issuance from using up a vintage's numbering.</li>
 *   <li>{@code defaultTransferPolicy}: the transfer policy of an organization whose registry
 *       administrator set none ({@link TransferPolicy#EU_DEFAULT}: a transfer to an untrusted
 *       account needs a second holder's approval and executes 26 hours later).</li>
 *   <li>{@code trustedAccountDelay}: how long after its addition an account on a trusted-account
 *       list becomes trusted ({@link #DEFAULT_TRUSTED_ACCOUNT_DELAY}, 7 days).</li>
 *   <li>{@code pendingApprovalTimeout}: how long a pending transfer waits for its approval before
 *       it expires ({@link #DEFAULT_PENDING_APPROVAL_TIMEOUT}, 7 days).</li>
 *   <li>{@code proposalTimeout}: how long a proposal of a four-eyes action waits for its second
 *       subject before it expires ({@link #DEFAULT_PROPOSAL_TIMEOUT}, 7 days; more than zero, at
 *       most 365 days). The proposal's {@code expiresAt} is recorded in its event.</li>
 * </ul>
 */
public record LedgerConfig(List<NdcPeriod> ndcPeriods, long maxIssuanceQuantity, TransferPolicy defaultTransferPolicy,
                           Duration trustedAccountDelay, Duration pendingApprovalTimeout, Duration proposalTimeout) {

    /**
     * 100,000,000 t per issuance. JCM issuances are in the thousands to hundreds of thousands of
     * tonnes, and even the largest issuances of the CDM (industrial gas projects) stayed in the
     * millions; this leaves a wide margin above that, and still needs some 90 million issuances to
     * exhaust a host Party's vintage numbering (2^53 - 1).
     */
    public static final long DEFAULT_MAX_ISSUANCE_QUANTITY = 100_000_000L;

    /**
     * 7 days. The EU Union Registry makes an addition to the trusted-account list effective after
     * 7 working days (before 2023) or 4 business days (Delegated Regulation (EU) 2023/1642), counted
     * in the registry's opening hours. The ledger has no working-day calendar, so it counts calendar
     * days and takes the longer figure: 7 calendar days are never shorter than 4 working days, and
     * at most a little shorter than 7 working days across a weekend, which the EU rule itself no
     * longer requires.
     */
    public static final Duration DEFAULT_TRUSTED_ACCOUNT_DELAY = Duration.ofDays(7);

    /**
     * 7 days. The EU rules set no expiry for an approval that is never given; the ledger needs one
     * so that reserved units do not stay blocked for ever. A week gives a second holder a full
     * working week (holidays and travel included) and matches the trusted-account delay, so an
     * initiator who adds the destination to the list instead loses no time by waiting.
     */
    public static final Duration DEFAULT_PENDING_APPROVAL_TIMEOUT = Duration.ofDays(7);

    /**
     * 7 days: a week lets a second registry administrator or government official, who may be
     * away or in another time zone, see and decide a proposal within one working week, while a
     * forgotten proposal (and the units a cancellation for correction reserves) does not stay
     * open indefinitely; it matches the time-out of pending transfers.
     */
    public static final Duration DEFAULT_PROPOSAL_TIMEOUT = Duration.ofDays(7);

    public static final LedgerConfig DEFAULT = new LedgerConfig(List.of(
            new NdcPeriod(2021, 2025), new NdcPeriod(2026, 2030), new NdcPeriod(2031, 2035)), DEFAULT_MAX_ISSUANCE_QUANTITY);

    public LedgerConfig {
        List<NdcPeriod> sorted = new ArrayList<>(ndcPeriods);
        sorted.sort(Comparator.comparingInt(NdcPeriod::firstYear));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).firstYear() <= sorted.get(i - 1).lastYear()) {
                throw new IllegalArgumentException("NDC periods overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        ndcPeriods = List.copyOf(sorted);
        if (maxIssuanceQuantity < 1 || maxIssuanceQuantity > Quantity.MAX) {
            throw new IllegalArgumentException("the maximum issuance quantity " + maxIssuanceQuantity
                    + " must be from 1 to 2^53 - 1");
        }
        Objects.requireNonNull(defaultTransferPolicy, "defaultTransferPolicy");
        checkDelay("trustedAccountDelay", trustedAccountDelay, false);
        checkDelay("pendingApprovalTimeout", pendingApprovalTimeout, true);
        checkDelay("proposalTimeout", proposalTimeout, true);
    }

    /** These NDC periods and maximum issuance quantity, with the default transfer controls and proposal time-out. */
    public LedgerConfig(List<NdcPeriod> ndcPeriods, long maxIssuanceQuantity) {
        this(ndcPeriods, maxIssuanceQuantity, TransferPolicy.EU_DEFAULT, DEFAULT_TRUSTED_ACCOUNT_DELAY,
                DEFAULT_PENDING_APPROVAL_TIMEOUT, DEFAULT_PROPOSAL_TIMEOUT);
    }

    private static void checkDelay(String name, Duration delay, boolean positive) {
        Objects.requireNonNull(delay, name);
        if (delay.isNegative() || (positive && delay.isZero()) || delay.compareTo(Duration.ofDays(365)) > 0
                || delay.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(name + " " + delay + " must be " + (positive ? "more than" : "at least")
                    + " zero and at most 365 days, in whole milliseconds");
        }
    }

    /** These NDC periods, with the default maximum issuance quantity. */
    public LedgerConfig(List<NdcPeriod> ndcPeriods) {
        this(ndcPeriods, DEFAULT_MAX_ISSUANCE_QUANTITY);
    }

    /** This configuration with another maximum issuance quantity. */
    public LedgerConfig withMaxIssuanceQuantity(long max) {
        return new LedgerConfig(ndcPeriods, max, defaultTransferPolicy, trustedAccountDelay, pendingApprovalTimeout, proposalTimeout);
    }

    /** This configuration with another default transfer policy. */
    public LedgerConfig withDefaultTransferPolicy(TransferPolicy policy) {
        return new LedgerConfig(ndcPeriods, maxIssuanceQuantity, policy, trustedAccountDelay, pendingApprovalTimeout, proposalTimeout);
    }

    /** This configuration with another trusted-account delay. */
    public LedgerConfig withTrustedAccountDelay(Duration delay) {
        return new LedgerConfig(ndcPeriods, maxIssuanceQuantity, defaultTransferPolicy, delay, pendingApprovalTimeout, proposalTimeout);
    }

    /** This configuration with another time-out for approvals of pending transfers. */
    public LedgerConfig withPendingApprovalTimeout(Duration timeout) {
        return new LedgerConfig(ndcPeriods, maxIssuanceQuantity, defaultTransferPolicy, trustedAccountDelay, timeout, proposalTimeout);
    }

    /** This configuration with another time-out for proposals of four-eyes actions. */
    public LedgerConfig withProposalTimeout(Duration timeout) {
        return new LedgerConfig(ndcPeriods, maxIssuanceQuantity, defaultTransferPolicy, trustedAccountDelay,
                pendingApprovalTimeout, timeout);
    }

    /** The NDC period containing {@code year}, if any. */
    public Optional<NdcPeriod> periodOf(int year) {
        for (NdcPeriod p : ndcPeriods) {
            if (p.contains(year)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}

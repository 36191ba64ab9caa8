package org.jcm.ledger.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.serial.Quantity;

/**
 * Configuration of the ledger's rules.
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
 *   <li>{@code proposalTimeout}: how long a proposal of a four-eyes action waits for its second
 *       subject before it expires ({@link #DEFAULT_PROPOSAL_TIMEOUT}, P7D; positive, at most
 *       P366D). Only the state machine reads it, when a proposal is made: the proposal's
 *       {@code expiresAt} is recorded in its event, so replay never depends on it.</li>
 * </ul>
 */
public record LedgerConfig(List<NdcPeriod> ndcPeriods, long maxIssuanceQuantity, Duration proposalTimeout) {

    /**
     * 100,000,000 t per issuance. JCM issuances are in the thousands to hundreds of thousands of
     * tonnes, and even the largest issuances of the CDM (industrial gas projects) stayed in the
     * millions; this leaves a wide margin above that, and still needs some 90 million issuances to
     * exhaust a host Party's vintage numbering (2^53 - 1).
     */
    public static final long DEFAULT_MAX_ISSUANCE_QUANTITY = 100_000_000L;

    /**
     * Seven days: a week lets a second registry administrator or government official, who may be
     * away or in another time zone, see and decide a proposal within one working week, while a
     * forgotten proposal (and the units a cancellation for correction reserves) does not stay
     * open indefinitely. The EU Union Registry likewise leaves transactions awaiting a second
     * approval open for days, not hours.
     */
    public static final Duration DEFAULT_PROPOSAL_TIMEOUT = Duration.ofDays(7);

    /** The longest proposal time-out allowed: a year. */
    public static final Duration MAX_PROPOSAL_TIMEOUT = Duration.ofDays(366);

    public static final LedgerConfig DEFAULT = new LedgerConfig(List.of(
            new NdcPeriod(2021, 2025), new NdcPeriod(2026, 2030), new NdcPeriod(2031, 2035)), DEFAULT_MAX_ISSUANCE_QUANTITY,
            DEFAULT_PROPOSAL_TIMEOUT);

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
        if (proposalTimeout == null || proposalTimeout.compareTo(Duration.ofMillis(1)) < 0
                || proposalTimeout.compareTo(MAX_PROPOSAL_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the proposal time-out " + proposalTimeout + " must be from 1 ms to P366D");
        }
    }

    /** These NDC periods and maximum issuance quantity, with the default proposal time-out. */
    public LedgerConfig(List<NdcPeriod> ndcPeriods, long maxIssuanceQuantity) {
        this(ndcPeriods, maxIssuanceQuantity, DEFAULT_PROPOSAL_TIMEOUT);
    }

    /** These NDC periods, with the default maximum issuance quantity. */
    public LedgerConfig(List<NdcPeriod> ndcPeriods) {
        this(ndcPeriods, DEFAULT_MAX_ISSUANCE_QUANTITY);
    }

    /** This configuration with another maximum issuance quantity. */
    public LedgerConfig withMaxIssuanceQuantity(long max) {
        return new LedgerConfig(ndcPeriods, max, proposalTimeout);
    }

    /** This configuration with another proposal time-out. */
    public LedgerConfig withProposalTimeout(Duration timeout) {
        return new LedgerConfig(ndcPeriods, maxIssuanceQuantity, timeout);
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

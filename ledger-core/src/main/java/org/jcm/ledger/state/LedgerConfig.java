package org.jcm.ledger.state;

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
 * </ul>
 */
public record LedgerConfig(List<NdcPeriod> ndcPeriods, long maxIssuanceQuantity) {

    /**
     * 100,000,000 t per issuance. JCM issuances are in the thousands to hundreds of thousands of
     * tonnes, and even the largest issuances of the CDM (industrial gas projects) stayed in the
     * millions; this leaves a wide margin above that, and still needs some 90 million issuances to
     * exhaust a host Party's vintage numbering (2^53 - 1).
     */
    public static final long DEFAULT_MAX_ISSUANCE_QUANTITY = 100_000_000L;

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
    }

    /** These NDC periods, with the default maximum issuance quantity. */
    public LedgerConfig(List<NdcPeriod> ndcPeriods) {
        this(ndcPeriods, DEFAULT_MAX_ISSUANCE_QUANTITY);
    }

    /** This configuration with another maximum issuance quantity. */
    public LedgerConfig withMaxIssuanceQuantity(long max) {
        return new LedgerConfig(ndcPeriods, max);
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

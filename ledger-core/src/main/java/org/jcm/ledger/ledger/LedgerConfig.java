package org.jcm.ledger.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Configuration the fold depends on, so replay must use the same values as the writer. Today:
 * the NDC periods that fix each Party's corresponding-adjustment method ({@link #DEFAULT}:
 * 2021-2025, 2026-2030, 2031-2035, the Paris Agreement's five-year NDC cycles).
 */
public record LedgerConfig(List<NdcPeriod> ndcPeriods) {

    public static final LedgerConfig DEFAULT = new LedgerConfig(List.of(
            new NdcPeriod(2021, 2025), new NdcPeriod(2026, 2030), new NdcPeriod(2031, 2035)));

    public LedgerConfig {
        List<NdcPeriod> sorted = new ArrayList<>(ndcPeriods);
        sorted.sort(Comparator.comparingInt(NdcPeriod::firstYear));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).firstYear() <= sorted.get(i - 1).lastYear()) {
                throw new IllegalArgumentException("NDC periods overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        ndcPeriods = List.copyOf(sorted);
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

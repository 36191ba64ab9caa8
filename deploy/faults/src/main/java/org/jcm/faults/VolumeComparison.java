package org.jcm.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Settlement's daily transferred volumes against the registry's own totals from the ledger. */
public final class VolumeComparison {

    private VolumeComparison() {
    }

    /**
     * The differences, one line each ("MNG 2026-11-29: registry 1200, settlement 1180"); empty when equal.
     * Days with zero on both sides are not listed by settlement and count as equal.
     */
    public static List<String> differences(Map<String, Long> registry, Map<String, Long> settlement) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(registry.keySet());
        keys.addAll(settlement.keySet());
        for (String key : keys) {
            long expected = registry.getOrDefault(key, 0L);
            long found = settlement.getOrDefault(key, 0L);
            if (expected != found) {
                differences.add(key + ": registry " + expected + ", settlement " + found);
            }
        }
        return differences;
    }

    /** Settlement's volume feed items ({@code party}, {@code date}, {@code transferred}) as "PARTY date" totals. */
    public static Map<String, Long> settlementTotals(List<?> items) {
        Map<String, Long> totals = new TreeMap<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> volume) {
                long transferred = LedgerIndex.number(volume.get("transferred"), "transferred");
                if (transferred != 0) {
                    totals.merge(volume.get("party") + " " + volume.get("date"), transferred, Long::sum);
                }
            }
        }
        return totals;
    }
}

package org.jcm.registry.query;

import java.util.List;
import java.util.Objects;
import org.jcm.ledger.serial.UnitRange;

/**
 * The units a lookup is about, as they exist: one host Party and vintage, and the disjoint, sorted
 * ranges of the asked range that were issued for the asked project.
 *
 * @param hostParty the host Party, ISO alpha-3
 * @param vintage the vintage year
 * @param ranges disjoint ranges in ascending order, not empty
 */
record AskedUnits(String hostParty, int vintage, List<UnitRange> ranges) {

    AskedUnits {
        Objects.requireNonNull(hostParty, "hostParty");
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("A lookup is about at least one unit");
        }
    }

    /** How many units exist in the asked range. */
    long quantity() {
        return ranges.stream().mapToLong(UnitRange::size).sum();
    }

    /** Whether the units {@code first..last} of this host Party and vintage include an asked unit. */
    boolean overlaps(String host, int year, long first, long last) {
        if (!hostParty.equals(host) || vintage != year) {
            return false;
        }
        UnitRange other = UnitRange.of(first, last);
        for (UnitRange range : ranges) {
            if (range.overlaps(other)) {
                return true;
            }
        }
        return false;
    }

    /** The first units of the ranges, as the {@code int8[]} parameter of the history query. */
    Long[] firsts() {
        return ranges.stream().map(UnitRange::first).toArray(Long[]::new);
    }

    /** The last units of the ranges, as the {@code int8[]} parameter of the history query. */
    Long[] lasts() {
        return ranges.stream().map(UnitRange::last).toArray(Long[]::new);
    }
}

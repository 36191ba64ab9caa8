package org.jcm.registry.query;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jcm.ledger.serial.UnitRange;

/**
 * The units a lookup is about, as they exist: one host Party's numbering line and vintage, and the
 * disjoint, sorted ranges of the asked range that were issued for the asked project, whose first
 * host names their serials (units in another host's line have serials naming that host).
 *
 * @param hostParty the host Party whose numbering line the units are in, ISO alpha-3
 * @param projectHost the first host of the units' project, ISO alpha-3
 * @param vintage the vintage year
 * @param ranges disjoint ranges in ascending order, not empty
 */
record AskedUnits(String hostParty, String projectHost, int vintage, List<UnitRange> ranges) {

    AskedUnits {
        Objects.requireNonNull(hostParty, "hostParty");
        Objects.requireNonNull(projectHost, "projectHost");
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("A lookup is about at least one unit");
        }
    }

    /**
     * The units of {@code rows} of {@link UnitQueries#EXISTING} (at least one): a lookup's units are one project's, as
     * units are numbered once per host Party and vintage.
     */
    static AskedUnits of(String hostParty, int vintage, RowSet<Row> rows) {
        List<UnitRange> ranges = new ArrayList<>(rows.size());
        String projectHost = null;
        for (Row row : rows) {
            ranges.add(UnitRange.of(row.getLong("first_unit"), row.getLong("last_unit")));
            projectHost = row.getString("project_host");
        }
        return new AskedUnits(hostParty, projectHost, vintage, ranges);
    }

    /** The serial of units {@code first..last} of {@code projectId} in this lookup's line. */
    String serial(String projectId, long first, long last) {
        return BlockRows.serial(projectId, projectHost, hostParty, vintage, first, last);
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

package org.jcm.settlement.api;

import java.util.ArrayList;
import java.util.List;

/** A page of daily volumes per host Party, ordered by day then Party. */
public record VolumePage(List<Volume> items, String next) implements CsvTable {

    /** Tonnes issued, transferred, retired and cancelled for one host Party on one UTC day. */
    public record Volume(String party, String date, long issued, long transferred, long retired, long cancelled) {
    }

    @Override
    public List<String> csvHeader() {
        return List.of("party", "date", "issued", "transferred", "retired", "cancelled");
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>(items.size());
        for (Volume v : items) {
            rows.add(List.of(v.party(), v.date(), Long.toString(v.issued()), Long.toString(v.transferred()),
                    Long.toString(v.retired()), Long.toString(v.cancelled())));
        }
        return rows;
    }
}

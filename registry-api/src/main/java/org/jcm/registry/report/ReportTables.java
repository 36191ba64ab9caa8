package org.jcm.registry.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.report.AefColumns;
import org.jcm.ledger.report.AefColumns.Column;
import org.jcm.ledger.report.Csv;
import org.jcm.registry.api.ReportJson.ColumnJson;

/**
 * Renders any report table, given its columns, in both of its forms: JSON rows keyed by the
 * columns' camelCase keys, and CSV headed by the columns' names. One set of columns per table
 * keeps the two forms identical cell for cell.
 */
public final class ReportTables {

    private ReportTables() {
    }

    public static <R> List<ColumnJson> columns(List<Column<R>> columns) {
        List<ColumnJson> list = new ArrayList<>(columns.size());
        for (Column<R> c : columns) {
            list.add(new ColumnJson(c.key(), c.name()));
        }
        return list;
    }

    /** The rows as JSON objects; an empty cell is {@code null}, so every row has every key. */
    public static <R> List<Map<String, Object>> json(List<Column<R>> columns, List<R> rows) {
        List<Map<String, Object>> list = new ArrayList<>(rows.size());
        for (R row : rows) {
            Map<String, Object> cells = new LinkedHashMap<>();
            for (Column<R> c : columns) {
                cells.put(c.key(), c.value().apply(row));
            }
            list.add(cells);
        }
        return list;
    }

    /** The rows as an RFC 4180 CSV document with a header line. */
    public static <R> String csv(List<Column<R>> columns, List<R> rows) {
        List<String> header = new ArrayList<>(columns.size());
        for (Column<R> c : columns) {
            header.add(c.name());
        }
        List<List<Object>> lines = new ArrayList<>(rows.size());
        for (R row : rows) {
            lines.add(AefColumns.cells(columns, row));
        }
        return Csv.write(header, lines);
    }
}

package org.jcm.bench.harness;

import java.util.List;
import java.util.Locale;

/** Renders the rows as one Markdown table, which reads as well on a console as in docs/performance.md. */
final class ResultTable {

    private static final String[] HEADER = {"scenario", "mode", "load", "throughput", "p50 ms", "p99 ms", "p99.9 ms",
        "errors", "CPU ms per unit: api/pg/gen", "target", "verdict"};

    private ResultTable() {
    }

    static String render(List<Row> rows) {
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = HEADER;
        for (int r = 0; r < rows.size(); r++) {
            cells[r + 1] = cells(rows.get(r));
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder table = new StringBuilder();
        line(table, cells[0], widths);
        table.append('|');
        for (int width : widths) {
            table.append('-').append("-".repeat(width)).append("-|");
        }
        table.append('\n');
        for (int r = 1; r < cells.length; r++) {
            line(table, cells[r], widths);
        }
        return table.toString();
    }

    private static String[] cells(Row row) {
        return new String[] {row.scenario(), row.mode(), row.load(),
            number(row.throughput()) + " " + row.unit(),
            millis(row.p50Millis()), millis(row.p99Millis()), millis(row.p999Millis()),
            errors(row.failedUnits(), row.totalUnits()), cpuPerUnit(row.cpu(), row.totalUnits() - row.failedUnits()),
            row.target(), row.verdict()};
    }

    /** CPU milliseconds per unit done, for registry-api, PostgreSQL and the load generator. */
    static String cpuPerUnit(CpuTimes cpu, long units) {
        if (units <= 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f/%.2f/%.2f", (double) cpu.registryMillis() / units,
                (double) cpu.postgresMillis() / units, (double) cpu.generatorMillis() / units);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%,.1f", value);
    }

    static String millis(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String errors(long failed, long total) {
        if (failed == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%,d (%.2f%%)", failed, total == 0 ? 100.0 : 100.0 * failed / total);
    }

    private static void line(StringBuilder table, String[] line, int[] widths) {
        table.append('|');
        for (int c = 0; c < line.length; c++) {
            String cell = line[c].replace("|", "\\|");
            table.append(' ').append(cell).append(" ".repeat(Math.max(0, widths[c] - cell.length()))).append(" |");
        }
        table.append('\n');
    }
}

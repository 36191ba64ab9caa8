package org.jcm.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final CpuTimes NONE = new CpuTimes(0, 0, 0);

    @Test
    void rows_render_as_an_aligned_markdown_table_with_units_and_verdicts() {
        Row spread = new Row("spread transfers", "closed", "64 clients", 2512.4, "req/s", 21.04, 80.5, 151.2, 0, 75_372,
                new CpuTimes(37_686, 15_074, 7_537), "", "").withCheck(">= 2x pgbench (2,284)", true);
        Row open = new Row("spread transfers", "open", "1,256/s", 1255.9, "req/s", 4.26, 31.0, 98.0, 3, 37_680,
                new CpuTimes(18_838, 7_535, 3_767), "", "").withCheck("p99 <= 25 ms, p99.9 <= 100 ms", false);

        String table = ResultTable.render(List.of(spread, open));

        assertThat(table.split("\n")).containsExactly(
                "| scenario         | mode   | load       | throughput  | p50 ms | p99 ms | p99.9 ms | errors    | CPU ms per unit: api/pg/gen | target                        | verdict |",
                "|------------------|--------|------------|-------------|--------|--------|----------|-----------|-----------------------------|-------------------------------|---------|",
                "| spread transfers | closed | 64 clients | 2,512 req/s | 21.0   | 80.5   | 151      | 0         | 0.50/0.20/0.10              | >= 2x pgbench (2,284)         | PASS    |",
                "| spread transfers | open   | 1,256/s    | 1,256 req/s | 4.3    | 31.0   | 98.0     | 3 (0.01%) | 0.50/0.20/0.10              | p99 <= 25 ms, p99.9 <= 100 ms | FAIL    |");
    }

    @Test
    void missing_figures_and_pipes_in_cells_do_not_break_the_table() {
        Row empty = new Row("a|b", "open", "1/s", 0.0, "req/s", Double.NaN, Double.NaN, Double.NaN, 5, 5, NONE, "", "");

        String table = ResultTable.render(List.of(empty));

        assertThat(table).contains("| a\\|b ").contains("| n/a ").contains("5 (100.00%)");
    }

    @Test
    void a_phase_passes_only_with_errors_at_or_below_one_in_a_thousand() {
        assertThat(new Row("s", "m", "l", 1, "u", 1, 1, 1, 10, 10_000, NONE, "", "").errorsAcceptable()).isTrue();
        assertThat(new Row("s", "m", "l", 1, "u", 1, 1, 1, 11, 10_000, NONE, "", "").errorsAcceptable()).isFalse();
    }
}

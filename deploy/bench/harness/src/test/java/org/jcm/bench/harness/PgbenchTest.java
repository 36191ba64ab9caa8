package org.jcm.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PgbenchTest {

    /** pgbench 15's report, as it printed it against the stack's PostgreSQL 17. */
    private static final String PGBENCH_15 = """
            pgbench (15.18 (Debian 15.18-0+deb12u1), server 17.6)
            starting vacuum...end.
            progress: 5.0 s, 1198.0 tps, lat 13.010 ms stddev 11.220, 0 failed
            transaction type: <builtin: TPC-B (sort of)>
            scaling factor: 10
            query mode: prepared
            number of clients: 16
            number of threads: 2
            maximum number of tries: 1
            duration: 8 s
            number of transactions actually processed: 9135
            number of failed transactions: 0 (0.000%)
            latency average = 13.995 ms
            latency stddev = 11.832 ms
            initial connection time = 21.404 ms
            tps = 1141.812345 (without initial connection time)
            """;

    /** pgbench 13 and earlier print two tps lines; the one without connection set-up is the figure. */
    private static final String PGBENCH_13 = """
            transaction type: <builtin: TPC-B (sort of)>
            scaling factor: 10
            query mode: prepared
            number of clients: 16
            number of threads: 2
            duration: 30 s
            number of transactions actually processed: 12000
            latency average = 40.000 ms
            tps = 399.123456 (including connections establishing)
            tps = 400.654321 (excluding connections establishing)
            """;

    @Test
    void the_tps_without_connection_time_and_the_counts_are_read_from_pgbench_15() {
        Pgbench.Result result = Pgbench.parse(PGBENCH_15).orElseThrow();

        assertThat(result.tps()).isEqualTo(1141.812345);
        assertThat(result.transactions()).isEqualTo(9135);
        assertThat(result.failedTransactions()).hasValue(0);
        assertThat(result.latencyAverageMillis()).hasValue(13.995);
    }

    @Test
    void older_pgbench_reports_give_the_tps_excluding_connections_and_no_failure_count() {
        Pgbench.Result result = Pgbench.parse(PGBENCH_13).orElseThrow();

        assertThat(result.tps()).isEqualTo(400.654321);
        assertThat(result.transactions()).isEqualTo(12000);
        assertThat(result.failedTransactions()).isEmpty();
        assertThat(result.latencyAverageMillis()).hasValue(40.0);
    }

    @Test
    void a_progress_line_is_not_mistaken_for_the_result() {
        assertThat(Pgbench.parse("progress: 5.0 s, 1198.0 tps, lat 13.010 ms stddev 11.220, 0 failed\n")).isEmpty();
        assertThat(Pgbench.parse("pgbench: error: connection to server failed\n")).isEmpty();
    }

    @Test
    void the_client_version_is_read_from_pgbench_version() {
        assertThat(Pgbench.parseVersion("pgbench (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n")).hasValue("15.18");
        assertThat(Pgbench.parseVersion("something else")).isEmpty();
    }
}

package org.jcm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final String TEXT = """
            # TYPE jcm_writer_rebuilds_total counter
            # HELP jcm_writer_rebuilds_total Rebuilds
            jcm_writer_rebuilds_total{reason="commit failed"} 2.0
            jcm_writer_rebuilds_total{reason="a } b"} 1.0
            jcm_writer_rebuilds_totally 7.0
            jcm_writer_commit_failures_total 3.0 1700000000000
            """;

    @Test
    void every_label_set_of_a_counter_is_summed_and_other_names_are_left_out() {
        assertThat(Metrics.sum(TEXT, "jcm_writer_rebuilds_total")).isEqualTo(3.0);
        assertThat(Metrics.sum(TEXT, "jcm_writer_commit_failures_total")).isEqualTo(3.0);
    }

    @Test
    void a_counter_the_service_does_not_expose_reads_as_zero() {
        assertThat(Metrics.sum(TEXT, "jcm_nothing_total")).isZero();
    }

    @Test
    void one_series_is_found_by_its_labels_in_any_order_and_format() {
        String text = """
                jcm_units_total{operation="issued",party="MNG",vintage="2024",} 410.0
                jcm_units_total{operation="issued",party="MNG",vintage="2025",} 5.0
                jcm_units_total{party="THA",operation="issued",vintage="2024"} 7.0
                jcm_ledger_units{status="ACTIVE"} 365.0
                """;
        assertThat(Metrics.series(text, "jcm_units_total{operation=\"issued\",party=\"MNG\",vintage=\"2024\"}")).isEqualTo(410.0);
        assertThat(Metrics.series(text, "jcm_units_total{operation=\"issued\",party=\"THA\",vintage=\"2024\"}")).isEqualTo(7.0);
        assertThat(Metrics.series(text, "jcm_ledger_units{status=\"ACTIVE\"}")).isEqualTo(365.0);
        assertThat(Metrics.series(text, "jcm_ledger_units{status=\"RETIRED\"}")).isZero();
        assertThat(Metrics.sum(text, "jcm_units_total", java.util.Map.of("vintage", "2024"))).isEqualTo(417.0);
    }
}

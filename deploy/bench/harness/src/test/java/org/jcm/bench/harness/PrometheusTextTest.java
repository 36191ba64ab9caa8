package org.jcm.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String METRICS = """
            # HELP jcm_outbox_lag_millis How long the oldest committed but unpublished ledger event has waited
            # TYPE jcm_outbox_lag_millis gauge
            jcm_outbox_lag_millis 42.0
            jcm_outbox_lag_millis_other 7.0
            # TYPE settlement_commit_to_feed_seconds summary
            settlement_commit_to_feed_seconds{quantile="0.5"} 0.012
            settlement_commit_to_feed_seconds{quantile="0.99"} 0.257
            settlement_commit_to_feed_seconds_count 1200.0
            """;

    @Test
    void a_gauge_without_labels_is_read_by_its_exact_name() {
        assertThat(PrometheusText.value(METRICS, "jcm_outbox_lag_millis", "")).hasValue(42.0);
        assertThat(PrometheusText.value(METRICS, "jcm_outbox_lag_millis_other", "")).hasValue(7.0);
    }

    @Test
    void a_quantile_is_picked_by_its_label() {
        assertThat(PrometheusText.value(METRICS, "settlement_commit_to_feed_seconds", "quantile=\"0.99\"")).hasValue(0.257);
        assertThat(PrometheusText.value(METRICS, "settlement_commit_to_feed_seconds_count", "")).hasValue(1200.0);
    }

    @Test
    void an_absent_sample_is_empty() {
        assertThat(PrometheusText.value(METRICS, "jcm_outbox_lag", "")).isEmpty();
        assertThat(PrometheusText.value(METRICS, "settlement_commit_to_feed_seconds", "quantile=\"0.999\"")).isEmpty();
    }

    @Test
    void the_resident_set_size_is_read_from_proc_status() {
        String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmRSS:\t  612345 kB\nThreads:\t42\n";
        assertThat(RssSampler.parseVmRss(status)).hasValue(612_345);
        assertThat(RssSampler.parseVmRss("Name:\tkthreadd\n")).isEmpty();
    }
}

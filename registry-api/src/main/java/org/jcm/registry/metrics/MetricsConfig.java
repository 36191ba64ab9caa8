package org.jcm.registry.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The business metrics' settings (docs/operations.md, "Business metrics"). */
@ConfigMapping(prefix = "jcm.metrics")
public interface MetricsConfig {

    /**
     * How often the gauges read from PostgreSQL ({@code jcm_ledger_units}, {@code jcm_pending_transfers},
     * {@code jcm_open_proposals}) are read again: each refresh sums the live blocks by status (a scan
     * of table {@code block}), counts the open pending transfers and folds the proposal events.
     */
    @WithDefault("PT30S")
    Duration refreshInterval();
}

package org.jcm.registry.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jcm.registry.persistence.StoredEventJson;
import org.jcm.registry.write.CommittedBatch;
import org.jcm.registry.write.Ledger;

/**
 * The registry's business metrics (docs/operations.md, "Business metrics"). The counters hear of
 * every batch the writer committed ({@link Ledger#addCommitListener}), never of one rolled back;
 * the writer thread only hands the batch over, and this bean's own thread decodes its events and
 * counts them, so the counters trail the commit by that hand-over and the writer pays nothing.
 * Counters start at 0 with the process and count what this instance's writer committed. The
 * gauges are read from PostgreSQL every {@code jcm.metrics.refresh-interval}.
 */
@ApplicationScoped
public class BusinessMetrics {

    private static final Logger LOG = Logger.getLogger(BusinessMetrics.class);

    private final Ledger ledger;
    private final Pool pool;
    private final MetricsConfig config;
    private final UnitCounters counters;
    private final LedgerGauges gauges;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "jcm-business-metrics");
        t.setDaemon(true);
        return t;
    });

    BusinessMetrics(Ledger ledger, Pool pool, MetricsConfig config, MeterRegistry meters) {
        this.ledger = ledger;
        this.pool = pool;
        this.config = config;
        this.counters = new UnitCounters(meters);
        this.gauges = new LedgerGauges(meters);
    }

    void start(@Observes StartupEvent event) {
        ledger.addCommitListener(batch -> thread.execute(() -> count(batch)));
        long every = config.refreshInterval().toMillis();
        thread.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        thread.shutdownNow();
    }

    /**
     * For tests: returns when every batch committed before the call is counted (the writer tells the
     * listeners before it answers, so this covers every answered request) and the gauges were read again.
     */
    void settle() throws Exception {
        thread.submit(() -> { }).get(1, TimeUnit.MINUTES);
        gauges.refresh(pool).await().atMost(Duration.ofMinutes(1));
    }

    private void count(CommittedBatch batch) {
        try {
            for (String json : batch.eventJson()) {
                counters.count(StoredEventJson.decode(json));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Events %d..%d were not counted in the business metrics", batch.fromSeq(), batch.toSeq());
        }
    }

    private void refresh() {
        try {
            gauges.refresh(pool).await().atMost(config.refreshInterval().plusSeconds(30));
        } catch (RuntimeException e) {
            LOG.warnf("The business gauges were not refreshed: %s", e.toString());
        }
    }
}

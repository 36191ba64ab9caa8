package org.jcm.registry.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The writer's Micrometer meters: batch sizes, commands accepted and rejected (by code), commit
 * time, failed commits and the queue depth. Rates (commands per second) come from the counters.
 */
final class WriterMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary batchCommands;
    private final DistributionSummary batchEvents;
    private final Timer commit;
    private final Counter accepted;
    private final Counter replayed;
    private final Counter rejected;
    private final Counter failedCommits;
    private final ConcurrentHashMap<String, Counter> rejections = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> refusals = new ConcurrentHashMap<>();

    WriterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchCommands = DistributionSummary.builder("jcm.writer.batch.commands")
                .description("Commands applied per writer batch (one PostgreSQL transaction)")
                .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(10_000.0)
                .register(registry);
        this.batchEvents = DistributionSummary.builder("jcm.writer.batch.events")
                .description("Events appended per writer batch").register(registry);
        this.commit = Timer.builder("jcm.writer.commit").description("Time to write and commit one batch")
                .publishPercentileHistogram().register(registry);
        this.accepted = Counter.builder("jcm.writer.commands").tag("outcome", "accepted")
                .description("Commands decided by the writer").register(registry);
        this.replayed = Counter.builder("jcm.writer.commands").tag("outcome", "replayed")
                .description("Commands decided by the writer").register(registry);
        this.rejected = Counter.builder("jcm.writer.commands").tag("outcome", "rejected")
                .description("Commands decided by the writer").register(registry);
        this.failedCommits = Counter.builder("jcm.writer.commit.failures")
                .description("Batches whose commit failed (answered 503 and rebuilt)").register(registry);
    }

    void batch(int commands, int events, long commitNanos) {
        batchCommands.record(commands);
        batchEvents.record(events);
        commit.record(commitNanos, TimeUnit.NANOSECONDS);
    }

    void accepted() {
        accepted.increment();
    }

    void replayed() {
        replayed.increment();
    }

    void rejected(String code) {
        rejected.increment();
        rejections.computeIfAbsent(code, c -> Counter.builder("jcm.writer.rejections").tag("code", c)
                .description("Commands rejected by the state machine, by code").register(registry)).increment();
    }

    /** A submission answered 503 without being applied (overloaded, not the writer, unavailable). */
    void refused(String code, int commands) {
        refusals.computeIfAbsent(code, c -> Counter.builder("jcm.writer.refused").tag("code", c)
                .description("Commands refused with a retryable 503").register(registry)).increment(commands);
    }

    void commitFailed() {
        failedCommits.increment();
    }
}

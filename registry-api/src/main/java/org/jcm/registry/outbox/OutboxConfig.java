package org.jcm.registry.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the outbox publisher that sends committed ledger events to Kafka
 * ({@code jcm.outbox.*}; environment variables {@code JCM_OUTBOX_*}). The broker itself is
 * {@code kafka.bootstrap.servers}. See docs/ledger-stream.md.
 */
@ConfigMapping(prefix = "jcm.outbox")
public interface OutboxConfig {

    /** Whether this instance publishes at all; an instance that does not still serves the API. */
    @WithDefault("true")
    boolean enabled();

    /** The topic; created with one partition if missing, so that one partition keeps the ledger's total order. */
    @WithDefault("jcm.ledger.events")
    String topic();

    /** The record key: the ledger's id, the same for every event, so every event lands in one partition. */
    @WithDefault("jcm")
    String ledgerId();

    /** The most events sent as one Kafka transaction, after which the position is recorded. */
    @WithDefault("2000")
    int batchSize();

    /**
     * How long the publisher sleeps when it has caught up and no commit notification arrives: the
     * longest extra delay of an event whose notification was missed.
     */
    @WithDefault("50ms")
    Duration pollInterval();

    /** The first pause after a failure (broker or database unreachable); it doubles up to {@link #maxRetryBackoff()}. */
    @WithDefault("500ms")
    Duration retryBackoff();

    /**
     * The longest pause between attempts while the broker or database stays unreachable, and so
     * the longest the publisher may take to notice that the broker is back.
     */
    @WithDefault("1s")
    Duration maxRetryBackoff();

    /** How long the producer keeps retrying one batch before it gives up and the publisher starts over from the recorded position. */
    @WithDefault("2m")
    Duration deliveryTimeout();

    /** The settings as a plain value, for the publisher, which does not depend on CDI. */
    default OutboxSettings settings() {
        return new OutboxSettings(topic(), ledgerId(), batchSize(), pollInterval(), retryBackoff(), maxRetryBackoff(),
                deliveryTimeout());
    }
}

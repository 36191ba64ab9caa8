package org.jcm.registry.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The outbox publisher's settings as a plain value (see {@link OutboxConfig} for their meaning),
 * so that tests and tools can run a publisher without the application around it.
 */
public record OutboxSettings(String topic, String ledgerId, int batchSize, Duration pollInterval, Duration retryBackoff,
                             Duration maxRetryBackoff, Duration deliveryTimeout) {

    /** Checks that every setting is present and in range. */
    public OutboxSettings {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(ledgerId, "ledgerId");
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batchSize must be from 1 to 100000: " + batchSize);
        }
        requirePositive("pollInterval", pollInterval);
        requirePositive("retryBackoff", retryBackoff);
        requirePositive("maxRetryBackoff", maxRetryBackoff);
        requirePositive("deliveryTimeout", deliveryTimeout);
    }

    /** The defaults of {@link OutboxConfig} for the given topic. */
    public static OutboxSettings defaults(String topic) {
        return new OutboxSettings(topic, "jcm", 2000, Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofMinutes(2));
    }

    /** A copy with another delivery timeout. */
    public OutboxSettings withDeliveryTimeout(Duration timeout) {
        return new OutboxSettings(topic, ledgerId, batchSize, pollInterval, retryBackoff, maxRetryBackoff, timeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}

package org.jcm.registry.write;

import java.time.Duration;

/**
 * The writer's defaults for tests that run it in-process, with the queue, batch, key memory and
 * advisory lock of the test's choosing (each test class its own lock key, so that two writers of
 * different tests never wait for each other).
 */
record TestWriterConfig(int maxBatchSize, int queueCapacity, int recentKeys, long lockKey) implements WriterConfig {

    public boolean enabled() {
        return true;
    }

    public int retryAfterSeconds() {
        return 1;
    }

    public Duration lockRetryInterval() {
        return Duration.ofMillis(200);
    }

    public boolean verifyBlocks() {
        return true;
    }

    public Duration commitTimeout() {
        return Duration.ofSeconds(30);
    }

    public boolean bootstrapParties() {
        return true;
    }

    public Duration dueCheckInterval() {
        return Duration.ofSeconds(1);
    }

    public Duration selfCheckInterval() {
        return Duration.ofSeconds(30);
    }
}

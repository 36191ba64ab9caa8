package org.jcm.registry.write;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the single ledger writer (prefix {@code jcm.writer}). */
@ConfigMapping(prefix = "jcm.writer")
public interface WriterConfig {

    /**
     * Whether this instance tries to become the writer. An instance with {@code false} never takes
     * the lock and answers every mutation with 503 {@code not_the_writer} (a read-only replica).
     */
    @WithDefault("true")
    boolean enabled();

    /** The most commands applied and committed in one PostgreSQL transaction. */
    @WithDefault("1000")
    int maxBatchSize();

    /**
     * The most commands waiting for the writer. A request that would exceed it is answered at once
     * with 503 {@code writer_overloaded} and a {@code Retry-After} header instead of waiting.
     */
    @WithDefault("20000")
    int queueCapacity();

    /** The {@code Retry-After} value, in seconds, sent with retryable 503 answers. */
    @WithDefault("1")
    int retryAfterSeconds();

    /**
     * How many recently committed idempotency keys the writer remembers, so that concurrent
     * retries with one key produce one effect without asking PostgreSQL. Older keys are found in
     * the {@code idempotency} table.
     */
    @WithDefault("200000")
    int recentKeys();

    /** The key of the PostgreSQL session advisory lock that makes one instance the writer. */
    @WithDefault("7403412906152219")
    long lockKey();

    /** How often a standby instance (one without the lock) tries to take it. */
    @WithDefault("5s")
    Duration lockRetryInterval();

    /**
     * Whether start-up (and every rebuild) compares the live blocks replayed from the events with
     * the stored {@code block} rows. A mismatch keeps the writer from starting.
     */
    @WithDefault("true")
    boolean verifyBlocks();

    /** How long a request waits for its batch to commit before it is answered 503 {@code ledger_unavailable}. */
    @WithDefault("30s")
    Duration commitTimeout();

    /**
     * Whether the writer registers the Parties of {@code reference/parties.csv} (with the
     * cooperative approach ids of {@code reference/cooperative-approaches.csv}) that the ledger does
     * not know yet, as operator {@code bootstrap}, when it becomes active.
     */
    @WithDefault("true")
    boolean bootstrapParties();

    /**
     * How often the writer asks its state whether a pending transfer or a proposal has come due
     * (it also asks once when it becomes active). Only when something is due does it issue
     * {@code ProcessDueTransfers} or {@code ExpireProposals}; an instant is therefore acted on at
     * most this late.
     */
    @WithDefault("PT1S")
    Duration dueCheckInterval();

    /**
     * How often the active writer compares the stored tail and the latest checkpoint it signed with
     * what it committed ({@link SelfCheck}); a mismatch puts it in FAILED.
     */
    @WithDefault("PT30S")
    Duration selfCheckInterval();
}

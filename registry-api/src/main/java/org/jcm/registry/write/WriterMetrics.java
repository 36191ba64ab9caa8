package org.jcm.registry.write;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The writer's Micrometer meters: batch sizes, commands accepted and rejected (by code), commit
 * time, failed commits and the queue depth. Rates (commands per second) come from the counters.
 * Also what a bad command cost: commands isolated as poison (by the stage at which they failed),
 * batches split to find the command PostgreSQL refused, and rebuilds of the state from PostgreSQL
 * (by reason), and the pending actions the writer ended when they came due (by kind). The counters with tags are registered with every tag value at start, so that they
 * read 0 before anything happened.
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
    private final Map<String, Counter> rebuilds = new HashMap<>();
    private final Map<String, Counter> poison = new HashMap<>();
    private final Counter splits;
    private final Counter selfCheckFailures;
    private final Map<String, Counter> dueActions = new HashMap<>();
    private long pendingAccepted;
    private long pendingReplayed;
    private final List<String> pendingRejections = new ArrayList<>();

    /** Why the writer rebuilt its state from PostgreSQL: a commit (or key look-up) failed for a storage reason. */
    static final String REBUILD_COMMIT_FAILED = "commit_failed";
    /** Why the writer rebuilt its state from PostgreSQL: taking back a failed command or batch failed. */
    static final String REBUILD_UNDO_FAILED = "undo_failed";
    /** Stages at which a command can fail alone: deciding, encoding its events, folding them, storing its rows. */
    static final String STAGE_DECIDE = "decide";
    static final String STAGE_ENCODE = "encode";
    static final String STAGE_FOLD = "fold";
    static final String STAGE_STORE = "store";
    /** Kinds of pending action the writer acts on when due: pending transfers and proposals. */
    static final String DUE_TRANSFER = "transfer";
    static final String DUE_PROPOSAL = "proposal";

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
                .description("Batches whose commit failed for a storage reason (answered 503 and rebuilt)").register(registry);
        for (String reason : List.of(REBUILD_COMMIT_FAILED, REBUILD_UNDO_FAILED)) {
            rebuilds.put(reason, Counter.builder("jcm.writer.rebuilds").tag("reason", reason)
                    .description("Rebuilds of the writer's state from PostgreSQL, by reason").register(registry));
        }
        for (String stage : List.of(STAGE_DECIDE, STAGE_ENCODE, STAGE_FOLD, STAGE_STORE)) {
            poison.put(stage, Counter.builder("jcm.writer.poison.commands").tag("stage", stage)
                    .description("Commands that failed alone (the rest of their batch committed), by stage").register(registry));
        }
        this.splits = Counter.builder("jcm.writer.batch.splits")
                .description("Batches split in halves because PostgreSQL refused a row of theirs").register(registry);
        this.selfCheckFailures = Counter.builder("jcm.writer.self.check.failures")
                .description("Self-checks that found the stored tail or the signed checkpoint changed behind the writer")
                .register(registry);
        for (String kind : List.of(DUE_TRANSFER, DUE_PROPOSAL)) {
            dueActions.put(kind, Counter.builder("jcm.writer.due.actions").tag("kind", kind)
                    .description("Pending actions the writer ended when they came due, with no request (a pending transfer"
                            + " executed, cancelled or expired; a proposal expired), by kind").register(registry));
        }
    }

    void batch(int commands, int events, long commitNanos) {
        batchCommands.record(commands);
        batchEvents.record(events);
        commit.record(commitNanos, TimeUnit.NANOSECONDS);
    }

    // Decisions are counted while a batch is decided and reach the counters only when it commits
    // (a batch that is split or rebuilt is decided again). Writer thread only.

    void accepted() {
        pendingAccepted++;
    }

    void replayed() {
        pendingReplayed++;
    }

    void rejected(String code) {
        pendingRejections.add(code);
    }

    /** The batch committed: its decisions count. */
    void flushPending() {
        accepted.increment(pendingAccepted);
        replayed.increment(pendingReplayed);
        for (String code : pendingRejections) {
            rejected.increment();
            rejections.computeIfAbsent(code, c -> Counter.builder("jcm.writer.rejections").tag("code", c)
                    .description("Commands rejected by the state machine, by code").register(registry)).increment();
        }
        discardPending();
    }

    /** The batch's decisions were taken back: they do not count. */
    void discardPending() {
        pendingAccepted = 0;
        pendingReplayed = 0;
        pendingRejections.clear();
    }

    /** A submission answered 503 without being applied (overloaded, not the writer, unavailable). */
    void refused(String code, int commands) {
        refusals.computeIfAbsent(code, c -> Counter.builder("jcm.writer.refused").tag("code", c)
                .description("Commands refused with a retryable 503").register(registry)).increment(commands);
    }

    void commitFailed() {
        failedCommits.increment();
    }

    void rebuild(String reason) {
        rebuilds.get(reason).increment();
    }

    void poison(String stage) {
        poison.get(stage).increment();
    }

    void split() {
        splits.increment();
    }

    void selfCheckFailed() {
        selfCheckFailures.increment();
    }

    /** The writer's system command ended {@code actions} pending actions of {@code kind} (committed). */
    void dueActions(String kind, int actions) {
        dueActions.get(kind).increment(actions);
    }
}

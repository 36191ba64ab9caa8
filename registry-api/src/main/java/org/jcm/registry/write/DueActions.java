package org.jcm.registry.write;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import org.jcm.ledger.command.ExpireProposals;
import org.jcm.ledger.command.ProcessDueTransfers;

/**
 * The writer's timer: pending transfers that come due (execution, or the expiry of an approval not
 * given) and proposals that expire are acted on with no request from anyone. At least every
 * {@code jcm.writer.due-check-interval}, and once whenever the writer becomes active (so that what
 * came due while the service was down is acted on at start), it asks the state for the earliest
 * due instant of each kind; only if that instant has come does it issue {@code ProcessDueTransfers}
 * or {@code ExpireProposals} as the writer's system actor (operator {@code jcm-writer}), in a batch
 * of their own. Writer thread only; no HTTP endpoint can issue these commands.
 */
final class DueActions {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);

    private final long intervalNanos;
    private final WriterSession session;
    private final WriterView view;
    private final BatchProcessor processor;
    private final WriterMetrics metrics;
    private long nextCheck;

    DueActions(WriterConfig config, WriterSession session, WriterView view, BatchProcessor processor, WriterMetrics metrics) {
        this.intervalNanos = config.dueCheckInterval().toNanos();
        this.session = session;
        this.view = view;
        this.processor = processor;
        this.metrics = metrics;
        this.nextCheck = System.nanoTime();
    }

    /** The writer just became active: checks at once. */
    void activated() {
        nextCheck = System.nanoTime();
        check();
    }

    /** Checks if the interval has passed since the last check; costs one clock read otherwise. */
    void check() {
        long now = System.nanoTime();
        if (now - nextCheck < 0 || view.status() != WriterStatus.ACTIVE) {
            return;
        }
        nextCheck = now + intervalNanos;
        Instant at = session.now();
        List<LedgerWriter.Item> due = new ArrayList<>(2);
        List<String> kinds = new ArrayList<>(2);
        if (reached(session.state.nextTransferDueAt(), at)) {
            due.add(new LedgerWriter.Item(new ProcessDueTransfers(), ProcessDueTransfers.systemActor(), null));
            kinds.add(WriterMetrics.DUE_TRANSFER);
        }
        if (reached(session.state.nextProposalExpiry(), at)) {
            due.add(new LedgerWriter.Item(new ExpireProposals(), ExpireProposals.systemActor(), null));
            kinds.add(WriterMetrics.DUE_PROPOSAL);
        }
        if (!due.isEmpty()) {
            issue(due, kinds);
        }
    }

    private static boolean reached(Optional<Instant> dueAt, Instant at) {
        return dueAt.isPresent() && !dueAt.get().isAfter(at);
    }

    /** Applies and commits the system commands; a batch that fails is retried at the next check. */
    private void issue(List<LedgerWriter.Item> due, List<String> kinds) {
        Submission submission = new Submission(due, null, null, Runnable::run, new CompletableFuture<>());
        processor.process(List.of(submission));
        BatchOutcome outcome = submission.future.join();
        if (!(outcome instanceof BatchOutcome.Items items)) {
            LOG.warnf("The writer's due actions were not committed, retrying at the next check: %s", outcome);
            return;
        }
        for (int i = 0; i < kinds.size(); i++) {
            CommandResult result = items.results().get(i);
            if (result instanceof CommandResult.Accepted accepted) {
                metrics.dueActions(kinds.get(i), accepted.events().size());
            } else {
                LOG.warnf("The writer's %s was not applied, retrying at the next check: %s",
                        due.get(i).command().getClass().getSimpleName(), result);
            }
        }
    }
}

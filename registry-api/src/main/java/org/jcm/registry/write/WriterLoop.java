package org.jcm.registry.write;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The writer thread's loop: while the writer is not active it activates ({@link Activation}); while
 * it is, it takes the next batch from the queue and processes it ({@link BatchProcessor}) and lets
 * {@link DueActions} act on what has come due (at once after each activation) and {@link SelfCheck}
 * compare PostgreSQL with what it committed; after a
 * failed verification it answers whatever arrives 503 until stopped. When it ends, everything still
 * queued is answered 503 and the connection (with the lock) is closed.
 */
final class WriterLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);

    private final WriterView view;
    private final SubmissionQueue queue;
    private final Activation activation;
    private final BatchProcessor processor;
    private final DueActions due;
    private final SelfCheck selfCheck;
    private final WriterMetrics metrics;
    private final WriterSession session;

    WriterLoop(WriterView view, SubmissionQueue queue, Activation activation, BatchProcessor processor, DueActions due,
               SelfCheck selfCheck, WriterMetrics metrics, WriterSession session) {
        this.selfCheck = selfCheck;
        this.view = view;
        this.queue = queue;
        this.activation = activation;
        this.processor = processor;
        this.due = due;
        this.metrics = metrics;
        this.session = session;
    }

    @Override
    public void run() {
        List<Submission> batch = new ArrayList<>();
        try {
            while (!view.stopping()) {
                if (view.status() == WriterStatus.FAILED) {
                    queue.failAll(LedgerWriter.LEDGER_UNAVAILABLE, view.detail(), metrics);
                    view.sleep(WriterView.POLL_MILLIS);
                } else if (view.status() != WriterStatus.ACTIVE) {
                    activation.activate();
                    due.activated();
                } else {
                    if (queue.nextBatch(batch, WriterView.POLL_MILLIS)) {
                        processor.process(batch);
                    }
                    due.check();
                    selfCheck.check();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("The ledger writer thread failed", e);
            for (Submission s : batch) {
                if (!s.future.isDone()) {
                    s.complete(new BatchOutcome.Unavailable(LedgerWriter.LEDGER_UNAVAILABLE, "The ledger writer failed; retry."));
                }
            }
            view.set(WriterStatus.FAILED, "the writer thread failed: " + e);
        } finally {
            queue.failAll(LedgerWriter.LEDGER_UNAVAILABLE, "The ledger writer stopped; retry.", metrics);
            session.closeConnection();
        }
    }
}

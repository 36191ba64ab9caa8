package org.jcm.registry.write;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The submissions waiting for the writer, and how they become batches: request threads
 * {@link #offer} (refused beyond {@code jcm.writer.queue-capacity} commands), the writer thread takes
 * the next batch of whole submissions up to {@code jcm.writer.max-batch-size} commands. This is
 * natural group commit: while one batch commits, the next one gathers.
 */
final class SubmissionQueue {

    private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger commands = new AtomicInteger();
    private final int capacity;
    private final int maxBatchSize;

    SubmissionQueue(int capacity, int maxBatchSize) {
        this.capacity = capacity;
        this.maxBatchSize = maxBatchSize;
    }

    /**
     * Queues a submission unless that would put more than the capacity in waiting; a submission
     * larger than the whole queue is still taken when nothing else waits.
     */
    boolean offer(Submission submission) {
        int queued = commands.addAndGet(submission.size());
        if (queued > capacity && queued > submission.size()) {
            commands.addAndGet(-submission.size());
            return false;
        }
        queue.add(submission);
        return true;
    }

    /**
     * Fills {@code batch} with the next submissions, waiting up to {@code pollMillis} for the first:
     * whole submissions, in order, while they fit into the batch size. Returns false if none came.
     */
    boolean nextBatch(List<Submission> batch, long pollMillis) throws InterruptedException {
        Submission first = queue.poll(pollMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batch.clear();
        batch.add(first);
        int taken = first.size();
        for (Submission next = queue.peek(); next != null && taken + next.size() <= maxBatchSize; next = queue.peek()) {
            batch.add(queue.poll());
            taken += next.size();
        }
        commands.addAndGet(-taken);
        return true;
    }

    /** Answers every waiting submission {@code code} (503) and empties the queue. */
    void failAll(String code, String detail, WriterMetrics metrics) {
        for (Submission s = queue.poll(); s != null; s = queue.poll()) {
            commands.addAndGet(-s.size());
            metrics.refused(code, s.size());
            s.complete(new BatchOutcome.Unavailable(code, detail));
        }
    }

    /** Commands waiting. */
    int depth() {
        return commands.get();
    }
}

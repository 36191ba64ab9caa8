package org.jcm.bench.harness;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load: request {@code i} is due at {@code start + i / rate}, whether or not earlier
 * requests have been answered, and its latency counts from that due time, not from when it was
 * sent. A slow answer therefore cannot hide the queue that builds behind it (no coordinated
 * omission): if the service stalls for 100 ms at 1,000 requests/s, the 100 requests due in that
 * time all show up to 100 ms of waiting, as they would for real clients.
 */
final class OpenLoop {

    private final NanoClock clock;

    OpenLoop(NanoClock clock) {
        this.clock = clock;
    }

    /** When request {@code index} is due, for a phase that starts at {@code startNanos}. */
    static long dueNanos(long startNanos, double ratePerSecond, long index) {
        return startNanos + (long) (index * (1e9 / ratePerSecond));
    }

    /**
     * Sends {@code rate * duration} requests on schedule and waits up to {@code drain} after the last
     * one for the answers; requests still unanswered then count as errors.
     *
     * @param meter where latencies (from each request's due time) and outcomes go
     */
    void run(Target target, double ratePerSecond, Duration duration, Duration drain, Meter meter) throws InterruptedException {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        long count = Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
        CountDownLatch answered = new CountDownLatch(1);
        AtomicLong outstanding = new AtomicLong(count);
        long start = clock.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = dueNanos(start, ratePerSecond, i);
            clock.sleepUntil(due);
            target.send(i).whenComplete((outcome, failure) -> {
                if (outcome != null) {
                    meter.record(outcome.completedNanos() - due, outcome);
                } else {
                    meter.record(clock.nanoTime() - due, Outcome.failure(clock.nanoTime(), String.valueOf(failure)));
                }
                if (outstanding.decrementAndGet() == 0) {
                    answered.countDown();
                }
            });
        }
        if (!answered.await(drain.toMillis(), TimeUnit.MILLISECONDS)) {
            for (long left = outstanding.get(); left > 0; left--) {
                meter.recordUnanswered("no answer within " + drain.toSeconds() + " s of the end");
            }
        }
    }
}

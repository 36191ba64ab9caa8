package org.jcm.bench.harness;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code clients} simulated clients, each sending its next request as soon as
 * the previous one is answered, for a fixed time. It finds the peak throughput; its latencies are
 * service times under that load (each counts from when the request was actually sent), not what
 * clients arriving at their own pace would see: that is what {@link OpenLoop} measures.
 */
final class ClosedLoop {

    private final NanoClock clock;

    ClosedLoop(NanoClock clock) {
        this.clock = clock;
    }

    /**
     * Runs the clients for {@code duration}, then waits up to {@code drain} for the requests still
     * in flight.
     *
     * @return the nanoseconds from the start until the last client finished
     */
    long run(Target target, int clients, Duration duration, Duration drain, Meter meter) throws InterruptedException {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be at least 1: " + clients);
        }
        AtomicLong next = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(clients);
        long start = clock.nanoTime();
        long end = start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            sendNext(target, next, end, meter, finished);
        }
        if (!finished.await(duration.plus(drain).toMillis(), TimeUnit.MILLISECONDS)) {
            for (long left = finished.getCount(); left > 0; left--) {
                meter.recordUnanswered("no answer within " + drain.toSeconds() + " s of the end");
            }
        }
        return clock.nanoTime() - start;
    }

    private void sendNext(Target target, AtomicLong next, long end, Meter meter, CountDownLatch finished) {
        // Iterative while answers come back on this thread at once; chained through the callback otherwise.
        while (true) {
            long sent = clock.nanoTime();
            if (sent - end >= 0) {
                finished.countDown();
                return;
            }
            boolean[] synchronous = {true, false};
            target.send(next.getAndIncrement()).whenComplete((outcome, failure) -> {
                if (outcome != null) {
                    meter.record(outcome.completedNanos() - sent, outcome);
                } else {
                    meter.record(clock.nanoTime() - sent, Outcome.failure(clock.nanoTime(), String.valueOf(failure)));
                }
                synchronized (synchronous) {
                    if (synchronous[0]) {
                        synchronous[1] = true;
                        return;
                    }
                }
                sendNext(target, next, end, meter, finished);
            });
            synchronized (synchronous) {
                synchronous[0] = false;
                if (!synchronous[1]) {
                    return;
                }
            }
        }
    }
}

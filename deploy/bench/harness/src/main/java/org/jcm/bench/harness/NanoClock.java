package org.jcm.bench.harness;

import java.util.concurrent.locks.LockSupport;

/** The monotonic clock the load loops read and wait on; a test replaces it with one it moves by hand. */
interface NanoClock {

    /** The clock of this JVM: {@link System#nanoTime()}, waiting with {@link LockSupport#parkNanos}. */
    NanoClock SYSTEM = new NanoClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadlineNanos) throws InterruptedException {
            while (true) {
                long wait = deadlineNanos - System.nanoTime();
                if (wait <= 0) {
                    return;
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                LockSupport.parkNanos(wait);
            }
        }
    };

    long nanoTime();

    /** Returns at or after {@code deadlineNanos} (immediately if it has passed). */
    void sleepUntil(long deadlineNanos) throws InterruptedException;
}

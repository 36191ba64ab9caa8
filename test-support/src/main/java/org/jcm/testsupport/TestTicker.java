package org.jcm.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jcm.support.limit.RateLimitTicker;

/**
 * The rate limit's clock in tests: the system's monotonic clock unless a test freezes it, after
 * which it moves only when the test advances it. Tests that freeze it reset it in a finally block.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestTicker extends RateLimitTicker {

    private static final long SYSTEM = Long.MIN_VALUE;
    private static final AtomicLong FROZEN = new AtomicLong(SYSTEM);

    /** Stops the clock where it is. */
    public static void freeze() {
        FROZEN.set(System.nanoTime());
    }

    /** Moves a frozen clock forward. */
    public static void advance(Duration by) {
        FROZEN.addAndGet(by.toNanos());
    }

    /** Back to the system clock. */
    public static void reset() {
        FROZEN.set(SYSTEM);
    }

    @Override
    public long nanoTime() {
        long frozen = FROZEN.get();
        return frozen == SYSTEM ? System.nanoTime() : frozen;
    }
}

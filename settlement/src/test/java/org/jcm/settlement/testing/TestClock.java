package org.jcm.settlement.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: the system clock unless a test sets a fixed instant, so that
 * delivery deadlines are reached deterministically. Tests that set it reset it in a finally block.
 */
public final class TestClock extends Clock {

    private static final TestClock INSTANCE = new TestClock();
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    /** Replaces the service's clock with {@link TestClock}. */
    @Singleton
    public static class Producer {

        @Produces
        @Alternative
        @Priority(1)
        @Singleton
        Clock clock() {
            return INSTANCE;
        }
    }

    /** Fixes the time at {@code at}. */
    public static void set(Instant at) {
        INSTANCE.fixed.set(at);
    }

    /** Runs {@code work} with the time fixed at {@code at}, then puts the clock back as it was. */
    public static <T> T during(Instant at, java.util.function.Supplier<T> work) {
        Instant before = INSTANCE.fixed.getAndSet(at);
        try {
            return work.get();
        } finally {
            INSTANCE.fixed.set(before);
        }
    }

    /** Back to the system clock. */
    public static void reset() {
        INSTANCE.fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at == null ? Instant.now() : at;
    }
}

package org.jcm.registry.testing;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The ledger writer's clock in tests of delays and time-outs: the system's UTC clock moved ahead by
 * whatever the test {@link #advance advanced} it. Tokens are still checked against the real time;
 * only the ledger's time ({@code CommandContext.at}) moves. Enabled by {@link MovableClockProfile}.
 */
@Alternative
@Singleton
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves the ledger's time ahead by {@code by}. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the ledger's clock is UTC");
    }
}

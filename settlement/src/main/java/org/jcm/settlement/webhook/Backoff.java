package org.jcm.settlement.webhook;

import java.time.Duration;

/** The wait after a failed attempt: the base after the first, doubling after each, never above the cap. */
public final class Backoff {

    private Backoff() {
    }

    /** The wait after attempt number {@code attempt} (1 for the first) failed. */
    public static Duration after(int attempt, Duration base, Duration cap) {
        Duration wait = base;
        for (int i = 1; i < attempt && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}

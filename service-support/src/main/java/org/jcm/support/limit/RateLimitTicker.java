package org.jcm.support.limit;

import jakarta.enterprise.context.ApplicationScoped;

/** The monotonic clock the rate limit measures refills with; tests replace it to move time without sleeping. */
@ApplicationScoped
public class RateLimitTicker {

    /** Nanoseconds from an arbitrary origin, as {@link System#nanoTime()}. */
    public long nanoTime() {
        return System.nanoTime();
    }
}

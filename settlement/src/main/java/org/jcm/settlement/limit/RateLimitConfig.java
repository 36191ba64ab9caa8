package org.jcm.settlement.limit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rate limit on trade registrations per venue (prefix {@code jcm.rate-limit}); see docs/api.md. */
@ConfigMapping(prefix = "jcm.rate-limit")
public interface RateLimitConfig {

    /** Whether mutations are limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Registrations per second a venue earns back. */
    @WithDefault("200")
    double rate();

    /** The most registrations a venue may send at once (the bucket's size). */
    @WithDefault("400")
    int burst();

    /** The most venues whose buckets are remembered; idle ones are dropped first. */
    @WithDefault("100000")
    int maxSubjects();
}

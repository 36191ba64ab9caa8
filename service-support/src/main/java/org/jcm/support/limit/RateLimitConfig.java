package org.jcm.support.limit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The rate limit per token subject (prefix {@code jcm.rate-limit}): on the registry's mutations and
 * on settlement's trade registrations per venue; see docs/api.md.
 */
@ConfigMapping(prefix = "jcm.rate-limit")
public interface RateLimitConfig {

    /** Whether requests are limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Requests per second a subject earns back. */
    @WithDefault("200")
    double rate();

    /** The most requests a subject may send at once (the bucket's size). */
    @WithDefault("400")
    int burst();

    /** The most subjects whose buckets are remembered; idle ones are dropped first. */
    @WithDefault("100000")
    int maxSubjects();
}

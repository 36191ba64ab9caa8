package org.jcm.registry.limit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rate limit on mutations per token subject (prefix {@code jcm.rate-limit}); see docs/api.md. */
@ConfigMapping(prefix = "jcm.rate-limit")
public interface RateLimitConfig {

    /** Whether mutations are limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Mutations per second a subject earns back. */
    @WithDefault("200")
    double rate();

    /** The most mutations a subject may send at once (the bucket's size). */
    @WithDefault("400")
    int burst();

    /** The most subjects whose buckets are remembered; idle ones are dropped first. */
    @WithDefault("100000")
    int maxSubjects();
}

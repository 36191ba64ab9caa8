package org.jcm.support.limit;

import jakarta.ws.rs.core.Response;
import org.jcm.support.problem.Problem;

/**
 * A per-key rate limit that answers with a problem: the token buckets of {@link SubjectRateLimiter}
 * sized by {@link RateLimitConfig}, refilled by {@link RateLimitTicker}'s clock, and an empty bucket
 * answered with 429 {@code rate_limited} and {@code Retry-After}. Each service wraps one in its own
 * bean (the registry's mutations per token subject, settlement's trade registrations per venue),
 * which names what is limited in the detail and counts refusals in its own metric.
 */
public final class ProblemRateLimit {

    /** The problem code of a refused request. */
    public static final String RATE_LIMITED = "rate_limited";

    private final RateLimitConfig config;
    private final SubjectRateLimiter limiter;
    private final Runnable onRefusal;

    /** A limit sized by {@code config}; {@code onRefusal} runs once for every request refused. */
    public ProblemRateLimit(RateLimitConfig config, RateLimitTicker ticker, Runnable onRefusal) {
        this.config = config;
        this.limiter = new SubjectRateLimiter(config.rate(), config.burst(), config.maxSubjects(), ticker::nanoTime);
        this.onRefusal = onRefusal;
    }

    /**
     * The 429 answer if {@code key} has no request left, else null (always null when the limit is
     * off). The detail starts with {@code tooMany}, such as "Too many mutations for this token".
     */
    public Response refusal(String key, String tooMany) {
        if (!config.enabled()) {
            return null;
        }
        SubjectRateLimiter.Decision decision = limiter.acquire(key);
        if (decision.allowed()) {
            return null;
        }
        onRefusal.run();
        return Problem.of(429, RATE_LIMITED, tooMany + ": the limit is " + format(config.rate())
                        + " per second with bursts of " + config.burst() + ". Retry after " + decision.retryAfterSeconds()
                        + " s with the same Idempotency-Key.")
                .responseBuilder().header("Retry-After", Long.toString(decision.retryAfterSeconds())).build();
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}

package org.jcm.registry.limit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jcm.registry.problem.Problem;
import org.jcm.support.limit.SubjectRateLimiter;

/**
 * The rate limit on mutations, per token subject: every mutation (a transfer batch counts once)
 * takes one request from its subject's bucket after the token's role and scope are checked and
 * before the idempotency lookup and the writer. An empty bucket answers 429 {@code rate_limited}
 * with {@code Retry-After}; nothing reaches the ledger. Refusals are counted in
 * {@code jcm_rate_limit_refused_total}.
 */
@ApplicationScoped
public class MutationRateLimit {

    /** The problem code of a refused request. */
    public static final String RATE_LIMITED = "rate_limited";

    private final RateLimitConfig config;
    private final SubjectRateLimiter limiter;
    private final Counter refused;

    MutationRateLimit(RateLimitConfig config, RateLimitTicker ticker, MeterRegistry meters) {
        this.config = config;
        this.limiter = new SubjectRateLimiter(config.rate(), config.burst(), config.maxSubjects(), ticker::nanoTime);
        this.refused = Counter.builder("jcm.rate_limit.refused")
                .description("Mutations refused with 429 because the token's subject exceeded its rate limit")
                .register(meters);
    }

    /** The 429 answer if {@code subject} has no request left, else null. */
    public Response refusal(String subject) {
        if (!config.enabled()) {
            return null;
        }
        SubjectRateLimiter.Decision decision = limiter.acquire(subject);
        if (decision.allowed()) {
            return null;
        }
        refused.increment();
        return Problem.of(429, RATE_LIMITED, "Too many mutations for this token: the limit is " + format(config.rate())
                        + " per second with bursts of " + config.burst() + ". Retry after " + decision.retryAfterSeconds()
                        + " s with the same Idempotency-Key.")
                .responseBuilder().header("Retry-After", Long.toString(decision.retryAfterSeconds())).build();
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}

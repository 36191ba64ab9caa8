package org.jcm.settlement.limit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jcm.settlement.problem.Problem;
import org.jcm.support.limit.SubjectRateLimiter;

/**
 * The rate limit on trade registrations, per venue: every {@code POST /api/v1/trades} takes one
 * request from its venue's bucket after the token is checked against the venue and before the
 * trade is looked up or stored. An empty bucket answers 429 {@code rate_limited} with
 * {@code Retry-After}. Refusals are counted in {@code jcm_rate_limit_refused_total}.
 */
@ApplicationScoped
public class TradeRateLimit {

    /** The problem code of a refused request. */
    public static final String RATE_LIMITED = "rate_limited";

    private final RateLimitConfig config;
    private final SubjectRateLimiter limiter;
    private final Counter refused;

    TradeRateLimit(RateLimitConfig config, RateLimitTicker ticker, MeterRegistry meters) {
        this.config = config;
        this.limiter = new SubjectRateLimiter(config.rate(), config.burst(), config.maxSubjects(), ticker::nanoTime);
        this.refused = Counter.builder("jcm.rate_limit.refused")
                .description("Trade registrations refused with 429 because the venue exceeded its rate limit")
                .register(meters);
    }

    /** The 429 answer if {@code venue} has no request left, else null. */
    public Response refusal(String venue) {
        if (!config.enabled()) {
            return null;
        }
        SubjectRateLimiter.Decision decision = limiter.acquire(venue);
        if (decision.allowed()) {
            return null;
        }
        refused.increment();
        return Problem.of(429, RATE_LIMITED, "Too many trade registrations for venue " + venue + ": the limit is "
                        + format(config.rate()) + " per second with bursts of " + config.burst() + ". Retry after "
                        + decision.retryAfterSeconds() + " s with the same Idempotency-Key.")
                .responseBuilder().header("Retry-After", Long.toString(decision.retryAfterSeconds())).build();
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}

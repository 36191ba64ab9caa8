package org.jcm.settlement.limit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jcm.support.limit.ProblemRateLimit;
import org.jcm.support.limit.RateLimitConfig;
import org.jcm.support.limit.RateLimitTicker;

/**
 * The rate limit on trade registrations, per venue: every {@code POST /api/v1/trades} takes one
 * request from its venue's bucket after the token is checked against the venue and before the
 * trade is looked up or stored. An empty bucket answers 429 {@code rate_limited} with
 * {@code Retry-After}. Refusals are counted in {@code jcm_rate_limit_refused_total}. The buckets and
 * the answer are the shared {@link ProblemRateLimit}; this bean says what is limited per what.
 */
@ApplicationScoped
public class TradeRateLimit {

    /** The problem code of a refused request. */
    public static final String RATE_LIMITED = ProblemRateLimit.RATE_LIMITED;

    private final ProblemRateLimit limit;

    TradeRateLimit(RateLimitConfig config, RateLimitTicker ticker, MeterRegistry meters) {
        Counter refused = Counter.builder("jcm.rate_limit.refused")
                .description("Trade registrations refused with 429 because the venue exceeded its rate limit")
                .register(meters);
        this.limit = new ProblemRateLimit(config, ticker, refused::increment);
    }

    /** The 429 answer if {@code venue} has no request left, else null. */
    public Response refusal(String venue) {
        return limit.refusal(venue, "Too many trade registrations for venue " + venue);
    }
}

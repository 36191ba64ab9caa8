package org.jcm.registry.limit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jcm.support.limit.ProblemRateLimit;
import org.jcm.support.limit.RateLimitConfig;
import org.jcm.support.limit.RateLimitTicker;

/**
 * The rate limit on mutations, per token subject: every mutation (a transfer batch counts once)
 * takes one request from its subject's bucket after the token's role and scope are checked and
 * before the idempotency lookup and the writer. An empty bucket answers 429 {@code rate_limited}
 * with {@code Retry-After}; nothing reaches the ledger. Refusals are counted in
 * {@code jcm_rate_limit_refused_total}. The buckets and the answer are the shared
 * {@link ProblemRateLimit}; this bean says what is limited per what.
 */
@ApplicationScoped
public class MutationRateLimit {

    /** The problem code of a refused request. */
    public static final String RATE_LIMITED = ProblemRateLimit.RATE_LIMITED;

    private final ProblemRateLimit limit;

    MutationRateLimit(RateLimitConfig config, RateLimitTicker ticker, MeterRegistry meters) {
        Counter refused = Counter.builder("jcm.rate_limit.refused")
                .description("Mutations refused with 429 because the token's subject exceeded its rate limit")
                .register(meters);
        this.limit = new ProblemRateLimit(config, ticker, refused::increment);
    }

    /** The 429 answer if {@code subject} has no request left, else null. */
    public Response refusal(String subject) {
        return limit.refusal(subject, "Too many mutations for this token");
    }
}

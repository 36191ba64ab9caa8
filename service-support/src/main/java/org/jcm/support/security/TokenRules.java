package org.jcm.support.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks both services make of a bearer token after its signature, issuer, audience and
 * expiry were verified, before they act on it:
 *
 * <ul>
 *   <li>it says when it was issued ({@code iat}), and not later than now plus
 *       {@code issuedAtLeeway} (clocks of the identity provider and the service differ a little; a
 *       token from further in the future was minted by a broken or hostile issuer);</li>
 *   <li>it lives at most {@code maxLifetime} ({@code exp - iat}): the services cannot revoke a
 *       token, so a stolen one must expire soon;</li>
 *   <li>it carries at most one of the services' roles in {@code groups}: the role decides what a
 *       request may do and which scope claim applies, so a token with two would act under a role
 *       its holder did not choose. Group names that are no role are ignored, as before.</li>
 * </ul>
 *
 * @param issuedAtLeeway how far in the future {@code iat} may be
 * @param maxLifetime the longest {@code exp - iat} accepted
 * @param roles the wire names of the roles (such as {@code account-holder})
 */
public record TokenRules(Duration issuedAtLeeway, Duration maxLifetime, Set<String> roles) {

    /** Checks the parts. */
    public TokenRules {
        Objects.requireNonNull(issuedAtLeeway, "issuedAtLeeway");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        if (issuedAtLeeway.isNegative() || maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("The leeway must not be negative and the lifetime must be positive: "
                    + issuedAtLeeway + ", " + maxLifetime);
        }
        roles = Set.copyOf(roles);
    }

    /**
     * Why a token is refused, or empty if it passes.
     *
     * @param issuedAt {@code iat} in seconds since the epoch, or null if the token has none
     * @param expiresAt {@code exp} in seconds since the epoch (verified to be present already)
     * @param groups the {@code groups} claim, or null
     * @param nowSeconds the current time in seconds since the epoch
     */
    public Optional<String> refusal(Long issuedAt, long expiresAt, Collection<String> groups, long nowSeconds) {
        if (issuedAt == null) {
            return Optional.of("The bearer token has no 'iat' (issued at) claim; its lifetime cannot be checked.");
        }
        if (issuedAt > nowSeconds + issuedAtLeeway.toSeconds()) {
            return Optional.of("The bearer token is issued " + (issuedAt - nowSeconds) + " s in the future; at most "
                    + issuedAtLeeway.toSeconds() + " s of clock difference is accepted.");
        }
        long lifetime = expiresAt - issuedAt;
        if (lifetime > maxLifetime.toSeconds()) {
            return Optional.of("The bearer token lives " + lifetime + " s (exp - iat); at most " + maxLifetime.toSeconds()
                    + " s are accepted. Ask the identity provider for a shorter-lived token.");
        }
        List<String> held = groups == null ? List.of() : new TreeSet<>(groups).stream().filter(roles::contains).toList();
        if (held.size() > 1) {
            return Optional.of("The bearer token carries several roles (" + String.join(", ", held)
                    + "); a token carries exactly one, so that it is clear which one a request acts under.");
        }
        return Optional.empty();
    }
}

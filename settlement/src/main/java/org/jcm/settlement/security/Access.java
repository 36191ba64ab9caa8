package org.jcm.settlement.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Scope checks beyond roles: an exchange (role {@code exchange}) acts and reads only for the venue
 * in its token's {@code venue} claim, so it reads its own trades and statements and, like anyone,
 * the public feeds, never another venue's trades or statements; the operator and auditors read
 * every venue. A token carries one role (CheckedTokenParser), so an exchange token never reads as
 * an auditor too. registry-api's equivalent is its {@code ReadAccess}: there an exchange reads only
 * the public reads.
 */
@RequestScoped
public class Access {

    /** The roles that see every venue's trades and statements. */
    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";
    public static final String EXCHANGE = "exchange";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    Access(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** Allows the request if the caller may read {@code venue}'s trades and statements. */
    public void requireReader(String venue) {
        requireAuthenticated();
        if (identity.hasRole(OPERATOR) || identity.hasRole(AUDITOR)) {
            return;
        }
        requireVenue(venue);
    }

    /** Allows the request only for an exchange acting for {@code venue}. */
    public void requireVenue(String venue) {
        requireAuthenticated();
        if (!identity.hasRole(EXCHANGE) || venue == null || !venue.equals(token.getClaim("venue"))) {
            throw new ForbiddenException();
        }
    }

    /** The venue claim of the caller's token, or null. */
    public String venue() {
        return token.getClaim("venue");
    }

    /** The caller's subject, for the record. */
    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private void requireAuthenticated() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
    }
}

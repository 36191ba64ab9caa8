package org.jcm.registry.security;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.support.problem.ProblemException;

/**
 * Maps a verified bearer token to the ledger-core {@link Actor} recorded in events: the role from
 * the {@code groups} claim, the token's subject, and the scope claim of that role ({@code registry}
 * for registry-admin, {@code org} for account-holder, {@code party} for government and
 * jc-secretariat, {@code venue} for exchange, {@code tpe} for third-party-entity; none for operator
 * and auditor). Whether the scope covers what a command acts on is decided by the state machine
 * against the ledger ({@code forbidden_scope}).
 */
public final class Actors {

    private Actors() {
    }

    /**
     * The actor for an endpoint that accepts {@code allowed} roles, in order of preference; 403
     * {@code forbidden_role} if the token has none of them, 403 {@code forbidden_scope} if it lacks
     * the role's scope claim.
     */
    public static Actor of(JsonWebToken token, Role... allowed) {
        if (token == null || token.getRawToken() == null) {
            throw new ProblemException(401, ProblemCodes.UNAUTHORIZED, "A valid bearer token is required.");
        }
        Set<String> groups = token.getGroups();
        for (Role role : allowed) {
            if (groups != null && groups.contains(role.wireName())) {
                return actor(token, role);
            }
        }
        throw new ProblemException(403, Rejection.FORBIDDEN_ROLE.code(), "This request needs one of the roles "
                + String.join(", ", java.util.Arrays.stream(allowed).map(Role::wireName).toList()) + "; the token has "
                + (groups == null || groups.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(groups))) + ".");
    }

    private static Actor actor(JsonWebToken token, Role role) {
        String claim = scopeClaim(role);
        String scope = "";
        if (claim != null) {
            Object value = token.getClaim(claim);
            if (!(value instanceof String text) || text.isBlank()) {
                throw new ProblemException(403, Rejection.FORBIDDEN_SCOPE.code(),
                        "A " + role.wireName() + " token must carry the '" + claim + "' claim.");
            }
            scope = text;
        }
        String subject = token.getSubject() != null ? token.getSubject() : token.getName();
        try {
            return new Actor(role, subject, scope);
        } catch (InvalidValueException | NullPointerException e) {
            throw new ProblemException(401, ProblemCodes.UNAUTHORIZED,
                    "The bearer token's subject or scope is not acceptable: " + e.getMessage());
        }
    }

    /** The claim that scopes a role, or null for roles without scope. */
    public static String scopeClaim(Role role) {
        return switch (role) {
            case REGISTRY_ADMIN -> "registry";
            case ACCOUNT_HOLDER -> "org";
            case GOVERNMENT, JC_SECRETARIAT -> "party";
            case THIRD_PARTY_ENTITY -> "tpe";
            case EXCHANGE -> "venue";
            case OPERATOR, AUDITOR -> null;
        };
    }
}

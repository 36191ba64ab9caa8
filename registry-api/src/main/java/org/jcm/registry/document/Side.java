package org.jcm.registry.document;

import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jcm.ledger.command.Role;
import org.jcm.registry.security.Actors;

/**
 * Who is behind a token as far as documents go: its role and the scope claim of that role (the
 * organization of an account holder, the Party of a government or JC secretariat, the registry of
 * an administrator, the id of a third-party entity; empty for the operator and auditors). Every
 * token of one side may read what any token of that side uploaded.
 *
 * @param role the token's role, as in {@code groups}
 * @param scope the role's scope claim, or "" for roles without one
 */
public record Side(String role, String scope) {

    /** The side of a verified token; empty when it has no role the registry knows, or lacks the role's scope claim. */
    public static Optional<Side> of(JsonWebToken token) {
        Set<String> groups = token.getGroups();
        if (groups == null) {
            return Optional.empty();
        }
        for (Role role : Role.values()) {
            if (groups.contains(role.wireName())) {
                return of(token, role);
            }
        }
        return Optional.empty();
    }

    private static Optional<Side> of(JsonWebToken token, Role role) {
        String claim = Actors.scopeClaim(role);
        if (claim == null) {
            return Optional.of(new Side(role.wireName(), ""));
        }
        return token.getClaim(claim) instanceof String scope && !scope.isBlank()
                ? Optional.of(new Side(role.wireName(), scope)) : Optional.empty();
    }

    /** Whether this side has {@code role}. */
    public boolean is(Role role) {
        return this.role.equals(role.wireName());
    }
}

package org.jcm.registry.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.rule.Rejection;
import org.jcm.support.problem.ProblemException;

/**
 * Who is calling (to read), taken from a verified bearer token: the roles in its {@code groups} claim and the
 * scope claims ({@code org}, {@code registry}, {@code party}) that read access is checked against.
 *
 * @param roles the token's roles that the registry knows; other group names are ignored
 * @param organization the {@code org} claim (account holders)
 * @param registry the {@code registry} claim (registry administrators)
 * @param party the {@code party} claim (governments)
 */
public record Caller(Set<Role> roles, Optional<String> organization, Optional<String> registry, Optional<String> party) {

    /** Copies the roles. */
    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** the caller a verified token describes. */
    public static Caller of(JsonWebToken token) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : token.getGroups()) {
            for (Role role : Role.values()) {
                if (role.wireName().equals(group)) {
                    roles.add(role);
                }
            }
        }
        return new Caller(roles, claim(token, Role.ACCOUNT_HOLDER), claim(token, Role.REGISTRY_ADMIN),
                claim(token, Role.GOVERNMENT));
    }

    /**
     * Refuses a reader that has none of the roles allowed to read this kind of resource at all,
     * before anything is looked up, so that such a reader learns nothing about what exists.
     *
     * @throws ProblemException 403 {@code forbidden_role}
     */
    public void requireAnyRole(Set<Role> allowed) {
        for (Role role : roles) {
            if (allowed.contains(role)) {
                return;
            }
        }
        throw new ProblemException(403, Rejection.FORBIDDEN_ROLE.code(),
                "This resource can be read only with one of the roles " + wireNames(allowed) + ".");
    }

    /** Whether the token carries this role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the reader is an administrator of this registry. */
    public boolean administers(String registryId) {
        return has(Role.REGISTRY_ADMIN) && registry.filter(registryId::equals).isPresent();
    }

    /** Whether the reader is an account holder of this organization. */
    public boolean actsFor(String organizationId) {
        return organizationId != null && has(Role.ACCOUNT_HOLDER) && organization.filter(organizationId::equals).isPresent();
    }

    /** Whether the reader is the government of this Party. */
    public boolean governs(String partyCode) {
        return has(Role.GOVERNMENT) && party.filter(partyCode::equals).isPresent();
    }

    /** The scope claim of a role, as the write path reads it; a claim that is not a string is no scope. */
    private static Optional<String> claim(JsonWebToken token, Role role) {
        return token.getClaim(Actors.scopeClaim(role)) instanceof String text && !text.isBlank()
                ? Optional.of(text) : Optional.empty();
    }

    private static String wireNames(Set<Role> allowed) {
        return String.join(", ", allowed.stream().sorted().map(Role::wireName).toList());
    }
}

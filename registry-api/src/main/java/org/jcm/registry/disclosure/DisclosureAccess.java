package org.jcm.registry.disclosure;

import java.util.EnumSet;
import java.util.Set;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.registry.security.Caller;
import org.jcm.support.problem.ProblemException;

/**
 * Who may record, read and publish an organization's emission records and disclosure statement
 * (docs/security.md, "Net disclosure"). Recording and publishing: the organization's own account
 * holders only. Reading an unpublished statement or its records: those account holders, the
 * administrators of the organization's registry, auditors and the operator; once the organization
 * published its statement for the fiscal year (scope STATEMENT), anyone.
 */
public final class DisclosureAccess {

    /** Roles that may read an unpublished statement at all. */
    public static final Set<Role> READERS = EnumSet.of(Role.ACCOUNT_HOLDER, Role.REGISTRY_ADMIN, Role.AUDITOR, Role.OPERATOR);

    private DisclosureAccess() {
    }

    /**
     * Checks that a caller may read an unpublished statement of an organization of {@code registryId}:
     * 401 without a token, 403 {@code forbidden_role} for another role, 403 {@code forbidden_scope}
     * for another organization's holders or another registry's administrators.
     */
    public static void checkRead(Caller caller, boolean hasToken, String organizationId, String registryId) {
        requireReader(caller, hasToken);
        if (caller.has(Role.AUDITOR) || caller.has(Role.OPERATOR) || caller.administers(registryId)
                || caller.actsFor(organizationId)) {
            return;
        }
        throw forbiddenScope(organizationId);
    }

    /** The role check of {@link #checkRead}, made before anything is looked up. */
    public static void requireReader(Caller caller, boolean hasToken) {
        if (!hasToken) {
            throw new ProblemException(401, ProblemCodes.UNAUTHORIZED, "This statement is not published: reading it needs "
                    + "a token of the organization's account holders, its registry's administrators, an auditor or the operator.");
        }
        caller.requireAnyRole(READERS);
    }

    /** Checks that the caller acts for the organization (recording, publishing): 403 {@code forbidden_scope} otherwise. */
    public static void checkOwn(Caller caller, String organizationId) {
        if (!caller.actsFor(organizationId)) {
            throw forbiddenScope(organizationId);
        }
    }

    private static ProblemException forbiddenScope(String organizationId) {
        return new ProblemException(403, Rejection.FORBIDDEN_SCOPE.code(),
                "The token's organization or registry does not cover organization " + organizationId + ".");
    }
}

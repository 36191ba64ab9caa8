package org.jcm.registry.security;

import java.util.EnumSet;
import java.util.Set;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.state.Proposal;
import org.jcm.support.problem.ProblemException;

/**
 * Who may read which proposal of a four-eyes action ({@code GET /api/v1/proposals}): registry
 * administrators their registry's, governments their Party's (those of its officials and those of
 * the administrators of its Party's registries, as governments read everything in their Party's
 * registries, see {@link ReadAccess}), auditors and the operator all. Account holders and exchanges
 * read none (403 {@code forbidden_role}). The rules in sentences are in {@code docs/security.md}.
 */
public final class ProposalAccess {

    /** Roles that may read proposals at all. */
    public static final Set<Role> ROLES = EnumSet.of(Role.REGISTRY_ADMIN, Role.GOVERNMENT, Role.AUDITOR, Role.OPERATOR);

    private ProposalAccess() {
    }

    /** Whether the reader sees this proposal. */
    public static boolean sees(Caller reader, Proposal proposal) {
        if (reader.has(Role.AUDITOR) || reader.has(Role.OPERATOR)) {
            return true;
        }
        String scope = proposal.approverScope();
        if (proposal.approverRole() == Role.REGISTRY_ADMIN) {
            return reader.administers(scope) || reader.governs(RegistryId.parse(scope).party().value());
        }
        return proposal.approverRole() == Role.GOVERNMENT && reader.governs(scope);
    }

    /**
     * Checks that the reader sees this proposal.
     *
     * @throws ProblemException 403 {@code forbidden_scope}
     */
    public static void check(Caller reader, Proposal proposal) {
        if (!sees(reader, proposal)) {
            throw new ProblemException(403, Rejection.FORBIDDEN_SCOPE.code(), "The token's registry or Party does not cover "
                    + "proposal " + proposal.id().value() + ".");
        }
    }
}

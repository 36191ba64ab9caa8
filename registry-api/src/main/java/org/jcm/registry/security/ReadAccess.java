package org.jcm.registry.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.rule.Rejection;
import org.jcm.support.problem.ProblemException;

/**
 * Who may read the non-public parts of a registry: organizations, and accounts with their balances,
 * holdings and transactions. The rules, in full sentences, are in {@code docs/api.md} ("Who may
 * read what"); every read endpoint that is not public goes through here.
 *
 * <p>A registry's administrators, auditors and the government of the registry's Party see
 * everything in it (the Party is responsible for its registry under Article 6.2, so its focal point
 * may inspect it); account holders see their own organization only. The operator runs the system
 * and may read organizations to support their administrators, but not an account's balances or
 * movements one by one (it reads the whole event feed, {@code GET /ledger/events}, with auditors).
 * Exchanges read nothing here beyond the public reads: no account, organization or event feed;
 * their own trades and statements are in the settlement service.
 */
public final class ReadAccess {

    /** Roles that may read an organization at all. */
    public static final Set<Role> ORGANIZATION_ROLES = EnumSet.of(Role.REGISTRY_ADMIN, Role.ACCOUNT_HOLDER, Role.AUDITOR,
            Role.OPERATOR, Role.GOVERNMENT);
    /** Roles that may read an account, its holdings or its transactions at all. */
    public static final Set<Role> ACCOUNT_ROLES = EnumSet.of(Role.REGISTRY_ADMIN, Role.ACCOUNT_HOLDER, Role.AUDITOR,
            Role.GOVERNMENT);

    /**
     * Roles that may read a unit's proof ({@code GET /units/{id}/proof}): its entries carry accounts
     * and memos, so only the holders' side, the holders' registries, auditors and the operator.
     */
    public static final Set<Role> UNIT_PROOF_ROLES = EnumSet.of(Role.REGISTRY_ADMIN, Role.ACCOUNT_HOLDER, Role.AUDITOR,
            Role.OPERATOR);

    /**
     * Roles that may read a retirement's certificate ({@code GET /retirements/{seq}/certificate}): the
     * retiring organization's side, its registry, its registry's Party, auditors and the operator.
     */
    public static final Set<Role> CERTIFICATE_ROLES = EnumSet.of(Role.REGISTRY_ADMIN, Role.ACCOUNT_HOLDER, Role.AUDITOR,
            Role.OPERATOR, Role.GOVERNMENT);

    /** Roles that may list the organizations of a registry or Party ({@code GET /organizations}). */
    public static final Set<Role> ORGANIZATION_LIST_ROLES = EnumSet.of(Role.REGISTRY_ADMIN, Role.GOVERNMENT, Role.AUDITOR,
            Role.OPERATOR);
    /** Roles that may list the accounts of a registry or Party ({@code GET /accounts}); like reading one account. */
    public static final Set<Role> ACCOUNT_LIST_ROLES = EnumSet.of(Role.REGISTRY_ADMIN, Role.GOVERNMENT, Role.AUDITOR);

    private ReadAccess() {
    }

    /**
     * The registries a directory list covers for this reader, narrowed to {@code registryId} when
     * given: an administrator its own registry, a government its Party's registries (a registry id
     * begins with its Party's code), auditors and the operator every registry. The reader's role was
     * checked before.
     *
     * @throws ProblemException 403 {@code forbidden_scope} for a registry the reader does not cover
     */
    public static Reach reach(Caller reader, String registryId) {
        if (reader.has(Role.AUDITOR) || reader.has(Role.OPERATOR)) {
            return new Reach(registryId, null);
        }
        if (reader.has(Role.REGISTRY_ADMIN)) {
            String own = reader.registry().orElseThrow(() -> forbiddenScope("any registry"));
            if (registryId != null && !registryId.equals(own)) {
                throw forbiddenScope("registry " + registryId);
            }
            return new Reach(own, null);
        }
        String party = reader.party().filter(p -> reader.has(Role.GOVERNMENT)).orElseThrow(() -> forbiddenScope("any Party"));
        if (registryId != null && !registryId.startsWith(party)) {
            throw forbiddenScope("registry " + registryId);
        }
        return new Reach(registryId, party);
    }

    /**
     * Checks that the reader may read this organization.
     *
     * @throws ProblemException 403 {@code forbidden_scope}
     */
    public static void checkOrganization(Caller reader, RegistryScope scope) {
        if (reader.has(Role.OPERATOR) || sees(reader, scope)) {
            return;
        }
        throw forbiddenScope("organization " + scope.organizationId());
    }

    /**
     * Checks that the reader may read this account (its balances, holdings and transactions).
     *
     * @throws ProblemException 403 {@code forbidden_scope}
     */
    public static void checkAccount(Caller reader, String accountId, RegistryScope scope) {
        if (sees(reader, scope)) {
            return;
        }
        throw forbiddenScope("account " + accountId);
    }

    /**
     * Checks that the reader may read the proof of units held now in accounts of these scopes:
     * auditors and the operator may; an administrator or account holder only if, for every holding
     * account, it administers the account's registry or acts for the account's organization.
     *
     * @throws ProblemException 403 {@code forbidden_scope}
     */
    public static void checkUnitHolders(Caller reader, String units, List<RegistryScope> holders) {
        if (reader.has(Role.AUDITOR) || reader.has(Role.OPERATOR)) {
            return;
        }
        boolean covered = !holders.isEmpty() && holders.stream()
                .allMatch(h -> reader.administers(h.registryId()) || reader.actsFor(h.organizationId()));
        if (!covered) {
            throw forbiddenScope("every account holding " + units);
        }
    }

    /**
     * Checks that the reader may read the certificate of retirement {@code seq}, made from an account
     * of {@code retiring}: auditors and the operator may; otherwise the administrators of the
     * account's registry, the government of that registry's Party and the holders acting for the
     * account's organization.
     *
     * @throws ProblemException 403 {@code forbidden_scope}
     */
    public static void checkRetirement(Caller reader, long seq, RegistryScope retiring) {
        if (reader.has(Role.OPERATOR) || sees(reader, retiring)) {
            return;
        }
        throw forbiddenScope("the organization that made retirement " + seq);
    }

    private static boolean sees(Caller reader, RegistryScope scope) {
        return reader.has(Role.AUDITOR)
                || reader.administers(scope.registryId())
                || reader.governs(scope.party())
                || reader.actsFor(scope.organizationId());
    }

    private static ProblemException forbiddenScope(String what) {
        return new ProblemException(403, Rejection.FORBIDDEN_SCOPE.code(),
                "The token's organization, registry or Party does not cover " + what + ".");
    }
}

package org.jcm.ledger.state;

import static org.jcm.ledger.state.StateMachine.accept;
import static org.jcm.ledger.state.StateMachine.reject;

import java.time.Instant;
import java.util.Map;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.AddTrustedAccount;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.RemoveTrustedAccount;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.event.TransferPolicySet;
import org.jcm.ledger.event.TrustedAccountAdded;
import org.jcm.ledger.event.TrustedAccountRemoved;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;

/**
 * Rules for an organization's transfer controls: its policy (set by the registry administrator of
 * its registry) and its trusted-account list (kept by its account holders; an addition becomes
 * effective after the configured delay, a removal at once).
 */
final class TransferControlRules {

    private TransferControlRules() {
    }

    static Outcome setPolicy(LedgerData s, SetTransferPolicy c, CommandContext ctx) {
        Actor actor = ctx.actor();
        if (actor.role() != Role.REGISTRY_ADMIN) {
            return ReferenceRules.role(actor, Role.REGISTRY_ADMIN);
        }
        if (!s.organizations.containsKey(c.organizationId())) {
            return reject(Rejection.UNKNOWN_ORGANIZATION, "organization " + c.organizationId() + " is not registered");
        }
        if (!c.organizationId().registryId().value().equals(actor.scope())) {
            return reject(Rejection.FORBIDDEN_SCOPE, "organization " + c.organizationId() + " is not of registry " + actor.scope());
        }
        return accept(new TransferPolicySet(s.nextSeq, ctx.at(), actor, c.organizationId(),
                c.approvalThreshold().map(q -> q.tonnes()), c.untrustedNeedsApproval(), c.untrustedDelay()));
    }

    static Outcome addTrusted(LedgerData s, AddTrustedAccount c, CommandContext ctx) {
        Outcome r = listChecks(s, c.organizationId(), c.accountId(), ctx.actor());
        if (r != null) {
            return r;
        }
        AccountState account = s.accounts.get(c.accountId());
        if (!account.isHolding()) {
            return reject(Rejection.NOT_HOLDING_ACCOUNT, "account " + account.id + " is a " + account.type + " account");
        }
        if (c.organizationId().equals(account.organizationId)) {
            return reject(Rejection.ACCOUNT_ALREADY_TRUSTED, "account " + account.id + " belongs to " + c.organizationId()
                    + ", whose own accounts are always trusted");
        }
        Map<AccountId, Instant> list = s.trustedAccounts.get(c.organizationId());
        if (list != null && list.containsKey(account.id)) {
            return reject(Rejection.ACCOUNT_ALREADY_TRUSTED, "account " + account.id + " is on the trusted-account list of "
                    + c.organizationId() + " (trusted from " + list.get(account.id) + ")");
        }
        if (account.closed) {
            return reject(Rejection.ACCOUNT_CLOSED, "account " + account.id + " is closed");
        }
        Instant effectiveAt = ctx.at().plus(s.config.trustedAccountDelay());
        return accept(new TrustedAccountAdded(s.nextSeq, ctx.at(), ctx.actor(), c.organizationId(), account.id, effectiveAt));
    }

    static Outcome removeTrusted(LedgerData s, RemoveTrustedAccount c, CommandContext ctx) {
        Outcome r = listChecks(s, c.organizationId(), c.accountId(), ctx.actor());
        if (r != null) {
            return r;
        }
        Map<AccountId, Instant> list = s.trustedAccounts.get(c.organizationId());
        if (list == null || !list.containsKey(c.accountId())) {
            return reject(Rejection.ACCOUNT_NOT_TRUSTED, "account " + c.accountId() + " is not on the trusted-account list of "
                    + c.organizationId());
        }
        return accept(new TrustedAccountRemoved(s.nextSeq, ctx.at(), ctx.actor(), c.organizationId(), c.accountId()));
    }

    /** forbidden_role, unknown_organization, unknown_account and forbidden_scope of a change to a trusted-account list. */
    private static Outcome listChecks(LedgerData s, OrganizationId organization, AccountId accountId, Actor actor) {
        if (actor.role() != Role.ACCOUNT_HOLDER) {
            return ReferenceRules.role(actor, Role.ACCOUNT_HOLDER);
        }
        if (!s.organizations.containsKey(organization)) {
            return reject(Rejection.UNKNOWN_ORGANIZATION, "organization " + organization + " is not registered");
        }
        if (!s.accounts.containsKey(accountId)) {
            return reject(Rejection.UNKNOWN_ACCOUNT, "account " + accountId + " does not exist");
        }
        if (!organization.value().equals(actor.scope())) {
            return reject(Rejection.FORBIDDEN_SCOPE, "the trusted-account list of " + organization
                    + " is kept by its own account holders, not " + actor.scope());
        }
        return null;
    }
}

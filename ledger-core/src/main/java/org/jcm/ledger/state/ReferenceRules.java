package org.jcm.ledger.state;

import static org.jcm.ledger.state.StateMachine.accept;
import static org.jcm.ledger.state.StateMachine.reject;

import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.CloseAccount;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.command.RegisterProject;
import org.jcm.ledger.command.RegisterRegistry;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.command.UnfreezeAccount;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.event.AccountClosed;
import org.jcm.ledger.event.AccountFrozen;
import org.jcm.ledger.event.AccountOpened;
import org.jcm.ledger.event.AccountUnfrozen;
import org.jcm.ledger.event.OrganizationRegistered;
import org.jcm.ledger.event.PartyRegistered;
import org.jcm.ledger.event.PartyUpdated;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.event.RegistryRegistered;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;

/** Rules for reference data: Parties, registries, organizations, accounts, projects. */
final class ReferenceRules {

    private ReferenceRules() {
    }

    static Outcome role(Actor actor, Role role) {
        return actor.role() == role ? null
                : reject(Rejection.FORBIDDEN_ROLE, "role " + actor.role().wireName() + " may not do this; it needs " + role.wireName());
    }

    static Outcome registerParty(LedgerData s, RegisterParty c, CommandContext ctx) {
        Outcome r = role(ctx.actor(), Role.OPERATOR);
        if (r != null) {
            return r;
        }
        Party p = c.party();
        if (s.parties.containsKey(p.code()) || s.partiesByIso2.containsKey(p.iso2())) {
            return reject(Rejection.PARTY_ALREADY_REGISTERED, "a Party with code " + p.code() + " or " + p.iso2() + " is already registered");
        }
        Outcome.Rejected invalid = CycleReferenceRules.signingDate(p, ctx);
        if (invalid != null) {
            return invalid;
        }
        return accept(new PartyRegistered(s.nextSeq, ctx.at(), ctx.actor(), p));
    }

    static Outcome updateParty(LedgerData s, UpdateParty c, CommandContext ctx) {
        Outcome r = role(ctx.actor(), Role.OPERATOR);
        if (r != null) {
            return r;
        }
        Party p = c.party();
        if (!s.parties.containsKey(p.code())) {
            return reject(Rejection.UNKNOWN_PARTY, "Party " + p.code() + " is not registered");
        }
        Party other = s.partiesByIso2.get(p.iso2());
        if (other != null && !other.code().equals(p.code())) {
            return reject(Rejection.PARTY_ALREADY_REGISTERED, "alpha-2 code " + p.iso2() + " belongs to " + other.code());
        }
        Outcome.Rejected invalid = CycleReferenceRules.signingDate(p, ctx);
        if (invalid == null) {
            invalid = CycleReferenceRules.scopesInUse(s, p);
        }
        if (invalid != null) {
            return invalid;
        }
        return accept(new PartyUpdated(s.nextSeq, ctx.at(), ctx.actor(), p));
    }

    static Outcome registerRegistry(LedgerData s, RegisterRegistry c, CommandContext ctx) {
        Outcome r = role(ctx.actor(), Role.OPERATOR);
        if (r != null) {
            return r;
        }
        PartyCode party = c.registryId().party();
        if (!s.parties.containsKey(party)) {
            return reject(Rejection.UNKNOWN_PARTY, "Party " + party + " of registry " + c.registryId() + " is not registered");
        }
        if (s.registries.containsKey(c.registryId())) {
            return reject(Rejection.REGISTRY_ALREADY_REGISTERED, "registry " + c.registryId() + " is already hosted here");
        }
        return accept(new RegistryRegistered(s.nextSeq, ctx.at(), ctx.actor(), c.registryId(), party, c.name(),
                AccountId.cancellation(c.registryId()), AccountId.retirement(c.registryId())));
    }

    static Outcome registerOrganization(LedgerData s, RegisterOrganization c, CommandContext ctx) {
        Outcome r = role(ctx.actor(), Role.REGISTRY_ADMIN);
        if (r != null) {
            return r;
        }
        RegistryState registry = s.registries.get(c.registryId());
        if (registry == null) {
            return reject(Rejection.UNKNOWN_REGISTRY, "registry " + c.registryId() + " is not hosted here");
        }
        if (!ctx.actor().scope().equals(registry.id.value())) {
            return reject(Rejection.FORBIDDEN_SCOPE, "the actor administers " + ctx.actor().scope() + ", not " + registry.id);
        }
        return accept(new OrganizationRegistered(s.nextSeq, ctx.at(), ctx.actor(),
                OrganizationId.of(registry.id, registry.nextOrganization), registry.id, c.name()));
    }

    static Outcome openAccount(LedgerData s, OpenAccount c, CommandContext ctx) {
        Outcome r = role(ctx.actor(), Role.REGISTRY_ADMIN);
        if (r != null) {
            return r;
        }
        Organization org = s.organizations.get(c.organizationId());
        if (org == null) {
            return reject(Rejection.UNKNOWN_ORGANIZATION, "organization " + c.organizationId() + " is not registered");
        }
        if (!ctx.actor().scope().equals(org.registryId().value())) {
            return reject(Rejection.FORBIDDEN_SCOPE, "the actor administers " + ctx.actor().scope() + ", not " + org.registryId());
        }
        RegistryState registry = s.registries.get(org.registryId());
        return accept(new AccountOpened(s.nextSeq, ctx.at(), ctx.actor(), AccountId.holding(registry.id, registry.nextAccount),
                registry.id, org.id(), c.name()));
    }

    /** Shared checks of freeze, unfreeze and close: role, account known, in scope, a holding account, open. */
    private static Object adminAccount(LedgerData s, AccountId id, CommandContext ctx) {
        Outcome r = role(ctx.actor(), Role.REGISTRY_ADMIN);
        if (r != null) {
            return r;
        }
        AccountState a = s.accounts.get(id);
        if (a == null) {
            return reject(Rejection.UNKNOWN_ACCOUNT, "account " + id + " does not exist");
        }
        if (!ctx.actor().scope().equals(a.registryId.value())) {
            return reject(Rejection.FORBIDDEN_SCOPE, "the actor administers " + ctx.actor().scope() + ", not " + a.registryId);
        }
        if (!a.isHolding()) {
            return reject(Rejection.NOT_HOLDING_ACCOUNT, "account " + id + " is a " + a.type + " account");
        }
        if (a.closed) {
            return reject(Rejection.ACCOUNT_CLOSED, "account " + id + " is closed");
        }
        return a;
    }

    static Outcome freeze(LedgerData s, FreezeAccount c, CommandContext ctx) {
        Object checked = adminAccount(s, c.accountId(), ctx);
        if (checked instanceof Outcome o) {
            return o;
        }
        if (((AccountState) checked).frozen) {
            return reject(Rejection.ACCOUNT_FROZEN, "account " + c.accountId() + " is already frozen");
        }
        return accept(new AccountFrozen(s.nextSeq, ctx.at(), ctx.actor(), c.accountId(), c.reason()));
    }

    static Outcome unfreeze(LedgerData s, UnfreezeAccount c, CommandContext ctx) {
        Object checked = adminAccount(s, c.accountId(), ctx);
        if (checked instanceof Outcome o) {
            return o;
        }
        if (!((AccountState) checked).frozen) {
            return reject(Rejection.ACCOUNT_NOT_FROZEN, "account " + c.accountId() + " is not frozen");
        }
        return accept(new AccountUnfrozen(s.nextSeq, ctx.at(), ctx.actor(), c.accountId(), c.reason()));
    }

    static Outcome close(LedgerData s, CloseAccount c, CommandContext ctx) {
        Object checked = adminAccount(s, c.accountId(), ctx);
        if (checked instanceof Outcome o) {
            return o;
        }
        AccountState a = (AccountState) checked;
        if (a.totalUnits != 0) {
            return reject(Rejection.ACCOUNT_NOT_EMPTY, "account " + c.accountId() + " still holds " + a.totalUnits + " units");
        }
        return accept(new AccountClosed(s.nextSeq, ctx.at(), ctx.actor(), c.accountId(), c.reason()));
    }

    /**
     * A project of a host Party with JCM status partner (Japan hosts none, a candidate none until it
     * becomes a partner), registered in a registry of Japan or of the host.
     */
    static Outcome registerProject(LedgerData s, RegisterProject c, CommandContext ctx) {
        Outcome r = role(ctx.actor(), Role.REGISTRY_ADMIN);
        if (r != null) {
            return r;
        }
        Party host = s.partiesByIso2.get(c.projectId().hostIso2());
        if (host == null) {
            return reject(Rejection.UNKNOWN_PARTY, "no Party has alpha-2 code " + c.projectId().hostIso2() + " of project " + c.projectId());
        }
        RegistryState registry = s.registries.get(c.registryId());
        if (registry == null) {
            return reject(Rejection.UNKNOWN_REGISTRY, "registry " + c.registryId() + " is not hosted here");
        }
        for (OrganizationId participant : c.participants()) {
            if (!s.organizations.containsKey(participant)) {
                return reject(Rejection.UNKNOWN_ORGANIZATION, "participant " + participant + " is not registered");
            }
        }
        if (!ctx.actor().scope().equals(registry.id.value())) {
            return reject(Rejection.FORBIDDEN_SCOPE, "the actor administers " + ctx.actor().scope() + ", not " + registry.id);
        }
        if (s.projects.containsKey(c.projectId())) {
            return reject(Rejection.PROJECT_ALREADY_REGISTERED, "project " + c.projectId() + " is already registered");
        }
        if (host.jcmStatus() != JcmStatus.PARTNER) {
            return reject(Rejection.HOST_NOT_JCM_PARTNER, "host Party " + host.code() + " of project " + c.projectId()
                    + " is not a JCM partner (its JCM status is " + host.jcmStatus() + ")");
        }
        if (!eligible(registry.party, host.code())) {
            return reject(Rejection.REGISTRY_NOT_ELIGIBLE, "registry " + registry.id + " is neither Japan's nor " + host.code() + "'s");
        }
        return accept(new ProjectRegistered(s.nextSeq, ctx.at(), ctx.actor(), c.projectId(), host.code(), registry.id,
                c.title(), c.methodologyId(), c.participants()));
    }

    /** A registry of Japan or of the host Party may register and issue for the host's projects. */
    static boolean eligible(PartyCode registryParty, PartyCode host) {
        return registryParty.isJapan() || registryParty.equals(host);
    }

    static Optional<AccountState> account(LedgerData s, AccountId id) {
        return Optional.ofNullable(s.accounts.get(id));
    }
}

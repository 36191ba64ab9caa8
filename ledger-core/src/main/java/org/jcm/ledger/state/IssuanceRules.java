package org.jcm.ledger.state;

import static org.jcm.ledger.state.StateMachine.accept;
import static org.jcm.ledger.state.StateMachine.reject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.command.SubmitIssuanceRequest;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.Quantity;

/** Rules for issuance requests and issuances. */
final class IssuanceRules {

    private IssuanceRules() {
    }

    static Outcome request(LedgerData s, SubmitIssuanceRequest c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.ACCOUNT_HOLDER);
        if (r != null) {
            return r;
        }
        Project project = s.projects.get(c.projectId());
        if (project == null) {
            return reject(Rejection.UNKNOWN_PROJECT, "project " + c.projectId() + " is not registered");
        }
        OrganizationId participant = null;
        for (OrganizationId p : project.participants()) {
            if (p.value().equals(ctx.actor().scope())) {
                participant = p;
            }
        }
        if (participant == null) {
            return reject(Rejection.FORBIDDEN_SCOPE, "organization " + ctx.actor().scope() + " is not a participant of " + c.projectId());
        }
        if (c.monitoringPeriodStart().isAfter(c.monitoringPeriodEnd())) {
            return reject(Rejection.INVALID_MONITORING_PERIOD, "the monitoring period ends before it starts");
        }
        return accept(new IssuanceRequested(s.nextSeq, ctx.at(), ctx.actor(), IssuanceRequestId.of(s.nextIssuanceRequestNumber),
                c.projectId(), participant, c.monitoringPeriodStart(), c.monitoringPeriodEnd(), c.verifiedQuantity().tonnes(),
                c.verificationReference()));
    }

    /**
     * An issuance, in the precedence order of {@link Rejection}: the administrator's registry must
     * be Japan's or the host Party's, the allocations go only into that registry's holding accounts
     * (each side issues its share into its own registry), the issuance cites the participants'
     * request for the same project and monitoring period and, with what was already issued on it,
     * stays within its verified quantity and within the configured maximum for one issuance; the
     * host Party must be a JCM partner now; and neither the host's vintage numbering nor the units
     * of the whole ledger may pass 2^53 - 1.
     */
    static Outcome issue(LedgerData s, IssueCredits c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.REGISTRY_ADMIN);
        if (r != null) {
            return r;
        }
        List<AccountState> accounts = new ArrayList<>(c.allocations().size());
        r = allocationAccounts(s, c, accounts);
        if (r != null) {
            return r;
        }
        Project project = s.projects.get(c.projectId());
        if (project == null) {
            return reject(Rejection.UNKNOWN_PROJECT, "project " + c.projectId() + " is not registered");
        }
        IssuanceRequest request = s.issuanceRequests.get(c.issuanceRequestId());
        if (request == null) {
            return reject(Rejection.UNKNOWN_ISSUANCE_REQUEST, "issuance request " + c.issuanceRequestId() + " does not exist");
        }
        RegistryState actorRegistry = registryOf(s, ctx.actor().scope());
        if (actorRegistry == null || !eligible(s, actorRegistry.party, project)) {
            return reject(Rejection.FORBIDDEN_SCOPE, "the actor administers " + ctx.actor().scope()
                    + ", not a registry of Japan or of " + project.hostParty());
        }
        r = alreadyIssued(s, c, actorRegistry);
        if (r == null) {
            r = allocationRules(c, accounts, actorRegistry);
        }
        if (r == null) {
            r = requestRules(request, c);
        }
        if (r == null) {
            r = asDecided(s, c, actorRegistry);
        }
        PartyCode host = numberingHost(s, c, actorRegistry, project);
        if (r == null) {
            r = limitRules(s, c, project, host);
        }
        if (r == null) {
            r = closedAccount(accounts);
        }
        if (r != null) {
            return r;
        }
        long sum = c.totalQuantity().tonnes();
        return accept(new CreditsIssued(s.nextSeq, ctx.at(), ctx.actor(), c.issuanceId(), c.projectId(), host,
                c.vintage(), c.monitoringPeriodStart(), c.monitoringPeriodEnd(), sum,
                numbered(c, accounts, nextUnit(s, host, c)), Optional.of(c.issuanceRequestId())));
    }

    /** unknown_account: the allocation accounts, in allocation order, into {@code out}. */
    private static Outcome.Rejected allocationAccounts(LedgerData s, IssueCredits c, List<AccountState> out) {
        for (Allocation a : c.allocations()) {
            AccountState account = s.accounts.get(a.accountId());
            if (account == null) {
                return reject(Rejection.UNKNOWN_ACCOUNT, "allocation account " + a.accountId() + " does not exist");
            }
            out.add(account);
        }
        return null;
    }

    /** issuance_already_issued, then issuance_decision_already_issued. */
    private static Outcome.Rejected alreadyIssued(LedgerData s, IssueCredits c, RegistryState actorRegistry) {
        if (s.issuances.containsKey(c.issuanceId())) {
            return reject(Rejection.ISSUANCE_ALREADY_ISSUED, "issuance " + c.issuanceId() + " was already made");
        }
        if (decisionIssuedBy(s, c, actorRegistry.id)) {
            return reject(Rejection.ISSUANCE_DECISION_ALREADY_ISSUED, "registry " + actorRegistry.id + " already issued project "
                    + c.projectId() + " for " + c.monitoringPeriodStart() + " to " + c.monitoringPeriodEnd() + ", vintage "
                    + c.vintage());
        }
        return null;
    }

    /**
     * not_holding_account, invalid_monitoring_period, invalid_allocation (an account twice, or a
     * sum other than the total), allocation_outside_issuing_registry.
     */
    private static Outcome.Rejected allocationRules(IssueCredits c, List<AccountState> accounts, RegistryState actorRegistry) {
        for (AccountState account : accounts) {
            if (!account.isHolding()) {
                return reject(Rejection.NOT_HOLDING_ACCOUNT, "allocation account " + account.id + " is a " + account.type + " account");
            }
        }
        if (c.monitoringPeriodStart().isAfter(c.monitoringPeriodEnd())
                || c.vintage().year() < c.monitoringPeriodStart().getYear()
                || c.vintage().year() > c.monitoringPeriodEnd().getYear()) {
            return reject(Rejection.INVALID_MONITORING_PERIOD, "vintage " + c.vintage() + " must lie in the monitoring period "
                    + c.monitoringPeriodStart() + " to " + c.monitoringPeriodEnd());
        }
        // At most 100 allocations of at most 2^53 - 1 each: the sum cannot overflow a long.
        long sum = 0;
        Set<AccountId> seen = new HashSet<>();
        for (Allocation a : c.allocations()) {
            sum += a.quantity().tonnes();
            if (!seen.add(a.accountId())) {
                return reject(Rejection.INVALID_ALLOCATION, "account " + a.accountId() + " appears twice in the allocations");
            }
        }
        if (sum != c.totalQuantity().tonnes()) {
            return reject(Rejection.INVALID_ALLOCATION, "allocations add up to " + sum + ", not the total " + c.totalQuantity());
        }
        for (AccountState account : accounts) {
            if (!account.registryId.equals(actorRegistry.id)) {
                return reject(Rejection.ALLOCATION_OUTSIDE_ISSUING_REGISTRY, "allocation account " + account.id + " is in "
                        + account.registryId + "; the administrator of " + actorRegistry.id
                        + " issues only into its own registry (each side issues its share into its own registry)");
            }
        }
        return null;
    }

    /** issuance_request_mismatch, then verified_quantity_exceeded (the allocations add up to the total here). */
    private static Outcome.Rejected requestRules(IssuanceRequest request, IssueCredits c) {
        long sum = c.totalQuantity().tonnes();
        if (!request.projectId().equals(c.projectId()) || !request.monitoringPeriodStart().equals(c.monitoringPeriodStart())
                || !request.monitoringPeriodEnd().equals(c.monitoringPeriodEnd())) {
            return reject(Rejection.ISSUANCE_REQUEST_MISMATCH, "issuance request " + request.id() + " is for "
                    + request.projectId() + ", " + request.monitoringPeriodStart() + " to " + request.monitoringPeriodEnd());
        }
        if (request.issuedQuantity() + sum > request.verifiedQuantity()) {
            return reject(Rejection.VERIFIED_QUANTITY_EXCEEDED, "issuance request " + request.id() + " verified "
                    + request.verifiedQuantity() + ", " + request.issuedQuantity() + " were already issued on it and this issuance"
                    + " adds " + sum);
        }
        return null;
    }

    /**
     * issuance_quantity_limit_exceeded, host_not_jcm_partner (the host whose numbering the
     * issuance uses), unit_numbering_exhausted, ledger_unit_limit_exceeded.
     */
    private static Outcome.Rejected limitRules(LedgerData s, IssueCredits c, Project project, PartyCode host) {
        long sum = c.totalQuantity().tonnes();
        if (sum > s.config.maxIssuanceQuantity()) {
            return reject(Rejection.ISSUANCE_QUANTITY_LIMIT_EXCEEDED, "one issuance may create at most "
                    + s.config.maxIssuanceQuantity() + " units, not " + sum);
        }
        Party party = s.parties.get(host);
        if (party == null || party.jcmStatus() != JcmStatus.PARTNER) {
            return reject(Rejection.HOST_NOT_JCM_PARTNER, "host Party " + host + " of " + c.projectId()
                    + " is not a JCM partner" + (party == null ? "" : " (its JCM status is " + party.jcmStatus() + ")"));
        }
        if (nextUnit(s, host, c) - 1 + sum > Quantity.MAX) {
            return reject(Rejection.UNIT_NUMBERING_EXHAUSTED, "units of " + host + " " + c.vintage()
                    + " would pass 2^53 - 1");
        }
        long issuedTotal = s.issuedUnitsTotal();
        if (issuedTotal + sum > Quantity.MAX) {
            return reject(Rejection.LEDGER_UNIT_LIMIT_EXCEEDED, issuedTotal + " units are issued in this ledger; " + sum
                    + " more would pass 2^53 - 1");
        }
        return null;
    }

    private static Outcome.Rejected closedAccount(List<AccountState> accounts) {
        for (AccountState account : accounts) {
            if (account.closed) {
                return reject(Rejection.ACCOUNT_CLOSED, "allocation account " + account.id + " is closed");
            }
        }
        return null;
    }

    /**
     * issuance_not_as_decided: an issuance on a monitoring cycle's request is the share the Joint
     * Committee decided for this registry and vintage (the same allocations), once decided.
     */
    private static Outcome.Rejected asDecided(LedgerData s, IssueCredits c, RegistryState registry) {
        org.jcm.ledger.id.MonitoringCycleId id = s.requestCycles.get(c.issuanceRequestId());
        if (id == null) {
            return null;
        }
        MonitoringCycle cycle = s.monitoringCycles.get(id);
        if (cycle.state() != MonitoringCycleState.ISSUANCE_DECIDED) {
            return reject(Rejection.ISSUANCE_NOT_AS_DECIDED, "monitoring cycle " + id + " is " + cycle.state()
                    + "; issuance follows the Joint Committee's decision");
        }
        Optional<org.jcm.ledger.command.DecidedShare> share = cycle.share(registry.id, c.vintage());
        if (share.isEmpty() || !new HashSet<>(share.get().allocations()).equals(new HashSet<>(c.allocations()))) {
            return reject(Rejection.ISSUANCE_NOT_AS_DECIDED, "the decision on " + id + " gives registry " + registry.id + " vintage "
                    + c.vintage() + " " + share.map(d -> "the allocations " + d.allocations()).orElse("no share"));
        }
        return null;
    }

    /** The host whose numbering the issuance uses: its decided share's, else the project's (first) host. */
    private static PartyCode numberingHost(LedgerData s, IssueCredits c, RegistryState registry, Project project) {
        org.jcm.ledger.id.MonitoringCycleId id = registry == null ? null : s.requestCycles.get(c.issuanceRequestId());
        MonitoringCycle cycle = id == null ? null : s.monitoringCycles.get(id);
        return cycle == null ? project.hostParty()
                : cycle.share(registry.id, c.vintage()).map(org.jcm.ledger.command.DecidedShare::numberingHost).orElse(project.hostParty());
    }

    /** A registry of Japan or of a host of the project (every host of an application's project) may issue for it. */
    private static boolean eligible(LedgerData s, PartyCode registryParty, Project project) {
        if (ReferenceRules.eligible(registryParty, project.hostParty())) {
            return true;
        }
        org.jcm.ledger.id.ApplicationId id = s.projectApplications.get(project.id());
        return id != null && s.applications.get(id).idea().hostParties().contains(registryParty);
    }

    /** The first unit the issuance gets: the next of the host Party's vintage line (1 for a new line). */
    private static long nextUnit(LedgerData s, PartyCode host, IssueCredits c) {
        UnitLine line = s.line(host, c.vintage());
        return line == null ? 1 : line.nextUnit;
    }

    /** The allocations numbered on from {@code next}, in allocation order. */
    private static List<IssuedAllocation> numbered(IssueCredits c, List<AccountState> accounts, long next) {
        List<IssuedAllocation> issued = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            long q = c.allocations().get(i).quantity().tonnes();
            issued.add(new IssuedAllocation(accounts.get(i).id, accounts.get(i).registryId, next, next + q - 1));
            next += q;
        }
        return issued;
    }

    /**
     * Whether {@code registry} already issued this Joint Committee decision (project, monitoring
     * period, vintage). Each side issues its share of a decision once, into its own registry; an
     * issuance counts for every registry it allocated into. The fold keeps the decisions issued by
     * any registry; only when this one was issued at all are its issuances looked through.
     */
    private static boolean decisionIssuedBy(LedgerData s, IssueCredits c, RegistryId registry) {
        if (!s.issuanceDecisions.contains(new LedgerData.DecisionKey(c.projectId(), c.monitoringPeriodStart(),
                c.monitoringPeriodEnd(), c.vintage()))) {
            return false;
        }
        for (Issuance i : s.issuances.values()) {
            if (i.projectId().equals(c.projectId()) && i.vintage().equals(c.vintage())
                    && i.monitoringPeriodStart().equals(c.monitoringPeriodStart())
                    && i.monitoringPeriodEnd().equals(c.monitoringPeriodEnd())) {
                for (IssuedAllocation a : i.allocations()) {
                    if (a.issuingRegistryId().equals(registry)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static RegistryState registryOf(LedgerData s, String scope) {
        if (scope.length() != 5) {
            return null;
        }
        try {
            return s.registries.get(RegistryId.parse(scope));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

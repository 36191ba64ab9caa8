package org.jcm.ledger.state;

import static org.jcm.ledger.state.StateMachine.accept;
import static org.jcm.ledger.state.StateMachine.reject;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.DecideIssuance;
import org.jcm.ledger.command.DecidedShare;
import org.jcm.ledger.command.RequestCycleIssuance;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.event.IssuanceDecided;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;

/**
 * Rules for the issuance steps of a monitoring cycle: the applicant's request citing the verified
 * cycle, and the Joint Committee's decision with its shares, recorded by the JC secretariat of the
 * first host. Checks run in the precedence order of {@link Rejection}.
 */
final class IssuanceDecisionRules {

    private IssuanceDecisionRules() {
    }

    /** forbidden_role, unknown_monitoring_cycle, not_the_applicant, application_wrong_step (not VERIFIED). */
    static Outcome request(LedgerData s, RequestCycleIssuance c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.ACCOUNT_HOLDER);
        MonitoringCycle cycle = r == null ? s.monitoringCycles.get(c.monitoringCycleId()) : null;
        if (r == null && cycle == null) {
            r = reject(Rejection.UNKNOWN_MONITORING_CYCLE, "monitoring cycle " + c.monitoringCycleId() + " does not exist");
        }
        Application a = cycle == null ? null : s.applications.get(cycle.applicationId());
        if (r == null && !a.participants().actsForApplicant(ctx.actor().scope())) {
            r = reject(Rejection.NOT_THE_APPLICANT, "organization " + ctx.actor().scope() + " acts for neither "
                    + a.participants().representative() + " nor its proxy on " + cycle.projectId());
        }
        if (r == null && cycle.state() != MonitoringCycleState.VERIFIED) {
            r = reject(Rejection.APPLICATION_WRONG_STEP, "monitoring cycle " + cycle.id() + " is " + cycle.state() + ", not VERIFIED");
        }
        return r != null ? r : accept(new IssuanceRequested(s.nextSeq, ctx.at(), ctx.actor(),
                IssuanceRequestId.of(s.nextIssuanceRequestNumber), cycle.projectId(), a.participants().representative(),
                cycle.periodStart(), cycle.periodEnd(), cycle.verifiedQuantity().orElseThrow(),
                cycle.id() + " verified by " + cycle.verifier().orElseThrow(), Optional.of(cycle.id())));
    }

    static Outcome decide(LedgerData s, DecideIssuance c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.JC_SECRETARIAT);
        if (r == null) {
            r = references(s, c);
        }
        MonitoringCycle cycle = r == null ? s.monitoringCycles.get(c.monitoringCycleId()) : null;
        if (r == null && cycle == null) {
            r = reject(Rejection.UNKNOWN_MONITORING_CYCLE, "monitoring cycle " + c.monitoringCycleId() + " does not exist");
        }
        Application a = cycle == null ? null : s.applications.get(cycle.applicationId());
        if (r == null && !a.firstHost().value().equals(ctx.actor().scope())) {
            r = reject(Rejection.NOT_THE_REVIEWER, "the secretariat of the JC with " + ctx.actor().scope() + " does not decide "
                    + cycle.id() + "; the JC with its first host " + a.firstHost() + " does");
        }
        if (r == null) {
            r = ApplicationReviews.reasons(c.verdict(), c.reasons());
        }
        if (r == null && c.verdict() == ReviewVerdict.ACCEPT) {
            r = shares(s, c, cycle, a);
        }
        if (r == null && cycle.state() != MonitoringCycleState.ISSUANCE_REQUESTED) {
            r = reject(Rejection.APPLICATION_WRONG_STEP, "monitoring cycle " + cycle.id() + " is " + cycle.state()
                    + ", not ISSUANCE_REQUESTED");
        }
        return r != null ? r : accept(new IssuanceDecided(s.nextSeq, ctx.at(), ctx.actor(), cycle.id(), c.verdict(),
                c.decisionReference(), c.shares(), c.japanGovernmentAccount(), c.reasons(), c.documents()));
    }

    /** unknown_registry (a share's), unknown_account (an allocation's or the Japanese government's). */
    private static Outcome references(LedgerData s, DecideIssuance c) {
        for (DecidedShare d : c.shares()) {
            if (!s.registries.containsKey(d.registryId())) {
                return reject(Rejection.UNKNOWN_REGISTRY, "registry " + d.registryId() + " is not hosted here");
            }
        }
        for (DecidedShare d : c.shares()) {
            for (Allocation a : d.allocations()) {
                if (!s.accounts.containsKey(a.accountId())) {
                    return reject(Rejection.UNKNOWN_ACCOUNT, "allocation account " + a.accountId() + " does not exist");
                }
            }
        }
        if (c.japanGovernmentAccount().isPresent() && !s.accounts.containsKey(c.japanGovernmentAccount().get())) {
            return reject(Rejection.UNKNOWN_ACCOUNT, "account " + c.japanGovernmentAccount().get() + " does not exist");
        }
        return null;
    }

    /**
     * not_holding_account, invalid_monitoring_period (a vintage outside the period),
     * invalid_allocation (an account twice in a share, a registry and vintage twice, a numbering
     * host that is not a host of the project, a Japanese government account outside Japan's
     * registries), allocation_outside_issuing_registry, verified_quantity_exceeded,
     * japan_share_below_financing, registry_not_eligible (a share's registry neither Japan's nor
     * a host's).
     */
    private static Outcome shares(LedgerData s, DecideIssuance c, MonitoringCycle cycle, Application a) {
        for (DecidedShare d : c.shares()) {
            for (Allocation al : d.allocations()) {
                if (!s.accounts.get(al.accountId()).isHolding()) {
                    return reject(Rejection.NOT_HOLDING_ACCOUNT, "allocation account " + al.accountId() + " is not a holding account");
                }
            }
        }
        for (DecidedShare d : c.shares()) {
            int y = d.vintage().year();
            if (y < cycle.periodStart().getYear() || y > cycle.periodEnd().getYear()) {
                return reject(Rejection.INVALID_MONITORING_PERIOD, "vintage " + y + " must lie in the monitoring period "
                        + cycle.periodStart() + " to " + cycle.periodEnd());
            }
        }
        Outcome r = allocations(s, c, a);
        if (r != null) {
            return r;
        }
        long total = 0;
        long japan = 0;
        for (DecidedShare d : c.shares()) {
            total += d.total();
            for (Allocation al : d.allocations()) {
                if (c.japanGovernmentAccount().equals(Optional.of(al.accountId()))) {
                    japan += al.quantity().tonnes();
                }
            }
        }
        // A cycle not yet verified has no verified quantity; application_wrong_step refuses the decision then.
        long verified = cycle.verifiedQuantity().orElse(Long.MAX_VALUE);
        if (total > verified) {
            return reject(Rejection.VERIFIED_QUANTITY_EXCEEDED, "the shares add up to " + total + "; " + cycle.id() + " verified "
                    + verified);
        }
        long minimum = a.idea().financing().japanMinimum(total);
        if (japan < minimum) {
            return reject(Rejection.JAPAN_SHARE_BELOW_FINANCING, "Japan's financing share of "
                    + a.idea().financing().japanShareBasisPoints() + " basis points needs at least " + minimum + " of " + total
                    + " for the Japanese government's account, not " + japan);
        }
        for (DecidedShare d : c.shares()) {
            RegistryState registry = s.registries.get(d.registryId());
            if (!registry.party.isJapan() && !a.idea().hostParties().contains(registry.party)) {
                return reject(Rejection.REGISTRY_NOT_ELIGIBLE, "registry " + d.registryId() + " is neither Japan's nor a host's of "
                        + cycle.projectId());
            }
        }
        return null;
    }

    /** invalid_allocation, then allocation_outside_issuing_registry. */
    private static Outcome allocations(LedgerData s, DecideIssuance c, Application a) {
        Set<String> keys = new HashSet<>();
        for (DecidedShare d : c.shares()) {
            Set<AccountId> seen = new HashSet<>();
            for (Allocation al : d.allocations()) {
                if (!seen.add(al.accountId())) {
                    return reject(Rejection.INVALID_ALLOCATION, "account " + al.accountId() + " appears twice in a share");
                }
            }
            if (!keys.add(MonitoringCycle.shareKey(d.registryId(), d.vintage()))) {
                return reject(Rejection.INVALID_ALLOCATION, "registry " + d.registryId() + " has two shares of vintage " + d.vintage());
            }
            if (!a.idea().hostParties().contains(d.numberingHost())) {
                return reject(Rejection.INVALID_ALLOCATION, d.numberingHost() + " is not a host whose numbering the project uses");
            }
        }
        if (c.japanGovernmentAccount().isPresent()
                && !s.registries.get(c.japanGovernmentAccount().get().registryId()).party.isJapan()) {
            return reject(Rejection.INVALID_ALLOCATION, "the Japanese government's account " + c.japanGovernmentAccount().get()
                    + " is not in a registry of Japan");
        }
        for (DecidedShare d : c.shares()) {
            for (Allocation al : d.allocations()) {
                if (!al.accountId().registryId().equals(d.registryId())) {
                    return reject(Rejection.ALLOCATION_OUTSIDE_ISSUING_REGISTRY, "allocation account " + al.accountId()
                            + " is not in the share's registry " + d.registryId());
                }
            }
        }
        return null;
    }
}

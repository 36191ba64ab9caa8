package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.AccountFrozen;
import org.jcm.ledger.event.AccountUnfrozen;
import org.jcm.ledger.event.AuthorizationAmended;
import org.jcm.ledger.event.AuthorizationRevoked;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CorrespondingAdjustmentApplied;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.ProposalApproved;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Properties of four eyes over the random sequences of {@link LedgerProperties} (proposals by
 * random subjects, approvals, rejections, withdrawals and expiries by random subjects): no single
 * subject completes a four-eyes action alone; the units a pending cancellation for correction
 * reserves never move but through its approval; ending it otherwise restores exactly them.
 */
class FourEyesProperties {

    /** The four-eyes actions' event types the random sequences executed, to keep the properties honest. */
    static final Set<String> EXECUTED = new TreeSet<>();
    static long approvals;
    static long freed;

    @Provide
    Arbitrary<List<RandomCommands.Step>> steps() {
        return RandomCommands.steps(40);
    }

    /** An event of a four-eyes action: one the role that proposes it could only execute through an approval. */
    static boolean fourEyes(LedgerEvent e) {
        Role role = e.actor().role();
        if (role == Role.REGISTRY_ADMIN) {
            return e instanceof CreditsIssued || e instanceof AccountFrozen || e instanceof AccountUnfrozen
                    || e instanceof CreditsCancelled;
        }
        return role == Role.GOVERNMENT && (e instanceof UnitsAuthorized || e instanceof AuthorizationAmended
                || e instanceof AuthorizationRevoked || e instanceof CorrespondingAdjustmentApplied);
    }

    @Property(tries = 3000)
    void no_single_subject_completes_a_four_eyes_action_alone(@ForAll("steps") List<RandomCommands.Step> steps) {
        LedgerProperties.runUncounted(steps, (f, p, before, seqBefore, o) -> {
            if (p.command() instanceof ProposableAction action && ActionRules.needsApproval(action, p.actor())) {
                assertThat(o).isInstanceOf(Outcome.Rejected.class);
                assertThat(((Outcome.Rejected) o).rejection()).isEqualTo(Rejection.APPROVAL_REQUIRED);
            }
            if (!(o instanceof Outcome.Accepted accepted) || accepted.events().stream().noneMatch(FourEyesProperties::fourEyes)) {
                return;
            }
            List<LedgerEvent> events = accepted.events();
            assertThat(p.command()).isInstanceOf(ApproveProposal.class);
            ProposalApproved approval = (ProposalApproved) events.get(0);
            ProposalMade made = made(f, approval);
            assertThat(made.actor()).isEqualTo(approval.proposer());
            assertThat(approval.actor().subject()).isNotEqualTo(made.actor().subject());
            assertThat(approval.actor().role()).isEqualTo(made.actor().role());
            assertThat(approval.actor().scope()).isEqualTo(made.actor().scope());
            for (LedgerEvent e : events.subList(1, events.size())) {
                assertThat(e.actor()).isEqualTo(approval.actor());
                if (fourEyes(e)) {
                    EXECUTED.add(e.type());
                }
            }
            approvals++;
        });
    }

    @Property(tries = 3000)
    void reserved_units_move_only_through_their_approval_and_ending_otherwise_restores_exactly_them(
            @ForAll("steps") List<RandomCommands.Step> steps) {
        Map<AccountId, Long> available = new HashMap<>();
        Map<AccountId, Long> reserved = new HashMap<>();
        LedgerProperties.runUncounted(steps, new LedgerProperties.StepCheck() {
            @Override
            public void before(Fixture f, RandomCommands.Planned p) {
                for (AccountInfo a : f.state.snapshot().accounts()) {
                    available.put(a.id(), f.state.availableUnits(a.id()));
                    reserved.put(a.id(), f.state.reservedUnits(a.id()));
                }
            }

            @Override
            public void after(Fixture f, RandomCommands.Planned p, LedgerSnapshot before, long seqBefore, Outcome o) {
                Map<AccountId, Long> freedNow = new HashMap<>();
                for (Proposal was : before.proposals()) {
                    if (!was.isPending() || was.reserved().isEmpty()) {
                        continue;
                    }
                    Proposal now = f.state.proposal(was.id()).orElseThrow();
                    AccountId from = ((org.jcm.ledger.command.CancelCredits) was.action()).fromAccountId();
                    for (BlockRange r : was.reserved()) {
                        for (long unit : new long[] {r.first(), r.last()}) {
                            CreditBlock b = f.state.blockContaining(r.hostParty(), r.vintage(), unit).orElseThrow();
                            if (now.status() == ProposalStatus.APPROVED) {
                                assertThat(b.status()).isEqualTo(BlockStatus.CANCELLED);
                            } else {
                                assertThat(b.holderAccountId()).isEqualTo(from);
                                assertThat(b.status()).isEqualTo(BlockStatus.ACTIVE);
                                assertThat(f.state.reservedFor(r.hostParty(), r.vintage(), unit).map(Object::toString))
                                        .isEqualTo(now.isPending() ? java.util.Optional.of(was.id().value())
                                                : java.util.Optional.empty());
                            }
                        }
                    }
                    if (now.status() == ProposalStatus.REJECTED || now.status() == ProposalStatus.WITHDRAWN
                            || now.status() == ProposalStatus.EXPIRED) {
                        freedNow.merge(from, was.reservedQuantity(), Long::sum);
                        freed++;
                    }
                }
                if (!freedNow.isEmpty()) {
                    // Ending proposals moves nothing: each account gets back exactly what they reserved.
                    for (Map.Entry<AccountId, Long> e : freedNow.entrySet()) {
                        assertThat(f.state.availableUnits(e.getKey())).isEqualTo(available.get(e.getKey()) + e.getValue());
                        assertThat(f.state.reservedUnits(e.getKey())).isEqualTo(reserved.get(e.getKey()) - e.getValue());
                    }
                }
            }
        });
    }

    private static ProposalMade made(Fixture f, ProposalApproved approval) {
        for (LedgerEvent e : f.events) {
            if (e instanceof ProposalMade m && m.proposalId().equals(approval.proposalId())) {
                assertThat(m.seq()).isLessThan(approval.seq());
                return m;
            }
        }
        throw new AssertionError("no ProposalMade for " + approval.proposalId());
    }

    @AfterContainer
    static void the_random_sequences_approve_every_kind_and_free_reservations() {
        System.out.println("four eyes: " + approvals + " approvals executed " + EXECUTED + "; " + freed + " reservations freed");
        assertThat(approvals).isGreaterThan(200);
        assertThat(EXECUTED).contains("CreditsIssued", "AccountFrozen", "CreditsCancelled", "UnitsAuthorized");
        assertThat(freed).isGreaterThan(20);
    }
}

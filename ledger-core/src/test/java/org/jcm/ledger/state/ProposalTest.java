package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jcm.ledger.state.Fixture.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.ExpireProposals;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.ProposalKind;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.command.RejectProposal;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.ProposalApproved;
import org.jcm.ledger.event.ProposalExpired;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.event.ProposalRejected;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.ProposalId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;
import org.jcm.ledger.serial.UnitRange;
import org.junit.jupiter.api.Test;

/** Proposals of four-eyes actions: proposing, approving on the state of the moment, rejecting, withdrawing, expiring, reserving. */
class ProposalTest {

    final Fixture f = new Fixture();
    static final Actor ADMIN = admin(MNG01);
    static final Actor SECOND = second(ADMIN);
    static final Actor WRITER = ExpireProposals.systemActor();

    ProposalId propose(Actor actor, org.jcm.ledger.command.ProposableAction action) {
        return ((ProposalMade) f.ok(actor, new ProposeAction(action)).get(0)).proposalId();
    }

    Rejection refused(Actor actor, Command command) {
        LedgerSnapshot before = f.state.snapshot();
        Outcome o = f.direct(actor, command);
        assertThat(o).isInstanceOf(Outcome.Rejected.class);
        assertThat(f.state.snapshot()).isEqualTo(before);
        return ((Outcome.Rejected) o).rejection();
    }

    static CancelCredits correction(org.jcm.ledger.id.AccountId from, long quantity) {
        return new CancelCredits(from, Quantity.of(quantity), List.of(), Optional.empty(), CancellationReason.CORRECTION,
                Optional.of("double counted"));
    }

    @Test
    void an_issuance_proposed_by_one_administrator_executes_when_a_second_one_approves_it() {
        f.request(MN001, java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 12, 31), 500);
        IssueCredits issue = new IssueCredits(new org.jcm.ledger.id.IssuanceId("MN001-2024-01"), MN001,
                java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 12, 31), Vintage.of(2024), Quantity.of(500),
                List.of(new org.jcm.ledger.command.Allocation(f.mnC1, Quantity.of(500))),
                org.jcm.ledger.id.IssuanceRequestId.of(1));

        assertThat(refused(ADMIN, issue)).isEqualTo(Rejection.APPROVAL_REQUIRED);
        List<LedgerEvent> made = f.ok(ADMIN, new ProposeAction(issue));
        ProposalMade proposal = (ProposalMade) made.get(0);
        assertThat(proposal.proposalId()).isEqualTo(ProposalId.of(1));
        assertThat(proposal.kind()).isEqualTo(ProposalKind.ISSUANCE);
        assertThat(proposal.actor()).isEqualTo(ADMIN);
        assertThat(proposal.expiresAt()).isEqualTo(proposal.at().plus(Duration.ofDays(7)));
        assertThat(f.state.issuance(issue.issuanceId())).isEmpty();
        Proposal pending = f.state.pendingProposals().get(0);
        assertThat(pending.approverRole()).isEqualTo(Role.REGISTRY_ADMIN);
        assertThat(pending.approverScope()).isEqualTo("MNG01");
        assertThat(pending.mayBeApprovedBy(SECOND)).isTrue();
        assertThat(pending.mayBeApprovedBy(ADMIN)).isFalse();
        assertThat(pending.mayBeApprovedBy(second(admin(JPN01)))).isFalse();

        assertThat(refused(ADMIN, new ApproveProposal(proposal.proposalId()))).isEqualTo(Rejection.APPROVAL_BY_PROPOSER);
        assertThat(refused(second(admin(JPN01)), new ApproveProposal(proposal.proposalId())))
                .isEqualTo(Rejection.FORBIDDEN_SCOPE);
        assertThat(refused(GOV_MNG, new ApproveProposal(proposal.proposalId()))).isEqualTo(Rejection.FORBIDDEN_SCOPE);
        assertThat(refused(holder(f.mnC), new ApproveProposal(proposal.proposalId()))).isEqualTo(Rejection.FORBIDDEN_ROLE);
        List<LedgerEvent> approved = f.ok(SECOND, new ApproveProposal(proposal.proposalId()));

        assertThat(approved).extracting(LedgerEvent::type).containsExactly("ProposalApproved", "CreditsIssued");
        assertThat(((ProposalApproved) approved.get(0)).proposer()).isEqualTo(ADMIN);
        assertThat(approved).allSatisfy(e -> assertThat(e.actor()).isEqualTo(SECOND));
        assertThat(((CreditsIssued) approved.get(1)).totalQuantity()).isEqualTo(500);
        assertThat(f.state.totalUnits(f.mnC1)).isEqualTo(500);
        Proposal done = f.state.proposal(proposal.proposalId()).orElseThrow();
        assertThat(done.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(done.endedBy()).contains(SECOND);
        assertThat(f.state.pendingProposals()).isEmpty();
        assertThat(refused(second(SECOND), new ApproveProposal(proposal.proposalId()))).isEqualTo(Rejection.PROPOSAL_NOT_PENDING);
        assertThat(Invariants.check(f.state)).isEmpty();
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void a_proposal_the_rules_refuse_now_is_refused_at_once_and_records_nothing() {
        assertThat(refused(ADMIN, new ProposeAction(new org.jcm.ledger.command.UnfreezeAccount(f.mnG1, Optional.empty()))))
                .isEqualTo(Rejection.ACCOUNT_NOT_FROZEN);
        assertThat(refused(admin(JPN01), new ProposeAction(new FreezeAccount(f.mnG1, Optional.empty()))))
                .isEqualTo(Rejection.FORBIDDEN_SCOPE);
        assertThat(refused(GOV_MNG, new ProposeAction(new FreezeAccount(f.mnG1, Optional.empty()))))
                .isEqualTo(Rejection.FORBIDDEN_ROLE);
        assertThat(f.state.proposals()).isEmpty();
    }

    @Test
    void an_approval_decides_the_action_again_and_a_refusal_leaves_the_proposal_pending() {
        ProposalId first = propose(ADMIN, new FreezeAccount(f.mnG1, Optional.of("court order")));
        ProposalId twin = propose(SECOND, new FreezeAccount(f.mnG1, Optional.of("same court order")));
        f.ok(SECOND, new ApproveProposal(first));

        assertThat(refused(ADMIN, new ApproveProposal(twin))).isEqualTo(Rejection.ACCOUNT_FROZEN);
        assertThat(f.state.proposal(twin).orElseThrow().isPending()).isTrue();
        List<LedgerEvent> rejected = f.ok(ADMIN, new RejectProposal(twin, "already frozen"));
        assertThat(((ProposalRejected) rejected.get(0)).withdrawn()).isFalse();
        assertThat(f.state.proposal(twin).orElseThrow().status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(f.state.proposal(twin).orElseThrow().reason()).contains("already frozen");
    }

    @Test
    void the_proposer_may_withdraw_its_own_proposal() {
        ProposalId id = propose(ADMIN, new FreezeAccount(f.mnG1, Optional.empty()));
        f.ok(ADMIN, new RejectProposal(id, "wrong account"));
        assertThat(f.state.proposal(id).orElseThrow().status()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(f.state.account(f.mnG1).orElseThrow().frozen()).isFalse();
        assertThat(refused(SECOND, new RejectProposal(id, "again"))).isEqualTo(Rejection.PROPOSAL_NOT_PENDING);
        assertThat(Invariants.check(f.state)).isEmpty();
    }

    @Test
    void expiring_records_nothing_until_a_proposal_is_due_and_then_one_event_for_each() {
        ProposalId first = propose(ADMIN, new FreezeAccount(f.mnG1, Optional.empty()));
        ProposalId second = propose(SECOND, new FreezeAccount(f.mnC1, Optional.empty()));
        Instant expiresAt = f.state.proposal(first).orElseThrow().expiresAt();
        long seq = f.state.nextSeq();

        Outcome nothing = f.direct(WRITER, new ExpireProposals());
        assertThat(((Outcome.Accepted) nothing).events()).isEmpty();
        assertThat(f.state.nextSeq()).isEqualTo(seq);
        assertThat(refused(ADMIN, new ExpireProposals())).isEqualTo(Rejection.FORBIDDEN_ROLE);
        assertThat(refused(OPERATOR, new ExpireProposals())).isEqualTo(Rejection.FORBIDDEN_ROLE);
        assertThat(WRITER).isEqualTo(new Actor(Role.OPERATOR, "jcm-writer", ""));

        f.advanceTo(expiresAt);
        assertThat(refused(SECOND, new ApproveProposal(first))).isEqualTo(Rejection.PROPOSAL_EXPIRED);
        assertThat(refused(SECOND, new RejectProposal(first, "late"))).isEqualTo(Rejection.PROPOSAL_EXPIRED);
        List<LedgerEvent> expired = f.ok(WRITER, new ExpireProposals());
        assertThat(expired).extracting(e -> ((ProposalExpired) e).proposalId()).containsExactly(first, second);
        assertThat(expired).allSatisfy(e -> assertThat(e.actor()).isEqualTo(WRITER));
        assertThat(f.state.proposal(first).orElseThrow().status()).isEqualTo(ProposalStatus.EXPIRED);
        assertThat(((Outcome.Accepted) f.direct(WRITER, new ExpireProposals())).events()).isEmpty();
        assertThat(refused(SECOND, new ApproveProposal(first))).isEqualTo(Rejection.PROPOSAL_NOT_PENDING);
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void the_next_proposal_expiry_is_the_earliest_of_the_pending_ones_and_empty_once_none_is_pending() {
        assertThat(f.state.nextProposalExpiry()).isEmpty();
        ProposalId first = propose(ADMIN, new FreezeAccount(f.mnG1, Optional.empty()));
        Instant firstExpiry = f.state.proposal(first).orElseThrow().expiresAt();
        f.advanceTo(firstExpiry.minusSeconds(60));
        ProposalId second = propose(SECOND, new FreezeAccount(f.mnC1, Optional.empty()));
        assertThat(f.state.nextProposalExpiry()).contains(firstExpiry);
        f.ok(ADMIN, new RejectProposal(first, "withdrawn"));
        assertThat(f.state.nextProposalExpiry()).contains(f.state.proposal(second).orElseThrow().expiresAt());
        f.advanceTo(f.state.proposal(second).orElseThrow().expiresAt());
        f.ok(WRITER, new ExpireProposals());
        assertThat(f.state.nextProposalExpiry()).isEmpty();
    }

    @Test
    void the_proposal_time_out_is_configuration_and_recorded_in_the_event() {
        Fixture quick = new Fixture(new LedgerState(LedgerConfig.DEFAULT.withProposalTimeout(Duration.ofHours(1))));
        ProposalMade made = (ProposalMade) quick.ok(ADMIN, new ProposeAction(new FreezeAccount(quick.mnG1, Optional.empty())))
                .get(0);
        assertThat(made.expiresAt()).isEqualTo(made.at().plus(Duration.ofHours(1)));
        // Replay with the default configuration keeps the recorded instant.
        assertThat(Replay.fold(quick.events).proposal(made.proposalId()).orElseThrow().expiresAt()).isEqualTo(made.expiresAt());
        assertThatThrownBy(() -> LedgerConfig.DEFAULT.withProposalTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerConfig.DEFAULT.withProposalTimeout(Duration.ofDays(367)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LedgerConfig.DEFAULT.proposalTimeout()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void a_pending_cancellation_for_correction_reserves_its_units_until_it_ends() {
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 100);
        ProposalId id = propose(ADMIN, correction(f.mnC1, 30));
        Proposal p = f.state.proposal(id).orElseThrow();
        assertThat(p.reservedQuantity()).isEqualTo(30);
        assertThat(f.state.totalUnits(f.mnC1)).isEqualTo(100);
        assertThat(f.state.reservedUnits(f.mnC1)).isEqualTo(30);
        assertThat(f.state.availableUnits(f.mnC1)).isEqualTo(70);
        assertThat(f.state.reservedFor(MNG, Vintage.of(2024), 1)).contains(id);

        assertThat(refused(holder(f.mnC), TransferCredits.of(f.mnC1, f.mnG1, 71))).isEqualTo(Rejection.INSUFFICIENT_UNITS);
        BlockSerial reservedUnits = new BlockSerial(MN001, Vintage.of(2024), UnitRange.of(1, 10));
        assertThat(refused(holder(f.mnC), new TransferCredits(f.mnC1, f.mnG1, Quantity.of(10), List.of(reservedUnits),
                Optional.empty(), Optional.empty(), Optional.empty()))).isEqualTo(Rejection.UNITS_RESERVED);
        assertThat(refused(SECOND, new ProposeAction(new CancelCredits(f.mnC1, Quantity.of(10), List.of(reservedUnits),
                Optional.empty(), CancellationReason.CORRECTION, Optional.empty())))).isEqualTo(Rejection.UNITS_RESERVED);
        f.transfer(f.mnC1, f.mnG1, 70);

        List<LedgerEvent> approved = f.ok(SECOND, new ApproveProposal(id));
        CreditsCancelled cancelled = (CreditsCancelled) approved.get(1);
        assertThat(cancelled.ranges()).isEqualTo(p.reserved());
        assertThat(cancelled.reason()).isEqualTo(CancellationReason.CORRECTION);
        assertThat(cancelled.actor()).isEqualTo(SECOND);
        assertThat(f.state.blockContaining(MNG, Vintage.of(2024), 1).orElseThrow().status()).isEqualTo(BlockStatus.CANCELLED);
        assertThat(f.state.reservedUnits(f.mnC1)).isZero();
        assertThat(f.state.totalUnits(f.mnC1)).isZero();
        assertThat(Invariants.check(f.state)).isEmpty();
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void rejecting_or_expiring_a_pending_cancellation_frees_exactly_its_units() {
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 100);
        ProposalId rejected = propose(ADMIN, correction(f.mnC1, 30));
        ProposalId expiring = propose(ADMIN, correction(f.mnC1, 20));
        assertThat(f.state.availableUnits(f.mnC1)).isEqualTo(50);

        f.ok(SECOND, new RejectProposal(rejected, "not a double count"));
        assertThat(f.state.availableUnits(f.mnC1)).isEqualTo(80);
        assertThat(f.state.reservedFor(MNG, Vintage.of(2024), 1)).isEmpty();
        assertThat(f.state.reservedFor(MNG, Vintage.of(2024), 31)).contains(expiring);

        f.advanceTo(f.state.proposal(expiring).orElseThrow().expiresAt().plusSeconds(1));
        f.ok(WRITER, new ExpireProposals());
        assertThat(f.state.availableUnits(f.mnC1)).isEqualTo(100);
        assertThat(f.state.reservedUnits(f.mnC1)).isZero();
        assertThat(f.state.totalUnits(f.mnC1)).isEqualTo(100);
        assertThat(Invariants.check(f.state)).isEmpty();
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void only_a_cancellation_for_correction_can_be_proposed_and_an_account_holder_still_cancels_directly() {
        assertThatThrownBy(() -> new ProposeAction(new CancelCredits(f.mnC1, Quantity.of(1), List.of(), Optional.empty(),
                CancellationReason.VOLUNTARY, Optional.empty()))).isInstanceOf(InvalidValueException.class);
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 10);
        assertThat(f.direct(holder(f.mnC), correction(f.mnC1, 2)).isAccepted()).isTrue();
        assertThat(refused(holder(f.mnC), new ProposeAction(correction(f.mnC1, 2)))).isEqualTo(Rejection.FORBIDDEN_ROLE);
        assertThat(refused(ADMIN, correction(f.mnC1, 2))).isEqualTo(Rejection.APPROVAL_REQUIRED);
    }
}

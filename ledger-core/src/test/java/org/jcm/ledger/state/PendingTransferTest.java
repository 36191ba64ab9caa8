package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.ledger.state.Fixture.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.AddTrustedAccount;
import org.jcm.ledger.command.ApprovePendingTransfer;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CancelPendingTransfer;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.command.ProcessDueTransfers;
import org.jcm.ledger.command.RemoveTrustedAccount;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.event.AccountOpened;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.PendingTransferApproved;
import org.jcm.ledger.event.PendingTransferCancelled;
import org.jcm.ledger.event.PendingTransferExecuted;
import org.jcm.ledger.event.PendingTransferExpired;
import org.jcm.ledger.event.TransferPended;
import org.jcm.ledger.event.TrustedAccountAdded;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.PendingTransferId;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.Quantity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transfer controls on the default configuration (the EU Union Registry's rules): transfers
 * to untrusted accounts wait for a second account holder and a delay, their units reserved;
 * trusted accounts, thresholds, approval, cancellation, expiry and the writer's due processing.
 */
class PendingTransferTest {

    static final Actor SECOND = Actor.accountHolder("second-MNG01-O0001", org.jcm.ledger.id.OrganizationId.of(MNG01, 1));
    static final Actor WRITER = ProcessDueTransfers.systemActor();

    Fixture f;
    Actor first;

    @BeforeEach
    void ledgerWithEuRules() {
        f = Fixture.withEuDefaults();
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 600, f.jpA1, 400);
        first = holder(f.mnC);
    }

    TransferPended pend(AccountId to, long quantity) {
        List<LedgerEvent> events = f.ok(first, TransferCredits.of(f.mnC1, to, quantity));
        assertThat(events).hasSize(1);
        return (TransferPended) events.get(0);
    }

    Rejection rejected(Actor actor, Command command) {
        Outcome o = f.apply(actor, command);
        assertThat(o).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected) o).rejection();
    }

    List<LedgerEvent> processAt(Instant at) {
        f.advanceTo(at);
        return f.ok(WRITER, new ProcessDueTransfers());
    }

    @Test
    void the_default_policy_is_the_eu_one_and_its_delays_are_seven_days() {
        assertThat(f.state.transferPolicy(f.mnC)).isEqualTo(TransferPolicy.EU_DEFAULT);
        assertThat(TransferPolicy.EU_DEFAULT.untrustedDelay()).isEqualTo(Duration.ofHours(26));
        assertThat(TransferPolicy.EU_DEFAULT.untrustedNeedsApproval()).isTrue();
        assertThat(TransferPolicy.EU_DEFAULT.approvalThreshold()).isEmpty();
        assertThat(LedgerConfig.DEFAULT.trustedAccountDelay()).isEqualTo(Duration.ofDays(7));
        assertThat(LedgerConfig.DEFAULT.pendingApprovalTimeout()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void a_transfer_between_accounts_of_the_same_organization_executes_at_once_with_the_same_events_as_before() {
        AccountId second = ((AccountOpened) f.ok(admin(MNG01), new OpenAccount(f.mnC, "second")).get(0)).accountId();
        Fixture open = new Fixture();
        open.issue("MN001-2024-01", MN001, 2024, open.mnC1, 600, open.jpA1, 400);
        open.ok(admin(MNG01), new OpenAccount(open.mnC, "second"));
        List<LedgerEvent> controlled = f.ok(first, TransferCredits.of(f.mnC1, second, 50));
        List<LedgerEvent> uncontrolled = open.ok(first, TransferCredits.of(open.mnC1, second, 50));
        assertThat(controlled).hasSize(1).first().isInstanceOf(CreditsTransferred.class);
        assertThat(controlled).isEqualTo(uncontrolled);
    }

    @Test
    void a_transfer_to_an_untrusted_account_waits_for_approval_with_its_units_reserved_in_the_source() {
        TransferPended p = pend(f.jpB1, 100);
        assertThat(p.pendingTransferId()).isEqualTo(PendingTransferId.of(1));
        assertThat(p.approvalRequired()).isTrue();
        assertThat(p.destinationTrusted()).isFalse();
        assertThat(p.delay()).isEqualTo(Duration.ofHours(26));
        assertThat(p.expiresAt()).contains(p.at().plus(Duration.ofDays(7)));
        assertThat(p.executeAt()).isEmpty();
        assertThat(f.state.totalUnits(f.mnC1)).isEqualTo(600);
        assertThat(f.state.reservedUnits(f.mnC1)).isEqualTo(100);
        assertThat(f.state.availableUnits(f.mnC1)).isEqualTo(500);
        assertThat(f.state.reservations(f.mnC1)).singleElement().satisfies(r -> {
            assertThat(r.actionId()).isEqualTo(p.pendingTransferId());
            assertThat(r.ranges()).isEqualTo(p.ranges());
        });
        assertThat(f.state.reservedFor(MNG, org.jcm.ledger.id.Vintage.of(2024), 1)).contains(p.pendingTransferId());
        assertThat(f.state.totalUnits(f.jpB1)).isZero();
        assertThat(Invariants.check(f.state)).isEmpty();
    }

    @Test
    void reserved_units_are_skipped_by_selection_and_cannot_be_retired_or_transferred_again() {
        pend(f.jpB1, 550);
        assertThat(rejected(first, TransferCredits.of(f.mnC1, f.mnG1, 51))).isEqualTo(Rejection.INSUFFICIENT_UNITS);
        assertThat(rejected(first, new RetireCredits(f.mnC1, Quantity.of(51), List.of(), Optional.empty(),
                RetirementPurpose.VOLUNTARY, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))
                .isEqualTo(Rejection.INSUFFICIENT_UNITS);
        TransferPended rest = pend(f.mnG1, 50);
        assertThat(rest.ranges()).singleElement().satisfies(r -> assertThat(r.first()).isEqualTo(551));
        assertThat(f.state.availableUnits(f.mnC1)).isZero();
    }

    @Test
    void the_initiator_cannot_approve_and_neither_can_another_organization_nor_another_role() {
        PendingTransferId id = pend(f.jpB1, 10).pendingTransferId();
        assertThat(rejected(first, new ApprovePendingTransfer(id))).isEqualTo(Rejection.APPROVAL_BY_PROPOSER);
        assertThat(rejected(holder(f.mnG), new ApprovePendingTransfer(id))).isEqualTo(Rejection.FORBIDDEN_SCOPE);
        assertThat(rejected(admin(MNG01), new ApprovePendingTransfer(id))).isEqualTo(Rejection.FORBIDDEN_ROLE);
        assertThat(f.state.pendingTransfer(id).orElseThrow().status()).isEqualTo(PendingTransferStatus.AWAITING_APPROVAL);
    }

    @Test
    void an_approved_transfer_to_an_untrusted_account_executes_when_due_and_not_before() {
        PendingTransferId id = pend(f.jpB1, 100).pendingTransferId();
        PendingTransferApproved approved = (PendingTransferApproved) f.ok(SECOND, new ApprovePendingTransfer(id)).get(0);
        assertThat(approved.executeAt()).isEqualTo(approved.at().plus(Duration.ofHours(26)));
        assertThat(rejected(SECOND, new ApprovePendingTransfer(id))).isEqualTo(Rejection.PROPOSAL_NOT_PENDING);
        assertThat(processAt(approved.executeAt().minusMillis(1))).isEmpty();
        List<LedgerEvent> due = processAt(approved.executeAt());
        assertThat(due).singleElement().isInstanceOf(PendingTransferExecuted.class);
        PendingTransferExecuted executed = (PendingTransferExecuted) due.get(0);
        assertThat(executed.actor()).isEqualTo(WRITER);
        assertThat(f.state.totalUnits(f.jpB1)).isEqualTo(100);
        assertThat(f.state.totalUnits(f.mnC1)).isEqualTo(500);
        assertThat(f.state.reservedUnits(f.mnC1)).isZero();
        assertThat(f.state.pendingTransfer(id).orElseThrow().status()).isEqualTo(PendingTransferStatus.EXECUTED);
        assertThat(processAt(approved.executeAt().plusSeconds(60))).isEmpty();
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void above_the_threshold_a_transfer_to_a_trusted_account_executes_with_its_approval_in_the_same_command() {
        f.ok(admin(MNG01), new SetTransferPolicy(f.mnC, Optional.of(Quantity.of(100)), true, Duration.ofHours(26)));
        f.ok(first, new AddTrustedAccount(f.mnC, f.jpB1));
        f.advanceTo(T0.plus(Duration.ofDays(8)));
        assertThat(f.ok(first, TransferCredits.of(f.mnC1, f.jpB1, 100)).get(0)).isInstanceOf(CreditsTransferred.class);
        TransferPended p = pend(f.jpB1, 101);
        assertThat(p.destinationTrusted()).isTrue();
        assertThat(p.approvalRequired()).isTrue();
        List<LedgerEvent> events = f.ok(SECOND, new ApprovePendingTransfer(p.pendingTransferId()));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(PendingTransferApproved.class);
        assertThat(events.get(1)).isInstanceOf(PendingTransferExecuted.class);
        assertThat(events.get(1).actor()).isEqualTo(SECOND);
        assertThat(f.state.totalUnits(f.jpB1)).isEqualTo(201);
    }

    @Test
    void an_added_account_is_trusted_only_after_the_trusted_account_delay_and_a_removal_is_immediate() {
        TrustedAccountAdded added = (TrustedAccountAdded) f.ok(first, new AddTrustedAccount(f.mnC, f.jpB1)).get(0);
        assertThat(added.effectiveAt()).isEqualTo(added.at().plus(Duration.ofDays(7)));
        assertThat(f.ok(first, TransferCredits.of(f.mnC1, f.jpB1, 10)).get(0)).isInstanceOf(TransferPended.class);
        f.advanceTo(added.effectiveAt());
        assertThat(f.ok(first, TransferCredits.of(f.mnC1, f.jpB1, 10)).get(0)).isInstanceOf(CreditsTransferred.class);
        f.ok(first, new RemoveTrustedAccount(f.mnC, f.jpB1));
        assertThat(f.ok(first, TransferCredits.of(f.mnC1, f.jpB1, 10)).get(0)).isInstanceOf(TransferPended.class);
        assertThat(rejected(first, new AddTrustedAccount(f.mnC, f.mnC1))).isEqualTo(Rejection.ACCOUNT_ALREADY_TRUSTED);
        assertThat(rejected(holder(f.jpA), new AddTrustedAccount(f.mnC, f.jpB1))).isEqualTo(Rejection.FORBIDDEN_SCOPE);
    }

    @Test
    void without_approval_an_untrusted_transfer_executes_after_the_delay_and_can_be_cancelled_during_it() {
        f.ok(admin(MNG01), new SetTransferPolicy(f.mnC, Optional.empty(), false, Duration.ofHours(26)));
        TransferPended p = pend(f.jpB1, 10);
        assertThat(p.approvalRequired()).isFalse();
        assertThat(p.executeAt()).contains(p.at().plus(Duration.ofHours(26)));
        TransferPended cancelled = pend(f.jpB1, 20);
        f.ok(SECOND, new CancelPendingTransfer(cancelled.pendingTransferId(), "not ours"));
        assertThat(rejected(first, new CancelPendingTransfer(cancelled.pendingTransferId(), "again")))
                .isEqualTo(Rejection.PROPOSAL_NOT_PENDING);
        List<LedgerEvent> due = processAt(p.executeAt().orElseThrow());
        assertThat(due).singleElement().isInstanceOf(PendingTransferExecuted.class);
        assertThat(f.state.totalUnits(f.jpB1)).isEqualTo(10);
        assertThat(f.state.availableUnits(f.mnC1)).isEqualTo(590);
    }

    @Test
    void with_no_approval_and_no_delay_a_transfer_to_an_untrusted_account_executes_at_once() {
        f.ok(admin(MNG01), new SetTransferPolicy(f.mnC, Optional.empty(), false, Duration.ZERO));
        assertThat(f.ok(first, TransferCredits.of(f.mnC1, f.jpB1, 10))).singleElement().isInstanceOf(CreditsTransferred.class);
        assertThat(rejected(admin(JPN01), new SetTransferPolicy(f.mnC, Optional.empty(), true, Duration.ZERO)))
                .isEqualTo(Rejection.FORBIDDEN_SCOPE);
    }

    @Test
    void the_next_due_instant_is_the_earliest_expiry_or_execution_of_the_open_transfers() {
        assertThat(f.state.nextTransferDueAt()).isEmpty();
        TransferPended awaiting = pend(f.jpB1, 10);
        assertThat(f.state.nextTransferDueAt()).isEqualTo(awaiting.expiresAt());
        PendingTransferApproved approved = (PendingTransferApproved) f.ok(SECOND,
                new ApprovePendingTransfer(awaiting.pendingTransferId())).get(0);
        assertThat(f.state.nextTransferDueAt()).contains(approved.executeAt());
        TransferPended later = pend(f.jpB1, 20);
        assertThat(f.state.nextTransferDueAt()).contains(approved.executeAt());
        processAt(approved.executeAt());
        assertThat(f.state.nextTransferDueAt()).isEqualTo(later.expiresAt());
        f.ok(first, new CancelPendingTransfer(later.pendingTransferId(), "not needed"));
        assertThat(f.state.nextTransferDueAt()).isEmpty();
    }

    @Test
    void cancelling_frees_exactly_the_reserved_units() {
        List<Balance> before = f.state.balances(f.mnC1);
        TransferPended p = pend(f.jpB1, 123);
        f.ok(first, new CancelPendingTransfer(p.pendingTransferId(), "changed my mind"));
        assertThat(f.state.balances(f.mnC1)).isEqualTo(before);
        assertThat(f.state.availableUnits(f.mnC1)).isEqualTo(600);
        assertThat(f.state.reservations(f.mnC1)).isEmpty();
        assertThat(f.state.reservedFor(MNG, org.jcm.ledger.id.Vintage.of(2024), 1)).isEmpty();
        assertThat(pend(f.jpB1, 123).ranges()).isEqualTo(p.ranges());
    }

    @Test
    void an_approval_not_given_in_time_expires_and_a_late_approval_is_refused() {
        TransferPended p = pend(f.jpB1, 10);
        Instant expiry = p.expiresAt().orElseThrow();
        f.advanceTo(expiry);
        assertThat(rejected(SECOND, new ApprovePendingTransfer(p.pendingTransferId()))).isEqualTo(Rejection.PROPOSAL_EXPIRED);
        List<LedgerEvent> due = processAt(expiry.plusSeconds(5));
        assertThat(due).singleElement().isInstanceOf(PendingTransferExpired.class);
        assertThat(f.state.availableUnits(f.mnC1)).isEqualTo(600);
        assertThat(rejected(SECOND, new ApprovePendingTransfer(p.pendingTransferId()))).isEqualTo(Rejection.PROPOSAL_NOT_PENDING);
    }

    @Test
    void a_due_transfer_into_an_account_frozen_meanwhile_is_cancelled_with_the_rejection_code() {
        TransferPended p = pend(f.jpB1, 10);
        PendingTransferApproved approved = (PendingTransferApproved) f.ok(SECOND,
                new ApprovePendingTransfer(p.pendingTransferId())).get(0);
        f.ok(admin(JPN01), new FreezeAccount(f.jpB1, Optional.of("suspected fraud")));
        List<LedgerEvent> due = processAt(approved.executeAt());
        assertThat(due).singleElement().isInstanceOf(PendingTransferCancelled.class);
        assertThat(((PendingTransferCancelled) due.get(0)).reason()).isEqualTo("account_frozen");
        assertThat(f.state.availableUnits(f.mnC1)).isEqualTo(600);
    }

    @Test
    void approving_while_the_source_is_frozen_is_refused_and_the_transfer_stays_pending() {
        TransferPended p = pend(f.jpB1, 10);
        f.ok(admin(MNG01), new FreezeAccount(f.mnC1, Optional.empty()));
        assertThat(rejected(SECOND, new ApprovePendingTransfer(p.pendingTransferId()))).isEqualTo(Rejection.ACCOUNT_FROZEN);
        assertThat(f.state.pendingTransfer(p.pendingTransferId()).orElseThrow().status())
                .isEqualTo(PendingTransferStatus.AWAITING_APPROVAL);
    }

    @Test
    void only_the_writer_processes_due_transfers_and_with_nothing_due_it_writes_nothing() {
        assertThat(rejected(OPERATOR, new ProcessDueTransfers())).isEqualTo(Rejection.FORBIDDEN_ROLE);
        assertThat(rejected(first, new ProcessDueTransfers())).isEqualTo(Rejection.FORBIDDEN_ROLE);
        long seq = f.state.nextSeq();
        assertThat(f.ok(WRITER, new ProcessDueTransfers())).isEmpty();
        assertThat(f.state.nextSeq()).isEqualTo(seq);
    }

    @Test
    void an_executed_pending_transfer_records_the_first_transfer_like_a_direct_one() {
        f.ok(GOV_MNG, new AuthorizeUnits(new org.jcm.ledger.id.AuthorizationId("MNG-A-1"), MNG, CA, AuthorizationPurpose.NDC,
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(),
                List.of(RejectionTableTest.serial(MN001, 2024, 1, 100))));
        TransferPended p = pend(f.jpB1, 100);
        f.ok(SECOND, new ApprovePendingTransfer(p.pendingTransferId()));
        List<LedgerEvent> due = processAt(T0.plus(Duration.ofDays(2)));
        assertThat(due).hasSize(2);
        assertThat(due.get(1)).isInstanceOfSatisfying(FirstTransferRecorded.class, ft -> {
            assertThat(ft.causeSeq()).isEqualTo(due.get(0).seq());
            assertThat(ft.acquiringParty()).contains(JPN);
            assertThat(ft.quantity()).isEqualTo(100);
        });
        assertThat(Invariants.check(f.state)).isEmpty();
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void the_undo_journal_takes_back_a_reservation_and_its_release() {
        LedgerSnapshot before = f.state.snapshot();
        f.state.setJournaling(true);
        int mark = f.state.mark();
        TransferPended p = pend(f.jpB1, 250);
        f.ok(first, new CancelPendingTransfer(p.pendingTransferId(), "undo me"));
        f.state.rollbackTo(mark);
        assertThat(f.state.snapshot()).isEqualTo(before);
        assertThat(Invariants.check(f.state)).isEmpty();
        f.events.subList(f.events.size() - 2, f.events.size()).clear();
        f.state.setJournaling(false);
        assertThat(pend(f.jpB1, 250).pendingTransferId()).isEqualTo(PendingTransferId.of(1));
    }
}

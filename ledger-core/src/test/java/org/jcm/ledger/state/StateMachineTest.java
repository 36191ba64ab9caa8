package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jcm.ledger.state.Fixture.*;

import java.time.LocalDate;
import java.time.Year;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.AmendAuthorization;
import org.jcm.ledger.command.ApplyCorrespondingAdjustment;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.RegisterProject;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.command.UnitFilter;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.BlockKey;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.credit.FirstTransferTrigger;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;
import org.jcm.ledger.serial.UnitRange;
import org.junit.jupiter.api.Test;

/** Scenarios of the state machine: numbering, splits, selection, Article 6.2 life cycle, change tracking, replay. */
class StateMachineTest {

    final Fixture f = new Fixture();

    static BlockSerial serial(int first, int last) {
        return new BlockSerial(MN001, Vintage.of(2024), UnitRange.of(first, last));
    }

    List<UnitRange> ranges(List<CreditBlock> blocks) {
        List<UnitRange> list = new ArrayList<>();
        blocks.forEach(b -> list.add(b.range()));
        return list;
    }

    @Test
    void issuance_numbers_units_per_host_and_vintage_in_allocation_order() {
        List<LedgerEvent> shares = f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 250, f.jpA1, 100);
        CreditsIssued mongolia = (CreditsIssued) shares.get(0);
        CreditsIssued japan = (CreditsIssued) shares.get(1);
        CreditsIssued second = (CreditsIssued) f.issue("MN002-2024-01", MN002, 2024, f.mnG1, 50).get(0);
        CreditsIssued otherVintage = (CreditsIssued) f.issue("MN001-2025-01", MN001, 2025, f.mnC1, 10).get(0);

        assertThat(mongolia.allocations()).extracting(a -> a.first() + "-" + a.last()).containsExactly("1-250");
        assertThat(mongolia.allocations()).extracting(a -> a.issuingRegistryId()).containsExactly(MNG01);
        assertThat(japan.issuanceId()).isEqualTo(new IssuanceId("MN001-2024-01-JPN01"));
        assertThat(japan.allocations()).extracting(a -> a.first() + "-" + a.last()).containsExactly("251-350");
        assertThat(japan.allocations()).extracting(a -> a.issuingRegistryId()).containsExactly(JPN01);
        assertThat(japan.issuanceRequestId()).isEqualTo(mongolia.issuanceRequestId()).isPresent();
        assertThat(second.allocations().get(0).first()).isEqualTo(351);
        assertThat(otherVintage.allocations().get(0).first()).isEqualTo(1);
        assertThat(f.state.issuedUnits(MNG, Vintage.of(2024))).isEqualTo(400);
        assertThat(f.state.holdings(f.jpA1)).singleElement()
                .satisfies(b -> assertThat(b.serial().format()).isEqualTo("JCM-MN001-2024-251-350"))
                .satisfies(b -> assertThat(b.firstItmoId(CA).format()).isEqualTo("CA0012-JPN01-MNG-251-2024"));
        assertThat(f.state.balance(f.mnC1, Vintage.of(2024), Label.NONE)).isEqualTo(250);
    }

    @Test
    void a_partial_transfer_moves_the_low_end_and_the_remainder_keeps_the_high_end() {
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 250);
        CreditsTransferred t = (CreditsTransferred) f.transfer(f.mnC1, f.jpA1, 100).get(0);

        assertThat(t.ranges()).singleElement().satisfies(r -> assertThat(r.range()).isEqualTo(UnitRange.of(1, 100)));
        assertThat(ranges(f.state.holdings(f.jpA1))).containsExactly(UnitRange.of(1, 100));
        assertThat(ranges(f.state.holdings(f.mnC1))).containsExactly(UnitRange.of(101, 250));
        assertThat(f.state.liveBlockCount()).isEqualTo(2);
    }

    @Test
    void selection_walks_vintage_then_project_then_first_unit_and_spans_blocks() {
        f.issue("MN002-2025-01", MN002, 2025, f.mnC1, 10);
        f.issue("MN002-2024-01", MN002, 2024, f.mnC1, 10);
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 10);
        CreditsTransferred t = (CreditsTransferred) f.transfer(f.mnC1, f.mnG1, 25).get(0);

        assertThat(t.ranges()).extracting(r -> r.serial().format()).containsExactly(
                "JCM-MN001-2024-11-20", "JCM-MN002-2024-1-10", "JCM-MN002-2025-1-5");
    }

    @Test
    void a_serial_range_in_the_middle_of_a_block_cuts_it_in_three() {
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 100);
        f.ok(holder(f.mnC), new TransferCredits(f.mnC1, f.mnG1, Quantity.of(10), List.of(serial(41, 50)), Optional.empty(),
                Optional.empty(), Optional.empty()));

        assertThat(ranges(f.state.holdings(f.mnC1))).containsExactly(UnitRange.of(1, 40), UnitRange.of(51, 100));
        assertThat(ranges(f.state.holdings(f.mnG1))).containsExactly(UnitRange.of(41, 50));
        assertThat(Invariants.check(f.state)).isEmpty();
    }

    @Test
    void a_filter_selects_only_matching_units() {
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 10);
        f.issue("MN002-2024-01", MN002, 2024, f.mnC1, 10);
        f.ok(holder(f.mnC), new TransferCredits(f.mnC1, f.mnG1, Quantity.of(5),
                List.of(), Optional.of(new UnitFilter(Optional.of(MN002), Optional.empty(), Optional.empty())), Optional.empty(),
                Optional.empty()));

        assertThat(f.state.holdings(f.mnG1)).singleElement().satisfies(b -> assertThat(b.projectId()).isEqualTo(MN002));
    }

    @Test
    void an_international_transfer_of_authorized_units_is_their_first_transfer_recorded_once() {
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 100);
        f.ok(GOV_MNG, authorizeIssuance("MNG-A-1", "MN001-2024-01", AuthorizationPurpose.NDC, Optional.empty(), Optional.empty()));
        assertThat(f.state.holdings(f.mnC1)).singleElement().satisfies(b -> assertThat(b.caState()).isEqualTo(CaState.COMMITTED));

        List<LedgerEvent> events = f.transfer(f.mnC1, f.jpA1, 30);
        assertThat(events).hasSize(2);
        FirstTransferRecorded ft = (FirstTransferRecorded) events.get(1);
        assertThat(ft.seq()).isEqualTo(events.get(0).seq() + 1);
        assertThat(ft.causeSeq()).isEqualTo(events.get(0).seq());
        assertThat(ft.trigger()).isEqualTo(FirstTransferTrigger.INTERNATIONAL_TRANSFER);
        assertThat(ft.transferringParty()).isEqualTo(MNG);
        assertThat(ft.acquiringParty()).contains(JPN);
        assertThat(ft.quantity()).isEqualTo(30);
        assertThat(f.state.balance(f.jpA1, Vintage.of(2024), Label.AUTHORIZED)).isEqualTo(30);

        // Back home and abroad again: no second first transfer; a domestic transfer in Japan neither.
        f.transfer(f.jpA1, f.mnG1, 10);
        assertThat(f.transfer(f.mnG1, f.jpB1, 10)).hasSize(1);
        assertThat(f.transfer(f.jpA1, f.jpB1, 5)).hasSize(1);
        // The remaining 70 still in Mongolia are COMMITTED; moving 10 of them abroad is a new first transfer.
        assertThat(f.transfer(f.mnC1, f.jpB1, 10)).hasSize(2);
        assertThat(f.state.authorization(new AuthorizationId("MNG-A-1")).orElseThrow().firstTransferredUnits()).isEqualTo(40);
        assertThat(Invariants.check(f.state)).isEmpty();
    }

    @Test
    void first_transferred_survives_splits() {
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 100);
        f.ok(GOV_MNG, authorizeIssuance("MNG-A-1", "MN001-2024-01", AuthorizationPurpose.NDC, Optional.empty(), Optional.empty()));
        f.transfer(f.mnC1, f.jpA1, 50);
        f.transfer(f.jpA1, f.jpB1, 7);
        f.transfer(f.jpA1, f.jpB1, 3);

        for (CreditBlock b : f.state.holdings(f.jpA1)) {
            assertThat(b.firstTransferred()).isTrue();
            assertThat(b.caState()).isEqualTo(CaState.PENDING);
        }
        assertThat(f.state.holdings(f.jpB1)).hasSize(2).allSatisfy(b -> assertThat(b.firstTransferred()).isTrue());
    }

    @Test
    void authorizing_units_already_held_abroad_records_their_first_transfer() {
        // Japan's registry issued its share (61-100) into a Japanese account.
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 60, f.jpA1, 40);
        List<LedgerEvent> events = f.ok(GOV_MNG,
                authorizeIssuance("MNG-A-1", "MN001-2024-01-JPN01", AuthorizationPurpose.NDC, Optional.empty(), Optional.empty()));

        assertThat(events).hasSize(2);
        FirstTransferRecorded ft = (FirstTransferRecorded) events.get(1);
        assertThat(ft.trigger()).isEqualTo(FirstTransferTrigger.AUTHORIZATION_HELD_ABROAD);
        assertThat(ft.ranges()).singleElement().satisfies(r -> assertThat(r.range()).isEqualTo(UnitRange.of(61, 100)));
        assertThat(f.state.authorization(new AuthorizationId("MNG-A-1")).orElseThrow().firstTransferredUnits()).isEqualTo(40);
    }

    @Test
    void oimp_first_transfer_follows_the_authorizations_definition() {
        f.issue("A", MN001, 2024, f.mnC1, 10);
        f.issue("B", MN002, 2024, f.mnC1, 10);
        List<LedgerEvent> atAuthorization = f.ok(GOV_MNG, authorizeIssuance("MNG-O-1", "A", AuthorizationPurpose.OIMP,
                Optional.of(OimpFirstTransfer.AUTHORIZATION), Optional.empty()));
        assertThat(atAuthorization).hasSize(2);
        assertThat(((FirstTransferRecorded) atAuthorization.get(1)).trigger()).isEqualTo(FirstTransferTrigger.OIMP_AUTHORIZATION);

        List<LedgerEvent> atUse = f.ok(GOV_MNG, authorizeIssuance("MNG-O-2", "B", AuthorizationPurpose.OIMP,
                Optional.of(OimpFirstTransfer.USE_OR_CANCELLATION), Optional.empty()));
        assertThat(atUse).hasSize(1);
        // An international transfer is no first transfer for OIMP-only units...
        assertThat(f.ok(holder(f.mnC), new TransferCredits(f.mnC1, f.jpA1, Quantity.of(4), List.of(),
                Optional.of(new UnitFilter(Optional.of(MN002), Optional.empty(), Optional.empty())), Optional.empty(),
                Optional.empty()))).hasSize(1);
        // ...but their retirement is.
        List<LedgerEvent> retired = f.ok(holder(f.jpA), new RetireCredits(f.jpA1, Quantity.of(4), List.of(), Optional.empty(),
                RetirementPurpose.OIMP, Optional.of(new Beneficiary.Stated("Airline")), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(retired).hasSize(2);
        assertThat(((FirstTransferRecorded) retired.get(1)).trigger()).isEqualTo(FirstTransferTrigger.OIMP_USE_OR_CANCELLATION);
        assertThat(Invariants.check(f.state)).isEmpty();
    }

    @Test
    void revocation_returns_committed_units_to_not_required_and_cannot_be_repeated() {
        f.issue("A", MN001, 2024, f.mnC1, 100);
        f.ok(GOV_MNG, authorizeIssuance("MNG-A-1", "A", AuthorizationPurpose.NDC, Optional.empty(), Optional.empty()));
        f.transfer(f.mnC1, f.mnG1, 30);
        f.ok(GOV_MNG, new RevokeAuthorization(new AuthorizationId("MNG-A-1"), Optional.of("withdrawn")));

        assertThat(f.state.blocks(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
                .hasSize(2).allSatisfy(b -> {
                    assertThat(b.caState()).isEqualTo(CaState.NOT_REQUIRED);
                    assertThat(b.authorizationId()).isEmpty();
                });
        assertThat(f.state.authorization(new AuthorizationId("MNG-A-1")).orElseThrow().revoked()).isTrue();
        assertThat(Invariants.check(f.state)).isEmpty();
    }

    @Test
    void amendment_adds_a_version_and_units_within_the_cap() {
        f.issue("A", MN001, 2024, f.mnC1, 100);
        f.issue("B", MN002, 2024, f.mnC1, 50);
        f.ok(GOV_MNG, authorizeIssuance("MNG-A-1", "A", AuthorizationPurpose.NDC, Optional.empty(), Optional.of(Quantity.of(120))));
        var rejected = f.apply(GOV_MNG, new AmendAuthorization(new AuthorizationId("MNG-A-1"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new IssuanceId("B")), List.of(), Optional.empty()));
        assertThat(rejected).isInstanceOf(org.jcm.ledger.rule.Outcome.Rejected.class);
        f.ok(GOV_MNG, new AmendAuthorization(new AuthorizationId("MNG-A-1"), Optional.of(Quantity.of(150)), Optional.empty(),
                Optional.empty(), Optional.of(new IssuanceId("B")), List.of(), Optional.of("second issuance")));

        Authorization a = f.state.authorization(new AuthorizationId("MNG-A-1")).orElseThrow();
        assertThat(a.version()).isEqualTo(2);
        assertThat(a.unitCount()).isEqualTo(150);
        assertThat(a.versions().get(0).terms().authorizedQuantity()).contains(Quantity.of(120));
        assertThat(a.versions().get(1).terms().authorizedQuantity()).contains(Quantity.of(150));
    }

    @Test
    void corresponding_adjustment_by_first_transfer_applies_and_fixes_the_method_for_the_period() {
        f.issue("A", MN001, 2024, f.mnC1, 100);
        f.ok(GOV_MNG, authorizeIssuance("MNG-A-1", "A", AuthorizationPurpose.NDC, Optional.empty(), Optional.empty()));
        long ftSeq = f.transfer(f.mnC1, f.jpA1, 30).get(1).seq();
        f.transfer(f.jpA1, f.jpB1, 10);

        f.ok(GOV_MNG, new ApplyCorrespondingAdjustment(MNG, Year.of(2024), CaMethod.AVERAGING, List.of(), List.of(ftSeq)));

        assertThat(f.state.holdings(f.jpA1)).allSatisfy(b -> assertThat(b.caState()).isEqualTo(CaState.APPLIED));
        assertThat(f.state.holdings(f.jpB1)).allSatisfy(b -> assertThat(b.caState()).isEqualTo(CaState.APPLIED));
        assertThat(f.state.balance(f.jpA1, Vintage.of(2024), Label.CA_APPLIED)).isEqualTo(20);
        assertThat(f.state.caMethod(MNG, new NdcPeriod(2021, 2025))).contains(CaMethod.AVERAGING);
        assertThat(Invariants.check(f.state)).isEmpty();
    }

    @Test
    void cancellation_and_retirement_move_units_to_the_registrys_terminal_accounts() {
        f.issue("A", MN001, 2024, f.mnC1, 100);
        f.ok(holder(f.mnC), new CancelCredits(f.mnC1, Quantity.of(10), List.of(), Optional.empty(), CancellationReason.OMGE,
                Optional.empty()));
        f.ok(admin(MNG01), new CancelCredits(f.mnC1, Quantity.of(5), List.of(), Optional.empty(), CancellationReason.CORRECTION,
                Optional.of("wrong issuance")));
        f.ok(holder(f.mnC), new RetireCredits(f.mnC1, Quantity.of(20), List.of(), Optional.empty(), RetirementPurpose.VOLUNTARY,
                Optional.of(new Beneficiary.Stated("UB Solar")), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(f.state.totalUnits(org.jcm.ledger.id.AccountId.cancellation(MNG01))).isEqualTo(15);
        assertThat(f.state.holdings(org.jcm.ledger.id.AccountId.retirement(MNG01))).singleElement()
                .satisfies(b -> assertThat(b.status()).isEqualTo(BlockStatus.RETIRED));
        assertThat(f.state.totalUnits(f.mnC1)).isEqualTo(65);
    }

    @Test
    void drain_changes_reports_touched_blocks_and_accounts_once_and_then_nothing() {
        f.issue("A", MN001, 2024, f.mnC1, 100);
        f.state.drainChanges();
        f.transfer(f.mnC1, f.jpA1, 30);
        f.transfer(f.mnC1, f.jpA1, 30);

        LedgerChanges changes = f.state.drainChanges();
        assertThat(changes.blocks()).containsExactlyInAnyOrder(new BlockKey(MNG, Vintage.of(2024), 1),
                new BlockKey(MNG, Vintage.of(2024), 31), new BlockKey(MNG, Vintage.of(2024), 61));
        assertThat(changes.accounts()).containsExactlyInAnyOrder(f.mnC1, f.jpA1);
        assertThat(changes.toSeq() - changes.fromSeq()).isEqualTo(1);
        for (BlockKey key : changes.blocks()) {
            assertThat(f.state.block(key)).isPresent();
        }
        assertThat(f.state.drainChanges().isEmpty()).isTrue();
    }

    @Test
    void replay_of_the_emitted_events_reproduces_the_live_state() {
        f.issue("A", MN001, 2024, f.mnC1, 100, f.jpA1, 50);
        f.ok(GOV_MNG, authorizeIssuance("MNG-A-1", "A", AuthorizationPurpose.NDC_AND_OIMP,
                Optional.of(OimpFirstTransfer.USE_OR_CANCELLATION), Optional.empty()));
        f.transfer(f.mnC1, f.jpB1, 20);
        f.ok(holder(f.jpB), retireForNdc(f.jpB1, 5));

        LedgerState replayed = Replay.fold(f.events);
        assertThat(replayed.snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void replay_refuses_a_gap_in_the_sequence() {
        f.issue("A", MN001, 2024, f.mnC1, 100);
        List<LedgerEvent> withGap = new ArrayList<>(f.events);
        withGap.remove(3);
        assertThatThrownBy(() -> Replay.fold(withGap)).isInstanceOf(InconsistentEventException.class)
                .hasMessageContaining("expected sequence number 4");
    }

    @Test
    void the_fold_refuses_an_event_that_names_units_not_held() {
        f.issue("A", MN001, 2024, f.mnC1, 100);
        CreditsTransferred forged = new CreditsTransferred(f.state.nextSeq(), T0, holder(f.jpA), f.jpA1, f.jpB1, 10,
                List.of(new org.jcm.ledger.event.BlockRange(MNG, Vintage.of(2024), MN001, new IssuanceId("A"), MNG01, 1, 10)),
                Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> f.state.apply(forged)).isInstanceOf(InconsistentEventException.class);
    }

    @Test
    void authorization_events_carry_explicit_ranges() {
        f.issue("A", MN001, 2024, f.mnC1, 100);
        AuthorizeUnits bySerials = new AuthorizeUnits(new AuthorizationId("MNG-A-1"), MNG, CA, AuthorizationPurpose.NDC,
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(),
                List.of(serial(11, 20), serial(31, 40)));
        UnitsAuthorized e = (UnitsAuthorized) f.ok(GOV_MNG, bySerials).get(0);
        assertThat(e.ranges()).extracting(r -> r.range()).containsExactly(UnitRange.of(11, 20), UnitRange.of(31, 40));
        assertThat(f.state.liveBlockCount()).isEqualTo(5);
    }

    @Test
    void an_ndc_retirement_without_serial_ranges_takes_only_units_authorized_for_ndc() {
        // Selection order (vintage, project) puts the unauthorized and the OIMP units first.
        f.issue("A", MN001, 2024, f.jpA1, 50);
        f.issue("B", MN002, 2024, f.jpA1, 30);
        f.issue("C", MN002, 2025, f.jpA1, 20);
        f.ok(GOV_MNG, authorizeIssuance("MNG-O-1", "B", AuthorizationPurpose.OIMP,
                Optional.of(OimpFirstTransfer.USE_OR_CANCELLATION), Optional.empty()));
        f.ok(GOV_MNG, authorizeIssuance("MNG-N-1", "C", AuthorizationPurpose.NDC, Optional.empty(), Optional.empty()));

        List<LedgerEvent> retired = f.ok(holder(f.jpA), retireForNdc(f.jpA1, 15));

        assertThat(((org.jcm.ledger.event.CreditsRetired) retired.get(0)).ranges()).singleElement()
                .satisfies(r -> assertThat(r.issuanceId()).isEqualTo(new IssuanceId("C")));
        assertThat(f.state.holdings(org.jcm.ledger.id.AccountId.retirement(JPN01))).singleElement()
                .satisfies(b -> assertThat(b.authorizationId()).contains(new AuthorizationId("MNG-N-1")));
    }

    @Test
    void an_oimp_retirement_without_serial_ranges_takes_only_units_authorized_for_oimp() {
        f.issue("A", MN001, 2024, f.jpA1, 50);
        f.issue("B", MN002, 2024, f.jpA1, 30);
        f.ok(GOV_MNG, authorizeIssuance("MNG-O-1", "B", AuthorizationPurpose.OIMP,
                Optional.of(OimpFirstTransfer.USE_OR_CANCELLATION), Optional.empty()));

        List<LedgerEvent> retired = f.ok(holder(f.jpA), new RetireCredits(f.jpA1, Quantity.of(30), List.of(), Optional.empty(),
                RetirementPurpose.OIMP, Optional.of(new Beneficiary.Stated("Airline")), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(((org.jcm.ledger.event.CreditsRetired) retired.get(0)).ranges()).singleElement()
                .satisfies(r -> assertThat(r.range()).isEqualTo(UnitRange.of(51, 80)));
        assertThat(f.state.totalUnits(f.jpA1)).isEqualTo(50);
    }

    @Test
    void an_ndc_retirement_from_an_account_with_too_few_ndc_units_is_rejected_with_units_not_authorized_for_purpose() {
        f.issue("A", MN001, 2024, f.jpA1, 50);
        f.issue("C", MN002, 2025, f.jpA1, 20);
        f.ok(GOV_MNG, authorizeIssuance("MNG-N-1", "C", AuthorizationPurpose.NDC, Optional.empty(), Optional.empty()));
        long before = f.state.nextSeq();

        var outcome = f.apply(holder(f.jpA), retireForNdc(f.jpA1, 21));

        assertThat(outcome).isInstanceOfSatisfying(org.jcm.ledger.rule.Outcome.Rejected.class,
                r -> assertThat(r.rejection()).isEqualTo(org.jcm.ledger.rule.Rejection.UNITS_NOT_AUTHORIZED_FOR_PURPOSE));
        // More than the account holds at all is still insufficient_units, which comes first.
        assertThat(f.apply(holder(f.jpA), retireForNdc(f.jpA1, 71))).isInstanceOfSatisfying(
                org.jcm.ledger.rule.Outcome.Rejected.class,
                r -> assertThat(r.rejection()).isEqualTo(org.jcm.ledger.rule.Rejection.INSUFFICIENT_UNITS));
        assertThat(f.state.nextSeq()).isEqualTo(before);
        assertThat(f.state.totalUnits(f.jpA1)).isEqualTo(70);
    }
    // ------------------------------------------------------------------ issuance rules

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2024, 12, 31);

    private static IssueCredits issuance(String id, ProjectId project, IssuanceRequestId request, AccountId account, long quantity) {
        return new IssueCredits(new IssuanceId(id), project, JAN_1, DEC_31, Vintage.of(2024), Quantity.of(quantity),
                List.of(new Allocation(account, Quantity.of(quantity))), request);
    }

    private static Rejection rejection(Outcome o) {
        assertThat(o).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected) o).rejection();
    }

    @Test
    void each_side_issues_its_share_of_a_decision_once_into_its_own_registry_on_one_request() {
        IssuanceRequestId request = f.request(MN001, JAN_1, DEC_31, 1_000);

        f.ok(admin(MNG01), issuance("MN001-2024-MNG", MN001, request, f.mnC1, 600));
        // Japan's administrator cannot put units into Mongolia's registry, only into its own.
        assertThat(rejection(f.apply(admin(JPN01), issuance("MN001-2024-JPN", MN001, request, f.mnG1, 400))))
                .isEqualTo(Rejection.ALLOCATION_OUTSIDE_ISSUING_REGISTRY);
        f.ok(admin(JPN01), issuance("MN001-2024-JPN", MN001, request, f.jpA1, 400));
        // Each registry issues the decision once.
        assertThat(rejection(f.apply(admin(MNG01), issuance("MN001-2024-MNG-2", MN001, request, f.mnC1, 1))))
                .isEqualTo(Rejection.ISSUANCE_DECISION_ALREADY_ISSUED);
        assertThat(rejection(f.apply(admin(JPN01), issuance("MN001-2024-JPN-2", MN001, request, f.jpB1, 1))))
                .isEqualTo(Rejection.ISSUANCE_DECISION_ALREADY_ISSUED);

        assertThat(f.state.issuanceRequest(request).orElseThrow().issuedQuantity()).isEqualTo(1_000);
        assertThat(f.state.issuance(new IssuanceId("MN001-2024-JPN")).orElseThrow().allocations())
                .extracting(a -> a.issuingRegistryId()).containsExactly(JPN01);
        assertThat(Invariants.check(f.state)).isEmpty();
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void the_issuances_on_one_request_together_stay_within_its_verified_quantity() {
        IssuanceRequestId request = f.request(MN001, JAN_1, DEC_31, 1_000);
        f.ok(admin(MNG01), issuance("MN001-2024-MNG", MN001, request, f.mnC1, 700));
        long seq = f.state.nextSeq();

        assertThat(rejection(f.apply(admin(JPN01), issuance("MN001-2024-JPN", MN001, request, f.jpA1, 301))))
                .isEqualTo(Rejection.VERIFIED_QUANTITY_EXCEEDED);
        assertThat(f.state.nextSeq()).isEqualTo(seq);
        f.ok(admin(JPN01), issuance("MN001-2024-JPN", MN001, request, f.jpA1, 300));
        assertThat(f.state.issuanceRequest(request).orElseThrow().issuedQuantity()).isEqualTo(1_000);
    }

    @Test
    void an_issuance_cites_a_request_of_its_own_project_and_monitoring_period() {
        IssuanceRequestId mn002 = f.request(MN002, JAN_1, DEC_31, 100);
        IssuanceRequestId firstHalf = f.request(MN001, JAN_1, LocalDate.of(2024, 6, 30), 100);

        assertThat(rejection(f.apply(admin(MNG01), issuance("X-1", MN001, mn002, f.mnC1, 10))))
                .isEqualTo(Rejection.ISSUANCE_REQUEST_MISMATCH);
        assertThat(rejection(f.apply(admin(MNG01), issuance("X-1", MN001, firstHalf, f.mnC1, 10))))
                .isEqualTo(Rejection.ISSUANCE_REQUEST_MISMATCH);
        assertThat(rejection(f.apply(admin(MNG01), issuance("X-1", MN001, IssuanceRequestId.of(99), f.mnC1, 10))))
                .isEqualTo(Rejection.UNKNOWN_ISSUANCE_REQUEST);
        assertThat(f.state.data.issuances).isEmpty();
    }

    @Test
    void a_host_downgraded_from_partner_gets_no_new_issuance_but_its_units_keep_moving() {
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 100);
        IssuanceRequestId request = f.request(MN001, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 100);
        IssueCredits next = new IssueCredits(new IssuanceId("MN001-2025-01"), MN001, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), Vintage.of(2025), Quantity.of(50), List.of(new Allocation(f.mnC1, Quantity.of(50))),
                request);
        f.ok(OPERATOR, new UpdateParty(new Party("MN", MNG, "Mongolia", JcmStatus.CANDIDATE, true, Optional.of(CA))));

        assertThat(rejection(f.apply(admin(MNG01), next))).isEqualTo(Rejection.HOST_NOT_JCM_PARTNER);
        assertThat(rejection(f.apply(admin(JPN01), new RegisterProject(new ProjectId("MN003"), "Wind", new MethodologyId("MN_AM001"),
                JPN01, List.of(f.jpA))))).isEqualTo(Rejection.HOST_NOT_JCM_PARTNER);
        // Units already issued are not touched: they can still be transferred and retired.
        f.transfer(f.mnC1, f.jpA1, 10);
        f.ok(holder(f.jpA), new RetireCredits(f.jpA1, Quantity.of(5), List.of(), Optional.empty(), RetirementPurpose.VOLUNTARY,
                Optional.of(new Beneficiary.Stated("Company A")), Optional.empty(), Optional.empty(), Optional.empty()));

        f.ok(OPERATOR, new UpdateParty(new Party("MN", MNG, "Mongolia", JcmStatus.PARTNER, true, Optional.of(CA), Optional.of(LocalDate.of(2013, 1, 8)), Set.of())));
        f.ok(admin(MNG01), next);
        assertThat(Invariants.check(f.state)).isEmpty();
    }

    @Test
    void japan_hosts_no_project() {
        assertThat(rejection(f.apply(admin(JPN01), new RegisterProject(new ProjectId("JP001"), "Domestic", new MethodologyId(
                "JP_AM001"), JPN01, List.of(f.jpA))))).isEqualTo(Rejection.HOST_NOT_JCM_PARTNER);
    }

    @Test
    void the_units_issued_in_the_whole_ledger_are_counted_over_every_host_and_vintage() {
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 250, f.jpA1, 100);
        f.issue("MN001-2025-01", MN001, 2025, f.mnC1, 10);
        f.issue("TW001-2024-01", TW001, 2024, f.twC1, 7);

        assertThat(f.state.issuedUnitsTotal()).isEqualTo(367);
        assertThat(Replay.fold(f.events).issuedUnitsTotal()).isEqualTo(367);
    }

    @Test
    void an_issuance_as_large_as_the_configured_maximum_is_accepted_and_one_unit_more_is_not() {
        Fixture small = new Fixture(new LedgerState(Fixture.OPEN_TRANSFERS.withMaxIssuanceQuantity(1_000)));
        IssuanceRequestId request = small.request(MN001, JAN_1, DEC_31, 5_000);

        assertThat(rejection(small.apply(admin(MNG01), issuance("X-1", MN001, request, small.mnC1, 1_001))))
                .isEqualTo(Rejection.ISSUANCE_QUANTITY_LIMIT_EXCEEDED);
        small.ok(admin(MNG01), issuance("X-1", MN001, request, small.mnC1, 1_000));
        small.ok(admin(JPN01), issuance("X-2", MN001, request, small.jpA1, 1_000));
        assertThat(small.state.issuedUnitsTotal()).isEqualTo(2_000);
    }

    @Test
    void the_maximum_issuance_quantity_lies_between_1_and_2_53_minus_1() {
        assertThat(LedgerConfig.DEFAULT.maxIssuanceQuantity()).isEqualTo(100_000_000L);
        assertThat(LedgerConfig.DEFAULT.withMaxIssuanceQuantity(Quantity.MAX).maxIssuanceQuantity()).isEqualTo(Quantity.MAX);
        assertThatThrownBy(() -> LedgerConfig.DEFAULT.withMaxIssuanceQuantity(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerConfig.DEFAULT.withMaxIssuanceQuantity(Quantity.MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void no_account_balance_can_pass_2_53_minus_1_because_the_whole_ledger_cannot() {
        Fixture big = new Fixture(new LedgerState(Fixture.OPEN_TRANSFERS.withMaxIssuanceQuantity(Quantity.MAX)));
        big.issue("BIG-2024", MN001, 2024, big.mnC1, Quantity.MAX - 10);
        IssuanceRequestId request = big.request(MN002, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 100);
        IssueCredits more = new IssueCredits(new IssuanceId("MORE-2025"), MN002, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), Vintage.of(2025), Quantity.of(11), List.of(new Allocation(big.mnC1, Quantity.of(11))),
                request);

        assertThat(rejection(big.apply(admin(MNG01), more))).isEqualTo(Rejection.LEDGER_UNIT_LIMIT_EXCEEDED);
        assertThat(big.state.totalUnits(big.mnC1)).isEqualTo(Quantity.MAX - 10);
        big.ok(admin(MNG01), new IssueCredits(new IssuanceId("MORE-2025"), MN002, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), Vintage.of(2025), Quantity.of(10), List.of(new Allocation(big.mnC1, Quantity.of(10))),
                request));
        assertThat(big.state.totalUnits(big.mnC1)).isEqualTo(Quantity.MAX);
        assertThat(Invariants.check(big.state)).isEmpty();
    }
}

package org.jcm.ledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jcm.ledger.ledger.Fixture.*;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.AmendAuthorization;
import org.jcm.ledger.command.ApplyCorrespondingAdjustment;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.command.UnitFilter;
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
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.Vintage;
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
        CreditsIssued first = (CreditsIssued) f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 250, f.jpA1, 100).get(0);
        CreditsIssued second = (CreditsIssued) f.issue("MN002-2024-01", MN002, 2024, f.mnG1, 50).get(0);
        CreditsIssued otherVintage = (CreditsIssued) f.issue("MN001-2025-01", MN001, 2025, f.mnC1, 10).get(0);

        assertThat(first.allocations()).extracting(a -> a.first() + "-" + a.last()).containsExactly("1-250", "251-350");
        assertThat(first.allocations()).extracting(a -> a.issuingRegistryId()).containsExactly(MNG01, JPN01);
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
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 60, f.jpA1, 40);
        List<LedgerEvent> events = f.ok(GOV_MNG,
                authorizeIssuance("MNG-A-1", "MN001-2024-01", AuthorizationPurpose.NDC, Optional.empty(), Optional.empty()));

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
                RetirementPurpose.OIMP, Optional.of("Airline"), Optional.empty(), Optional.empty(), Optional.empty()));
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
                Optional.of("UB Solar"), Optional.empty(), Optional.empty(), Optional.empty()));

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
                RetirementPurpose.OIMP, Optional.of("Airline"), Optional.empty(), Optional.empty(), Optional.empty()));

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
}

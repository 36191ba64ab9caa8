package org.jcm.ledger.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jcm.ledger.state.Fixture.CA;
import static org.jcm.ledger.state.Fixture.GOV_MNG;
import static org.jcm.ledger.state.Fixture.JPN;
import static org.jcm.ledger.state.Fixture.MN001;
import static org.jcm.ledger.state.Fixture.MNG;
import static org.jcm.ledger.state.Fixture.holder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.command.AmendAuthorization;
import org.jcm.ledger.command.ApplyCorrespondingAdjustment;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.RegisterMethodology;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.MethodologyStatus;
import org.jcm.ledger.id.SectoralScope;
import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.state.Fixture;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;
import org.jcm.ledger.serial.UnitRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AEF rows derived from a Mongolia-Japan scenario in 2025 with one event in 2026: every table 2,
 * 3 and 4 row of both Parties, checked value by value.
 */
class AefRowsTest {

    static final AuthorizationId NDC = new AuthorizationId("MNG-NDC-1");
    static final AuthorizationId OIMP = new AuthorizationId("MNG-OIMP-1");
    static final AuthorizationId WITHDRAWN = new AuthorizationId("MNG-NDC-2");

    final Fixture f = new Fixture();
    long heldAbroadSeq;
    long oimpSeq;
    long transferSeq;
    long useSeq;
    long returnSeq;
    long cancelSeq;

    static BlockSerial serial(long first, long last) {
        return new BlockSerial(MN001, Vintage.of(2024), UnitRange.of(first, last));
    }

    static AuthorizeUnits authorize(AuthorizationId id, AuthorizationPurpose purpose, Optional<OimpFirstTransfer> definition,
                                    Optional<Quantity> cap, BlockSerial... serials) {
        return new AuthorizeUnits(id, MNG, CA, purpose, purpose.includesOimp() ? Optional.of("CORSIA") : Optional.empty(),
                definition, cap, List.of(Vintage.of(2024)), List.of("Ulaanbaatar Solar"), Optional.empty(), List.of(serials));
    }

    /**
     * 2025: issue 1-600 into MNG01 and 601-1000 into JPN01; authorize 1-300 and 601-700 for NDC
     * (601-700 are held abroad: first transferred at once) and 301-400 for CORSIA (first transfer
     * at issuance); move 1-250 to Japan; Japan uses 1-120; add 401-450 to the NDC authorization;
     * authorize and revoke 451-460; adjust the first transfer of 1-250; send 121-150 back to
     * Mongolia; cancel 301-310 for OMGE. 2026: a domestic transfer in Japan.
     */
    @BeforeEach
    void scenario() {
        f.advanceTo(Instant.parse("2025-03-01T10:00:00Z"));
        f.issue("MN001-2024-01", MN001, 2024, f.mnC1, 600, f.jpA1, 400);
        heldAbroadSeq = f.ok(GOV_MNG, authorize(NDC, AuthorizationPurpose.NDC, Optional.empty(), Optional.of(Quantity.of(500)),
                serial(1, 300), serial(601, 700))).get(1).seq();
        oimpSeq = f.ok(GOV_MNG, authorize(OIMP, AuthorizationPurpose.OIMP, Optional.of(OimpFirstTransfer.ISSUANCE),
                Optional.empty(), serial(301, 400))).get(1).seq();
        f.advanceTo(Instant.parse("2025-06-15T03:00:00Z"));
        List<LedgerEvent> transfer = f.transfer(f.mnC1, f.jpA1, 250);
        transferSeq = transfer.get(0).seq();
        long firstTransferSeq = transfer.get(1).seq();
        useSeq = f.ok(holder(f.jpA), new RetireCredits(f.jpA1, Quantity.of(120), List.of(), Optional.empty(),
                RetirementPurpose.NDC, Optional.of(new Beneficiary.Stated("Company A")), Optional.of(JPN), Optional.of(Year.of(2025)),
                Optional.empty())).get(0).seq();
        f.ok(GOV_MNG, new AmendAuthorization(NDC, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(serial(401, 450)), Optional.of("second tranche")));
        f.ok(GOV_MNG, authorize(WITHDRAWN, AuthorizationPurpose.NDC, Optional.empty(), Optional.empty(), serial(451, 460)));
        f.ok(GOV_MNG, new RevokeAuthorization(WITHDRAWN, Optional.of("project paused")));
        f.advanceTo(Instant.parse("2025-12-31T23:59:00Z"));
        f.ok(GOV_MNG, new ApplyCorrespondingAdjustment(MNG, Year.of(2024), CaMethod.AVERAGING, List.of(),
                List.of(firstTransferSeq)));
        returnSeq = f.transfer(f.jpA1, f.mnG1, 30).get(0).seq();
        cancelSeq = f.ok(holder(f.mnC), new CancelCredits(f.mnC1, Quantity.of(10), List.of(serial(301, 310)), Optional.empty(),
                CancellationReason.OMGE, Optional.empty())).get(0).seq();
        f.advanceTo(Instant.parse("2026-01-01T00:00:00Z"));
        f.transfer(f.jpA1, f.jpB1, 10);
    }

    AefReport report(PartyCode party, int year) {
        return AefRows.derive(f.events, LedgerConfig.DEFAULT, party, year);
    }

    @Test
    void table_2_lists_every_version_and_the_revocation_of_the_partys_authorizations() {
        AefReport mongolia = report(MNG, 2025);

        assertThat(mongolia.authorizations()).extracting(AuthorizationRow::authorizationId, AuthorizationRow::version,
                        AuthorizationRow::change, AuthorizationRow::quantity, AuthorizationRow::reason)
                .containsExactly(
                        tuple(NDC, 1, AuthorizationChange.ORIGINAL, 400L, Optional.empty()),
                        tuple(OIMP, 1, AuthorizationChange.ORIGINAL, 100L, Optional.empty()),
                        tuple(NDC, 2, AuthorizationChange.AMENDMENT, 50L, Optional.of("second tranche")),
                        tuple(WITHDRAWN, 1, AuthorizationChange.ORIGINAL, 10L, Optional.empty()),
                        tuple(WITHDRAWN, 1, AuthorizationChange.REVOCATION, 10L, Optional.of("project paused")));
        AuthorizationRow oimp = mongolia.authorizations().get(1);
        assertThat(oimp.date()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(oimp.purpose()).isEqualTo(AuthorizationPurpose.OIMP);
        assertThat(oimp.oimp()).contains("CORSIA");
        assertThat(oimp.firstTransferDefinition()).contains(OimpFirstTransfer.ISSUANCE);
        assertThat(oimp.cooperativeApproachId()).isEqualTo(CA);
        assertThat(mongolia.authorizations().get(2).authorizedQuantity()).contains(Quantity.of(500));
        assertThat(report(JPN, 2025).authorizations()).isEmpty();
        assertThat(report(MNG, 2026).authorizations()).isEmpty();
    }

    @Test
    void table_3_of_the_host_has_its_first_transfers_an_acquisition_and_a_cancellation() {
        List<ActionRow> rows = report(MNG, 2025).actions();

        assertThat(rows).extracting(r -> r.seq(), ActionRow::actionType, r -> r.firstId().format(), r -> r.lastId().format(),
                        ActionRow::quantity, r -> r.registryId().value(), ActionRow::transferringParty,
                        ActionRow::acquiringParty, ActionRow::authorizationId)
                .containsExactly(
                        tuple(heldAbroadSeq, ActionType.FIRST_TRANSFER, "CA0012-JPN01-MNG-601-2024", "CA0012-JPN01-MNG-700-2024",
                                100L, "JPN01", Optional.of(MNG), Optional.of(JPN), NDC),
                        tuple(oimpSeq, ActionType.FIRST_TRANSFER, "CA0012-MNG01-MNG-301-2024", "CA0012-MNG01-MNG-400-2024",
                                100L, "MNG01", Optional.of(MNG), Optional.empty(), OIMP),
                        tuple(transferSeq + 1, ActionType.FIRST_TRANSFER, "CA0012-MNG01-MNG-1-2024", "CA0012-MNG01-MNG-250-2024",
                                250L, "MNG01", Optional.of(MNG), Optional.of(JPN), NDC),
                        tuple(returnSeq, ActionType.ACQUISITION, "CA0012-MNG01-MNG-121-2024", "CA0012-MNG01-MNG-150-2024",
                                30L, "MNG01", Optional.of(JPN), Optional.of(MNG), NDC),
                        tuple(cancelSeq, ActionType.CANCELLATION, "CA0012-MNG01-MNG-301-2024", "CA0012-MNG01-MNG-310-2024",
                                10L, "MNG01", Optional.empty(), Optional.empty(), OIMP));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.firstTransferringParty()).isEqualTo(MNG);
            assertThat(r.vintage()).isEqualTo(Vintage.of(2024));
            assertThat(r.cooperativeApproachId()).isEqualTo(CA);
            assertThat(r.firstId().format()).matches("CA\\d{4}-[A-Z]{3}\\d{2}-[A-Z]{3}-[1-9]\\d*-\\d{4}");
        });
        assertThat(rows.get(1).purposes()).isEqualTo(AuthorizationPurpose.OIMP);
        assertThat(rows.get(4).purposeOfUse()).contains(UsePurpose.OMGE);
        assertThat(rows.get(2).date()).isEqualTo(LocalDate.of(2025, 6, 15));
    }

    @Test
    void table_3_of_the_acquiring_party_has_its_acquisitions_its_use_and_its_transfer() {
        List<ActionRow> rows = report(JPN, 2025).actions();

        assertThat(rows).extracting(r -> r.seq(), ActionRow::actionType, r -> r.firstId().unit(), r -> r.lastId().unit(),
                        r -> r.registryId().value(), ActionRow::transferringParty, ActionRow::acquiringParty)
                .containsExactly(
                        tuple(heldAbroadSeq, ActionType.ACQUISITION, 601L, 700L, "JPN01", Optional.of(MNG), Optional.of(JPN)),
                        tuple(transferSeq, ActionType.ACQUISITION, 1L, 250L, "JPN01", Optional.of(MNG), Optional.of(JPN)),
                        tuple(useSeq, ActionType.USE, 1L, 120L, "JPN01", Optional.empty(), Optional.empty()),
                        tuple(returnSeq, ActionType.TRANSFER, 121L, 150L, "JPN01", Optional.of(JPN), Optional.of(MNG)));
        ActionRow use = rows.get(2);
        assertThat(use.purposeOfUse()).contains(UsePurpose.NDC);
        assertThat(use.usingPartyOrEntity()).contains("JPN");
        assertThat(use.yearOfUse()).contains(Year.of(2025));
        assertThat(use.purposes()).isEqualTo(AuthorizationPurpose.NDC);
    }

    @Test
    void table_4_holds_the_active_authorized_blocks_in_the_partys_registries_after_the_last_event_of_the_year() {
        AefReport mongolia = report(MNG, 2025);
        AefReport japan = report(JPN, 2025);

        assertThat(mongolia.asOfSeq()).isEqualTo(cancelSeq);
        assertThat(mongolia.asOf()).contains(Instant.parse("2025-12-31T23:59:02Z"));
        assertThat(mongolia.holdings()).extracting(r -> r.accountId().value(), r -> r.firstId().unit(), r -> r.lastId().unit(),
                        HoldingRow::authorizationId, HoldingRow::caState, HoldingRow::firstTransferred)
                .containsExactly(
                        tuple("MNG01-H00001", 251L, 300L, NDC, CaState.COMMITTED, false),
                        tuple("MNG01-H00001", 311L, 400L, OIMP, CaState.PENDING, true),
                        tuple("MNG01-H00001", 401L, 450L, NDC, CaState.COMMITTED, false),
                        tuple("MNG01-H00002", 121L, 150L, NDC, CaState.APPLIED, true));
        // The retired units 1-120 are no holding; the 2026 transfer to JPN01-H00002 is not in the 2025 table.
        assertThat(japan.holdings()).extracting(r -> r.accountId().value(), r -> r.firstId().format(), r -> r.quantity(),
                        HoldingRow::caState)
                .containsExactly(
                        tuple("JPN01-H00001", "CA0012-MNG01-MNG-151-2024", 100L, CaState.APPLIED),
                        tuple("JPN01-H00001", "CA0012-JPN01-MNG-601-2024", 100L, CaState.PENDING));
        assertThat(report(JPN, 2026).holdings()).extracting(r -> r.accountId().value(), HoldingRow::quantity)
                .containsExactly(tuple("JPN01-H00001", 90L), tuple("JPN01-H00001", 100L), tuple("JPN01-H00002", 10L));
    }

    @Test
    void a_domestic_transfer_is_no_action_and_a_year_without_events_reports_nothing() {
        assertThat(report(JPN, 2026).actions()).isEmpty();
        AefReport before = report(MNG, 2024);
        assertThat(before.asOfSeq()).isZero();
        assertThat(before.asOf()).isEmpty();
        assertThat(before.authorizations()).isEmpty();
        assertThat(before.actions()).isEmpty();
        assertThat(before.holdings()).isEmpty();
    }

    @Test
    void oimp_use_is_reported_by_the_registrys_party_and_a_voluntary_retirement_of_itmos_as_a_cancellation() {
        f.ok(holder(f.mnC), new RetireCredits(f.mnC1, Quantity.of(5), List.of(serial(311, 315)), Optional.empty(),
                RetirementPurpose.OIMP, Optional.of(new Beneficiary.Stated("MIAT Mongolian Airlines")), Optional.empty(), Optional.empty(),
                Optional.empty()));
        f.ok(holder(f.mnC), new RetireCredits(f.mnC1, Quantity.of(5), List.of(serial(316, 320)), Optional.empty(),
                RetirementPurpose.VOLUNTARY, Optional.of(new Beneficiary.Stated("UB Solar")), Optional.empty(), Optional.empty(), Optional.empty()));
        f.ok(holder(f.mnC), new RetireCredits(f.mnC1, Quantity.of(5), List.of(serial(501, 505)), Optional.empty(),
                RetirementPurpose.VOLUNTARY, Optional.of(new Beneficiary.Stated("UB Solar")), Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(report(MNG, 2026).actions()).extracting(ActionRow::actionType, r -> r.firstId().unit(), ActionRow::purposeOfUse,
                        ActionRow::usingPartyOrEntity, ActionRow::yearOfUse)
                .containsExactly(
                        tuple(ActionType.USE, 311L, Optional.of(UsePurpose.OIMP), Optional.of("MIAT Mongolian Airlines"),
                                Optional.of(Year.of(2026))),
                        tuple(ActionType.CANCELLATION, 316L, Optional.of(UsePurpose.VOLUNTARY), Optional.of("UB Solar"),
                                Optional.empty()));
    }

    @Test
    void the_columns_name_every_value_of_a_row_once() {
        for (AefTable table : AefTable.values()) {
            List<String> names = AefColumns.names(table);
            assertThat(names).doesNotHaveDuplicates();
            assertThat(AefColumns.columns(table)).extracting(AefColumns.Column::key).doesNotHaveDuplicates();
        }
        ActionRow first = report(MNG, 2025).actions().get(0);
        assertThat(AefColumns.cells(AefColumns.T3, first)).containsExactly(
                "2025-03-01", "First transfer", "CA0012", "MNG-NDC-1", "MNG", "JPN01", "CA0012-JPN01-MNG-601-2024",
                "CA0012-JPN01-MNG-700-2024", 100L, 2024L, null, null, "MNG", "JPN", "NDC", null, null, null, heldAbroadSeq);
    }

    @Test
    void sector_and_activity_type_come_from_the_projects_methodology_once_it_is_registered_and_are_empty_before() {
        assertThat(report(MNG, 2025).holdings()).extracting(HoldingRow::sectorActivity).containsOnly(SectorActivity.UNKNOWN);
        assertThat(report(MNG, 2025).authorizations()).extracting(AuthorizationRow::sectorActivity)
                .containsOnly(SectorActivity.UNKNOWN);

        f.advanceTo(Instant.parse("2026-02-01T00:00:00Z"));
        f.ok(Actor.jcSecretariat("jc-mng", MNG), new RegisterMethodology(new Methodology(new MethodologyId("MN_AM001"), MNG,
                "Installation of solar PV system", SectoralScope.ENERGY_INDUSTRIES, 1, MethodologyStatus.APPROVED, Optional.empty(),
                false)));
        f.ok(GOV_MNG, authorize(new AuthorizationId("MNG-NDC-3"), AuthorizationPurpose.NDC, Optional.empty(), Optional.empty(),
                serial(461, 470)));

        AefReport later = report(MNG, 2026);
        SectorActivity solar = new SectorActivity(List.of("1 Energy industries (renewable / non-renewable sources)"),
                List.of("MN_AM001 Installation of solar PV system"));
        assertThat(later.holdings()).isNotEmpty().extracting(HoldingRow::sectorActivity).containsOnly(solar);
        assertThat(later.authorizations()).singleElement().satisfies(a -> assertThat(a.sectorActivity()).isEqualTo(solar));
        assertThat(AefColumns.cells(AefColumns.T2, later.authorizations().get(0)))
                .contains("1 Energy industries (renewable / non-renewable sources)", "MN_AM001 Installation of solar PV system");
        // The closed year's tables do not change: they are as of its last event.
        assertThat(report(MNG, 2025).holdings()).extracting(HoldingRow::sectorActivity).containsOnly(SectorActivity.UNKNOWN);
    }
}

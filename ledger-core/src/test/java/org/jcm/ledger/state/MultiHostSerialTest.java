package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.ledger.state.Fixture.CA;
import static org.jcm.ledger.state.Fixture.MNG;
import static org.jcm.ledger.state.Fixture.TWN;
import static org.jcm.ledger.state.Fixture.TWN01;
import static org.jcm.ledger.state.Fixture.admin;
import static org.jcm.ledger.state.Fixture.holder;

import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;
import org.junit.jupiter.api.Test;

/**
 * Serial ranges of a multi-country project: units of a share numbered in another host's line than
 * the project's first host's are named with that host ({@code JCM-MN003-TWN-2025-1-200}), units of
 * the first host's line as before ({@code JCM-MN003-2025-1-300}), and commands naming either take
 * exactly those units.
 */
class MultiHostSerialTest {

    final Fixture f = new Fixture();

    static TransferCredits transfer(AccountId from, AccountId to, String... serials) {
        List<BlockSerial> named = java.util.Arrays.stream(serials).map(BlockSerial::parse).toList();
        long total = 0;
        for (BlockSerial serial : named) {
            total += serial.size();
        }
        return new TransferCredits(from, to, Quantity.of(total), named, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Mongolia's NDC authorization of the named units, any vintage. */
    static AuthorizeUnits authorize(String id, BlockSerial... serials) {
        return new AuthorizeUnits(new AuthorizationId(id), MNG, CA, AuthorizationPurpose.NDC, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of("Company A"), Optional.empty(), List.of(serials));
    }

    Rejection refused(Actor actor, Command command) {
        Outcome o = f.apply(actor, command);
        assertThat(o).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected) o).rejection();
    }

    @Test
    void each_host_s_units_have_their_own_serials_and_itmo_ids() {
        CycleIssuanceTest.twoHostsIssued(f);
        CreditBlock taiwan = f.state.holdings(f.twC1).get(0);
        CreditBlock mongolia = f.state.holdings(f.mnC1).get(0);
        CreditBlock japan = f.state.holdings(f.jpB1).get(0);

        assertThat(taiwan.serial(MNG).format()).isEqualTo("JCM-MN003-TWN-2025-1-200");
        assertThat(mongolia.serial(MNG).format()).isEqualTo("JCM-MN003-2025-1-300");
        assertThat(japan.serial(MNG).format()).isEqualTo("JCM-MN003-2025-301-800");
        assertThat(taiwan.firstItmoId(CA).format()).isEqualTo("CA0012-TWN01-TWN-1-2025");
        assertThat(japan.lastItmoId(CA).format()).isEqualTo("CA0012-JPN01-MNG-800-2025");
    }

    @Test
    void a_transfer_naming_another_host_s_serial_takes_that_host_s_units() {
        CycleIssuanceTest.twoHostsIssued(f);
        CreditsTransferred moved = (CreditsTransferred) f.ok(holder(f.twC), transfer(f.twC1, f.jpA1, "JCM-MN003-TWN-2025-1-50"))
                .get(0);

        assertThat(moved.ranges()).singleElement().satisfies(r -> {
            assertThat(r.hostParty()).isEqualTo(TWN);
            assertThat(r.serial(MNG).format()).isEqualTo("JCM-MN003-TWN-2025-1-50");
        });
        assertThat(f.state.holdings(f.jpA1)).extracting(b -> b.serial(MNG).format()).containsExactly("JCM-MN003-TWN-2025-1-50");
        assertThat(f.state.totalUnits(f.mnC1)).isEqualTo(300);
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
    }

    @Test
    void a_serial_without_a_host_names_the_first_host_s_line_as_it_always_did() {
        CycleIssuanceTest.twoHostsIssued(f);
        // Mongolia's units 1 to 50 are the Mongolian company's, not the Taiwanese company's.
        assertThat(refused(holder(f.twC), transfer(f.twC1, f.jpA1, "JCM-MN003-2025-1-50"))).isEqualTo(Rejection.UNITS_NOT_HELD);
        f.ok(holder(f.mnC), transfer(f.mnC1, f.jpA1, "JCM-MN003-2025-1-20", "JCM-MN003-MNG-2025-21-30"));

        assertThat(f.state.holdings(f.jpA1)).extracting(CreditBlock::hostParty).containsOnly(MNG);
        assertThat(f.state.totalUnits(f.jpA1)).isEqualTo(30);
    }

    @Test
    void naming_the_first_host_or_none_is_the_same_line_and_overlaps() {
        CycleIssuanceTest.twoHostsIssued(f);
        assertThat(refused(holder(f.mnC), transfer(f.mnC1, f.jpA1, "JCM-MN003-2025-1-10", "JCM-MN003-MNG-2025-5-20")))
                .isEqualTo(Rejection.OVERLAPPING_SERIAL_RANGES);
    }

    @Test
    void a_serial_naming_a_line_the_project_was_not_issued_in_names_unknown_units() {
        CycleIssuanceTest.twoHostsIssued(f);
        assertThat(refused(holder(f.twC), transfer(f.twC1, f.jpA1, "JCM-MN003-THA-2025-1-10"))).isEqualTo(Rejection.UNKNOWN_UNITS);
        assertThat(refused(holder(f.twC), transfer(f.twC1, f.jpA1, "JCM-MN003-TWN-2025-150-250")))
                .isEqualTo(Rejection.UNKNOWN_UNITS);
    }

    @Test
    void units_in_another_host_s_line_are_that_host_s_for_article_6() {
        CycleIssuanceTest.twoHostsIssued(f);
        assertThat(refused(Fixture.GOV_MNG, authorize("MNG-NDC-TW", BlockSerial.parse("JCM-MN003-TWN-2025-1-10"))))
                .isEqualTo(Rejection.NOT_HOST_PARTY);
        f.ok(Fixture.GOV_MNG, authorize("MNG-NDC-MN", BlockSerial.parse("JCM-MN003-2025-1-10")));
    }

    @Test
    void a_correction_cancellation_approved_under_four_eyes_cancels_the_reserved_units_of_the_other_host_s_line() {
        CycleIssuanceTest.twoHostsIssued(f);
        CreditsCancelled cancelled = (CreditsCancelled) f.ok(admin(TWN01), new CancelCredits(f.twC1, Quantity.of(20), List.of(),
                Optional.empty(), CancellationReason.CORRECTION, Optional.of("wrong allocation"))).get(0);

        assertThat(cancelled.ranges()).singleElement().satisfies(r -> {
            assertThat(r.hostParty()).isEqualTo(TWN);
            assertThat(r.serial(MNG).format()).isEqualTo("JCM-MN003-TWN-2025-1-20");
        });
        assertThat(f.state.holdings(f.mnC1)).extracting(CreditBlock::status).containsOnly(BlockStatus.ACTIVE);
        assertThat(f.state.totalUnits(f.mnC1)).isEqualTo(300);
        assertThat(f.state.totalUnits(f.twC1)).isEqualTo(180);
        assertThat(Invariants.check(f.state)).isEmpty();
        assertThat(Replay.fold(f.events).snapshot()).isEqualTo(f.state.snapshot());
        for (LedgerEvent e : f.events) {
            assertThat(EventCodec.fromJson(EventCodec.toJson(e))).isEqualTo(e);
        }
    }
}

package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.report.ActionRow;
import org.jcm.ledger.report.ActionType;
import org.jcm.ledger.report.AefReport;
import org.jcm.ledger.report.AefRows;
import org.jcm.ledger.report.HoldingRow;

/** AEF rows derived from random command sequences agree with the ledger state they were folded from. */
class AefProperties {

    static final List<PartyCode> PARTIES = List.of(Fixture.JPN, Fixture.MNG, Fixture.TWN);
    static final String ITMO_ID = "CA\\d{4}-[A-Z]{3}\\d{2}-[A-Z]{3}-[1-9]\\d*-\\d{4}";

    @Provide
    Arbitrary<List<RandomCommands.Step>> steps() {
        return RandomCommands.steps(40);
    }

    @Property(tries = 200)
    void first_transfers_and_holdings_in_the_tables_add_up_to_the_ledger_state(@ForAll("steps") List<RandomCommands.Step> steps) {
        Fixture f = LedgerProperties.run(steps, new LedgerProperties.StepCheck() {
            @Override
            public void after(Fixture f, RandomCommands.Planned p, LedgerSnapshot before, long seqBefore,
                              org.jcm.ledger.rule.Outcome o) {
            }

            @Override
            public boolean wantsSnapshots() {
                return false;
            }
        });
        int year = Fixture.T0.atZone(java.time.ZoneOffset.UTC).getYear();
        long firstTransferred = 0;
        long held = 0;
        for (PartyCode party : PARTIES) {
            AefReport report = AefRows.derive(f.events, f.state.config(), party, year);
            assertThat(report.asOfSeq()).isEqualTo(f.state.lastSeq());
            for (ActionRow row : report.actions()) {
                assertThat(row.reportingParty()).isEqualTo(party);
                assertThat(row.firstId().format()).matches(ITMO_ID);
                assertThat(row.lastId().format()).matches(ITMO_ID);
                if (row.actionType() == ActionType.FIRST_TRANSFER) {
                    assertThat(row.firstTransferringParty()).isEqualTo(party);
                    firstTransferred += row.quantity();
                }
            }
            for (HoldingRow row : report.holdings()) {
                held += row.quantity();
            }
        }
        long expectedFirstTransferred = f.state.authorizations().stream().mapToLong(Authorization::firstTransferredUnits).sum();
        long expectedHeld = f.state.blocks(Optional.empty(), Optional.empty(), Optional.of(BlockStatus.ACTIVE), Optional.empty())
                .stream().filter(b -> b.authorizationId().isPresent()).mapToLong(CreditBlock::quantity).sum();
        assertThat(firstTransferred).isEqualTo(expectedFirstTransferred);
        assertThat(held).isEqualTo(expectedHeld);
    }
}

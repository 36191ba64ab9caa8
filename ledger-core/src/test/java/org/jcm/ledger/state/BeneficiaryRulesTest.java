package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.ledger.state.Fixture.JPN01;
import static org.jcm.ledger.state.Fixture.MN001;
import static org.jcm.ledger.state.Fixture.holder;

import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.Quantity;
import org.junit.jupiter.api.Test;

/** A retirement names its beneficiary: a registered organization (checked) or a stated name (as stated). */
class BeneficiaryRulesTest {

    private final Fixture f = new Fixture();

    private static RetireCredits voluntary(AccountId from, Optional<Beneficiary> beneficiary) {
        return new RetireCredits(from, Quantity.of(5), List.of(), Optional.empty(), RetirementPurpose.VOLUNTARY, beneficiary,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Test
    void a_retirement_for_a_registered_organization_records_that_organization() {
        f.issue("A", MN001, 2024, f.mnC1, 100);

        CreditsRetired e = (CreditsRetired) f.ok(holder(f.mnC), voluntary(f.mnC1,
                Optional.of(new Beneficiary.Organization(f.jpA)))).get(0);

        assertThat(e.beneficiary()).contains(new Beneficiary.Organization(f.jpA));
        assertThat(e.beneficiary().orElseThrow().howKnown()).isEqualTo(Beneficiary.HowKnown.REGISTERED_ORGANIZATION);
    }

    @Test
    void naming_an_unregistered_organization_is_unknown_organization_and_changes_nothing() {
        f.issue("A", MN001, 2024, f.mnC1, 100);
        long head = f.state.lastSeq();

        Outcome o = f.apply(holder(f.mnC), voluntary(f.mnC1, Optional.of(new Beneficiary.Organization(OrganizationId.of(JPN01, 77)))));

        assertThat(o).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.rejection()).isEqualTo(Rejection.UNKNOWN_ORGANIZATION));
        assertThat(f.state.lastSeq()).isEqualTo(head);
        assertThat(f.state.totalUnits(f.mnC1)).isEqualTo(100);
    }

    @Test
    void an_unknown_beneficiary_organization_comes_after_an_unknown_party_and_before_an_unknown_account() {
        Optional<Beneficiary> nobody = Optional.of(new Beneficiary.Organization(OrganizationId.of(JPN01, 77)));
        RetireCredits unknownParty = new RetireCredits(AccountId.holding(JPN01, 99), Quantity.of(5), List.of(), Optional.empty(),
                RetirementPurpose.NDC, nobody, Optional.of(new PartyCode("KAZ")), Optional.of(Year.of(2030)), Optional.empty());

        assertThat(((Outcome.Rejected) f.apply(holder(f.mnC), unknownParty)).rejection()).isEqualTo(Rejection.UNKNOWN_PARTY);
        assertThat(((Outcome.Rejected) f.apply(holder(f.mnC), voluntary(AccountId.holding(JPN01, 99), nobody))).rejection())
                .isEqualTo(Rejection.UNKNOWN_ORGANIZATION);
    }

    @Test
    void a_stated_name_is_free_text_of_one_to_two_hundred_characters() {
        assertThat(new Beneficiary.Stated("x".repeat(200)).howKnown()).isEqualTo(Beneficiary.HowKnown.STATED_BY_RETIRING_ORGANIZATION);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Beneficiary.Stated("x".repeat(201)))
                .isInstanceOf(org.jcm.ledger.id.InvalidValueException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Beneficiary.Stated(" "))
                .isInstanceOf(org.jcm.ledger.id.InvalidValueException.class);
    }
}

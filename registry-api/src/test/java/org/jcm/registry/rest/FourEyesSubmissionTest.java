package org.jcm.registry.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.serial.Quantity;
import org.junit.jupiter.api.Test;

/** Which requests of the four-eyes endpoints are submitted as proposals ({@link Mutations#proposal}). */
class FourEyesSubmissionTest {

    private static final AccountId ACCOUNT = AccountId.parse("MNG01-H00001");
    private static final Actor ADMIN = Actor.registryAdmin("alice@MNG01", RegistryId.parse("MNG01"));
    private static final Actor HOLDER = Actor.accountHolder("holder@MNG01-O0001", OrganizationId.parse("MNG01-O0001"));
    private static final Actor GOVERNMENT = Actor.government("gov@MNG", PartyCode.parse("MNG"));

    private static CancelCredits cancellation(CancellationReason reason) {
        return new CancelCredits(ACCOUNT, Quantity.of(5), List.of(), Optional.empty(), reason, Optional.empty());
    }

    @Test
    void the_role_that_makes_a_four_eyes_action_proposes_it() {
        FreezeAccount freeze = new FreezeAccount(ACCOUNT, Optional.empty());
        assertThat(Mutations.proposal(freeze, ADMIN)).isEqualTo(new ProposeAction(freeze));
        CancelCredits correction = cancellation(CancellationReason.CORRECTION);
        assertThat(Mutations.proposal(correction, ADMIN)).isEqualTo(new ProposeAction(correction));
    }

    @Test
    void other_roles_and_an_account_holders_own_cancellation_are_submitted_as_they_are() {
        FreezeAccount freeze = new FreezeAccount(ACCOUNT, Optional.empty());
        assertThat(Mutations.proposal(freeze, HOLDER)).isSameAs(freeze);
        assertThat(Mutations.proposal(freeze, GOVERNMENT)).isSameAs(freeze);
        Command correctionByHolder = cancellation(CancellationReason.CORRECTION);
        assertThat(Mutations.proposal(correctionByHolder, HOLDER)).isSameAs(correctionByHolder);
        // An administrator's cancellation for another reason is not proposable: the ledger refuses it as before.
        Command voluntaryByAdmin = cancellation(CancellationReason.VOLUNTARY);
        assertThat(Mutations.proposal(voluntaryByAdmin, ADMIN)).isSameAs(voluntaryByAdmin);
    }
}

package org.jcm.registry.write.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.ProposalKind;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.event.ProposalApproved;
import org.jcm.ledger.event.ProposalExpired;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.event.ProposalRejected;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ProposalId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.Quantity;
import org.junit.jupiter.api.Test;

/** The index rows of the proposal events: a proposal under the accounts its action names, never under units. */
class ProposalIndexTest {

    static final Instant AT = Instant.parse("2025-04-01T09:00:00Z");
    static final Actor ADMIN = Actor.registryAdmin("admin-1", new RegistryId("MNG01"));
    static final Actor SECOND = Actor.registryAdmin("admin-2", new RegistryId("MNG01"));

    final BatchRows rows = new BatchRows();
    final EventIndex index = new EventIndex(rows);

    @Test
    void a_proposal_is_indexed_under_the_accounts_its_action_names_and_under_no_units() {
        IssueCredits issue = new IssueCredits(new IssuanceId("MN001-2024-01"), new ProjectId("MN001"), LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31), Vintage.of(2024), Quantity.of(30),
                List.of(new Allocation(AccountId.parse("MNG01-H00001"), Quantity.of(10)),
                        new Allocation(AccountId.parse("MNG01-H00002"), Quantity.of(20))), IssuanceRequestId.of(1));
        index.add(new ProposalMade(5, AT, ADMIN, ProposalId.of(1), ProposalKind.ISSUANCE, issue, AT.plusSeconds(60), List.of()));
        index.add(new ProposalMade(6, AT, ADMIN, ProposalId.of(2), ProposalKind.FREEZE,
                new FreezeAccount(AccountId.parse("MNG01-H00003"), Optional.empty()), AT.plusSeconds(60), List.of()));
        Actor gov = Actor.government("gov-1", new PartyCode("MNG"));
        index.add(new ProposalMade(7, AT, gov, ProposalId.of(3), ProposalKind.AUTHORIZATION_REVOCATION,
                new RevokeAuthorization(new AuthorizationId("MNG-A-1"), Optional.empty()), AT.plusSeconds(60), List.of()));

        assertThat(rows.touchedAccount).containsExactly("MNG01-H00001", "MNG01-H00002", "MNG01-H00003");
        assertThat(rows.touchedAccountSeq.size()).isEqualTo(3);
        assertThat(rows.touchedAccountSeq.get(0)).isEqualTo(5);
        assertThat(rows.touchedAccountSeq.get(2)).isEqualTo(6);
        assertThat(rows.unitsHost).isEmpty();
    }

    @Test
    void approvals_rejections_and_expiries_add_no_rows_of_their_own() {
        index.add(new ProposalApproved(8, AT, SECOND, ProposalId.of(1), ADMIN));
        index.add(new ProposalRejected(9, AT, SECOND, ProposalId.of(2), ADMIN, "no"));
        index.add(new ProposalExpired(10, AT.plusSeconds(60), Actor.operator("jcm-writer"), ProposalId.of(3), ADMIN,
                AT.plusSeconds(60)));
        assertThat(rows.touchedAccount).isEmpty();
        assertThat(rows.unitsHost).isEmpty();
    }
}

package org.jcm.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.ProposalKind;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.event.AccountFrozen;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.ProposalApproved;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ProposalId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.Quantity;
import org.junit.jupiter.api.Test;

/** The answers to proposal commands, built from their events alone. */
class ProposalResponsesTest {

    static final Instant AT = Instant.parse("2025-04-01T09:00:00Z");
    static final Actor ADMIN = Actor.registryAdmin("admin-1", new RegistryId("MNG01"));
    static final Actor SECOND = Actor.registryAdmin("admin-2", new RegistryId("MNG01"));
    static final AccountId ACCOUNT = AccountId.parse("MNG01-H00001");

    @Test
    void a_proposal_answers_its_id_and_a_cancellations_reserved_blocks_with_no_account() {
        BlockRange range = new BlockRange(new PartyCode("MNG"), Vintage.of(2024), new ProjectId("MN001"),
                new IssuanceId("MN001-2024-01"), new RegistryId("MNG01"), 1, 30);
        ProposalMade made = new ProposalMade(5, AT, ADMIN, ProposalId.of(1), ProposalKind.CANCELLATION_FOR_CORRECTION,
                new CancelCredits(ACCOUNT, Quantity.of(30), List.of(), Optional.empty(), CancellationReason.CORRECTION,
                        Optional.empty()), AT.plusSeconds(60), List.of(range));

        MutationResponse answer = MutationResponses.of(List.of(made), party -> Optional.of(new CooperativeApproachId("CA0012")),
                project -> Optional.of(new PartyCode("MNG")));

        assertThat(answer.id()).isEqualTo("PR00000001");
        assertThat(answer.events()).extracting(EventSummary::type).containsExactly("ProposalMade");
        assertThat(answer.events().get(0).blocks()).extracting(BlockSummary::serial, BlockSummary::accountId, BlockSummary::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("JCM-MN001-2024-1-30", null, 30L));
    }

    @Test
    void blocks_in_another_hosts_numbering_line_than_the_projects_first_host_have_serials_naming_that_host() {
        BlockRange taiwan = new BlockRange(new PartyCode("TWN"), Vintage.of(2025), new ProjectId("MN003"),
                new IssuanceId("MN003-2025-01"), new RegistryId("TWN01"), 1, 30);
        BlockRange mongolia = new BlockRange(new PartyCode("MNG"), Vintage.of(2025), new ProjectId("MN003"),
                new IssuanceId("MN003-2025-02"), new RegistryId("MNG01"), 1, 40);
        ProposalMade made = new ProposalMade(5, AT, ADMIN, ProposalId.of(1), ProposalKind.CANCELLATION_FOR_CORRECTION,
                new CancelCredits(ACCOUNT, Quantity.of(70), List.of(), Optional.empty(), CancellationReason.CORRECTION,
                        Optional.empty()), AT.plusSeconds(60), List.of(taiwan, mongolia));

        MutationResponse answer = MutationResponses.of(List.of(made), party -> Optional.empty(),
                project -> project.value().equals("MN003") ? Optional.of(new PartyCode("MNG")) : Optional.empty());

        assertThat(answer.events().get(0).blocks()).extracting(BlockSummary::serial)
                .containsExactly("JCM-MN003-TWN-2025-1-30", "JCM-MN003-2025-1-40");
    }

    @Test
    void an_approval_answers_the_action_id_and_lists_the_action_events_after_it() {
        List<org.jcm.ledger.event.LedgerEvent> events = List.of(new ProposalApproved(6, AT, SECOND, ProposalId.of(2), ADMIN),
                new AccountFrozen(7, AT, SECOND, ACCOUNT, Optional.of("court order")));
        MutationResponse answer = MutationResponses.of(events, party -> Optional.empty(), project -> Optional.empty());
        assertThat(answer.id()).isEqualTo(ACCOUNT.value());
        assertThat(answer.events()).extracting(EventSummary::seq, EventSummary::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6L, "ProposalApproved"),
                        org.assertj.core.groups.Tuple.tuple(7L, "AccountFrozen"));
        assertThat(answer.events().get(0).blocks()).isEmpty();
        assertThat(new FreezeAccount(ACCOUNT, Optional.empty()).kind()).isEqualTo(ProposalKind.FREEZE);
    }

    @Test
    void a_system_command_with_nothing_due_answers_no_id_and_no_events() {
        MutationResponse answer = MutationResponses.of(List.of(), party -> Optional.empty(), project -> Optional.empty());
        assertThat(answer.id()).isNull();
        assertThat(answer.events()).isEmpty();
    }
}

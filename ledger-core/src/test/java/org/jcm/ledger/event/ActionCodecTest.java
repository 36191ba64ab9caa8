package org.jcm.ledger.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.AmendAuthorization;
import org.jcm.ledger.command.ApplyCorrespondingAdjustment;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.ProposalKind;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.command.UnfreezeAccount;
import org.jcm.ledger.command.UnitFilter;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ProposalId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;
import org.junit.jupiter.api.Test;

/** The JSON of proposed four-eyes actions: every action with and without its optional fields round-trips, and nothing else decodes. */
class ActionCodecTest {

    static final AccountId ACCOUNT = AccountId.parse("MNG01-H00001");
    static final AuthorizationId AUTH = new AuthorizationId("MNG-A-1");
    static final BlockSerial SERIAL = BlockSerial.parse("JCM-MN001-2024-1-600");
    static final PartyCode MNG = new PartyCode("MNG");

    /** Every action type, each once with every optional field present and once with none. */
    static List<ProposableAction> everyAction() {
        return List.of(
                new IssueCredits(new IssuanceId("MN001-2024-01"), new ProjectId("MN001"), LocalDate.of(2024, 1, 1),
                        LocalDate.of(2024, 12, 31), Vintage.of(2024), Quantity.of(1000),
                        List.of(new Allocation(ACCOUNT, Quantity.of(600)), new Allocation(AccountId.parse("MNG01-H00002"),
                                Quantity.of(400))), IssuanceRequestId.of(1)),
                new FreezeAccount(ACCOUNT, Optional.of("court order")),
                new FreezeAccount(ACCOUNT, Optional.empty()),
                new UnfreezeAccount(ACCOUNT, Optional.of("order lifted")),
                new UnfreezeAccount(ACCOUNT, Optional.empty()),
                new CancelCredits(ACCOUNT, Quantity.of(600), List.of(SERIAL), Optional.empty(), CancellationReason.CORRECTION,
                        Optional.of("double counted")),
                new CancelCredits(ACCOUNT, Quantity.of(5), List.of(), Optional.of(new UnitFilter(Optional.of(new ProjectId("MN001")),
                        Optional.of(Vintage.of(2024)), Optional.of(Label.AUTHORIZED))), CancellationReason.CORRECTION,
                        Optional.empty()),
                new CancelCredits(ACCOUNT, Quantity.of(5), List.of(), Optional.of(UnitFilter.ANY), CancellationReason.CORRECTION,
                        Optional.empty()),
                new AuthorizeUnits(AUTH, MNG, new CooperativeApproachId("CA0012"), AuthorizationPurpose.NDC_AND_OIMP,
                        Optional.of("CORSIA"), Optional.of(OimpFirstTransfer.ISSUANCE), Optional.of(Quantity.of(900)),
                        List.of(Vintage.of(2024), Vintage.of(2025)), List.of("Company A"), Optional.empty(), List.of(SERIAL)),
                new AuthorizeUnits(AUTH, MNG, new CooperativeApproachId("CA0012"), AuthorizationPurpose.NDC, Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.of(new IssuanceId("MN001-2024-01")),
                        List.of()),
                new AmendAuthorization(AUTH, Optional.of(Quantity.of(2000)), Optional.of(List.of(Vintage.of(2024))),
                        Optional.of(List.of("Company A", "Company B")), Optional.empty(), List.of(SERIAL), Optional.of("tranche")),
                new AmendAuthorization(AUTH, Optional.empty(), Optional.of(List.of()), Optional.empty(),
                        Optional.of(new IssuanceId("MN001-2024-02")), List.of(), Optional.empty()),
                new RevokeAuthorization(AUTH, Optional.of("paused")),
                new RevokeAuthorization(AUTH, Optional.empty()),
                new ApplyCorrespondingAdjustment(MNG, Year.of(2024), CaMethod.AVERAGING, List.of(SERIAL), List.of()),
                new ApplyCorrespondingAdjustment(MNG, Year.of(2024), CaMethod.TRAJECTORY, List.of(), List.of(12L, 40L)));
    }

    @Test
    void every_action_round_trips_through_its_json_and_its_canonical_text() {
        for (ProposableAction action : everyAction()) {
            Map<String, Object> json = ActionCodec.toJson(action);
            assertThat(json.get("type")).isEqualTo(action.getClass().getSimpleName());
            assertThat(ActionCodec.fromJson(json)).as("%s", json).isEqualTo(action);
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = (Map<String, Object>) Json.parse(Jcs.canonicalize(json));
            assertThat(ActionCodec.fromJson(parsed)).isEqualTo(action);
            assertThat(ActionCodec.toJson(ActionCodec.fromJson(parsed))).isEqualTo(json);
        }
    }

    @Test
    void an_action_is_written_with_its_type_first_and_absent_optionals_omitted() {
        Map<String, Object> json = ActionCodec.toJson(new FreezeAccount(ACCOUNT, Optional.empty()));
        assertThat(json).containsExactly(Map.entry("type", "FreezeAccount"), Map.entry("accountId", "MNG01-H00001"));
        assertThat(Jcs.canonicalize(ActionCodec.toJson(new CancelCredits(ACCOUNT, Quantity.of(600), List.of(SERIAL),
                Optional.empty(), CancellationReason.CORRECTION, Optional.empty()))))
                .isEqualTo("{\"fromAccountId\":\"MNG01-H00001\",\"quantity\":600,\"reason\":\"CORRECTION\","
                        + "\"serialRanges\":[\"JCM-MN001-2024-1-600\"],\"type\":\"CancelCredits\"}");
    }

    @Test
    void only_the_eight_four_eyes_actions_decode() {
        Map<String, Object> transfer = new LinkedHashMap<>();
        transfer.put("type", "TransferCredits");
        transfer.put("fromAccountId", "MNG01-H00001");
        assertThatThrownBy(() -> ActionCodec.fromJson(transfer)).isInstanceOf(EventFormatException.class)
                .hasMessageContaining("TransferCredits");
        Map<String, Object> missing = new LinkedHashMap<>(ActionCodec.toJson(new FreezeAccount(ACCOUNT, Optional.empty())));
        missing.remove("accountId");
        assertThatThrownBy(() -> ActionCodec.fromJson(missing)).isInstanceOf(EventFormatException.class)
                .hasMessageContaining("accountId");
        Map<String, Object> badId = new LinkedHashMap<>(ActionCodec.toJson(new FreezeAccount(ACCOUNT, Optional.empty())));
        badId.put("accountId", "nope");
        assertThatThrownBy(() -> ActionCodec.fromJson(badId)).isInstanceOf(EventFormatException.class);
    }

    @Test
    void a_proposal_made_event_nests_its_action_and_round_trips() {
        Actor admin = Actor.registryAdmin("admin-1", new RegistryId("MNG01"));
        CancelCredits action = new CancelCredits(ACCOUNT, Quantity.of(250), List.of(), Optional.empty(),
                CancellationReason.CORRECTION, Optional.empty());
        BlockRange range = new BlockRange(MNG, Vintage.of(2024), new ProjectId("MN001"), new IssuanceId("MN001-2024-01"),
                new RegistryId("MNG01"), 1001, 1250);
        ProposalMade made = new ProposalMade(9, Instant.parse("2025-04-01T09:30:00Z"), admin, ProposalId.of(3),
                ProposalKind.CANCELLATION_FOR_CORRECTION, action, Instant.parse("2025-04-08T09:30:00Z"), List.of(range));
        Map<String, Object> json = EventCodec.toJson(made);
        assertThat(json.keySet()).containsExactly("seq", "type", "at", "actor", "proposalId", "kind", "action", "expiresAt",
                "reserved");
        assertThat(json.get("expiresAt")).isEqualTo("2025-04-08T09:30:00.000Z");
        assertThat(EventCodec.fromJson(json)).isEqualTo(made);
        assertThatThrownBy(() -> new ProposalMade(9, made.at(), admin, ProposalId.of(3), ProposalKind.FREEZE, action,
                made.expiresAt(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProposalMade(9, made.at(), admin, ProposalId.of(3), made.kind(), action, made.at(),
                List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}

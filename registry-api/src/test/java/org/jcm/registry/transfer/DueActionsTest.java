package org.jcm.registry.transfer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.registry.testing.LedgerApi.created;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.ProcessDueTransfers;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.PendingTransferId;
import org.jcm.ledger.state.PendingTransfer;
import org.jcm.ledger.state.PendingTransferStatus;
import org.jcm.ledger.state.ProposalStatus;
import org.jcm.registry.testing.FourEyes;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.registry.testing.MovableClock;
import org.jcm.registry.testing.MovableClockProfile;
import org.jcm.registry.write.Ledger;
import org.jcm.testsupport.Management;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer's timer on a ledger clock the test moves: a delayed transfer executes when it comes
 * due, an approval not given in time expires, and so does a proposal, with no request from anyone
 * (the writer issues the system commands as operator {@code jcm-writer}); nothing is issued while
 * nothing is due.
 */
@QuarkusTest
@TestProfile(MovableClockProfile.class)
class DueActionsTest {

    @Inject
    Ledger ledger;

    @Inject
    MovableClock clock;

    private String[] seller;
    private String[] buyer;

    @BeforeEach
    void world() {
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        seller = LedgerApi.holder("MNG01");
        buyer = LedgerApi.holder("JPN01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        FourEyes.issue(ledger, "MNG01", project, 2024, List.of(seller[1]), List.of(1000L));
    }

    @Test
    void a_delayed_transfer_executes_when_due_with_no_request_from_anyone() {
        FourEyes.policy(ledger, seller[0], null, false, Duration.ofHours(26));
        Response pended = created(TestTokens.accountHolder(seller[0]), "/api/v1/transfers",
                LedgerApi.transfer(seller[1], buyer[1], 300));
        pended.then().body("events[0].type", equalTo("TransferPended"));
        PendingTransferId id = PendingTransferId.parse(pended.path("id"));
        long head = LedgerProbe.headSeq();

        clock.advance(Duration.ofHours(26));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == PendingTransferStatus.EXECUTED);
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(300);
        assertThat(LedgerProbe.balance(seller[1])).isEqualTo(700);
        given().auth().oauth2(TestTokens.registryAdmin("MNG01")).when().get("/api/v1/pending-transfers/" + id.value()).then()
                .statusCode(200).body("status", equalTo("EXECUTED")).body("endedBy", equalTo("jcm-writer"));
        assertThat(LedgerProbe.strings("SELECT type || '/' || actor_subject FROM ledger_event WHERE seq > " + head
                + " AND event_json LIKE '%\"pendingTransferId\":\"" + id + "\"%'"))
                .containsExactly("PendingTransferExecuted/" + ProcessDueTransfers.SYSTEM_SUBJECT);
        assertThat(LedgerProbe.verify()).isEmpty();
        assertThat(dueActions("transfer")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_transfer_waiting_for_an_approval_not_given_expires_and_frees_its_units() {
        Response pended = created(TestTokens.accountHolder(seller[0]), "/api/v1/transfers",
                LedgerApi.transfer(seller[1], buyer[1], 100));
        PendingTransferId id = PendingTransferId.parse(pended.path("id"));
        assertThat(LedgerProbe.replay().reservedUnits(AccountId.parse(seller[1]))).isEqualTo(100);

        clock.advance(Duration.ofDays(7));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == PendingTransferStatus.EXPIRED);
        assertThat(LedgerProbe.replay().reservedUnits(AccountId.parse(seller[1]))).isZero();
        given().auth().oauth2(TestTokens.accountHolder(seller[0])).when().get("/api/v1/pending-transfers/" + id.value()).then()
                .statusCode(200).body("status", equalTo("EXPIRED")).body("endedBy", equalTo("jcm-writer"))
                .body("mayBeApprovedBy", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(TestTokens.accountHolder(seller[0])).when().get("/api/v1/accounts/" + seller[1]).then()
                .statusCode(200).body("reservedQuantity", equalTo(0)).body("availableQuantity", equalTo(1000));
        assertThat(LedgerProbe.balance(seller[1])).isEqualTo(1000);
        assertThat(LedgerProbe.balance(buyer[1])).isZero();
    }

    @Test
    void a_proposal_nobody_approves_expires_when_due() {
        ProposalMade made = (ProposalMade) FourEyes.accepted(ledger,
                new ProposeAction(new FreezeAccount(AccountId.parse(seller[1]), Optional.of("inquiry"))),
                FourEyes.admin("MNG01")).get(0);

        clock.advance(Duration.ofDays(7));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                LedgerProbe.replay().proposal(made.proposalId()).orElseThrow().status() == ProposalStatus.EXPIRED);
        assertThat(LedgerProbe.strings("SELECT actor_subject FROM ledger_event WHERE type = 'ProposalExpired'"))
                .contains(ProcessDueTransfers.SYSTEM_SUBJECT);
        assertThat(dueActions("proposal")).isGreaterThanOrEqualTo(1);
    }

    /** The writer's count of due actions of a kind, from the Prometheus scrape. */
    static double dueActions(String kind) {
        String prefix = "jcm_writer_due_actions_total{kind=\"" + kind + "\"";
        String line = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no " + prefix));
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static PendingTransferStatus status(PendingTransferId id) {
        Optional<PendingTransfer> pt = LedgerProbe.replay().pendingTransfer(id);
        return pt.orElseThrow().status();
    }
}

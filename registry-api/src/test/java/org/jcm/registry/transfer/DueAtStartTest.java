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
import org.awaitility.Awaitility;
import org.jcm.ledger.id.PendingTransferId;
import org.jcm.ledger.state.PendingTransferStatus;
import org.jcm.registry.testing.FourEyes;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.registry.testing.MovableClock;
import org.jcm.registry.testing.MovableClockProfile;
import org.jcm.registry.write.Ledger;
import org.jcm.registry.write.WriterStatus;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A delayed transfer that came due while no writer looked (here the writer checks only when it
 * becomes active) executes when the writer starts: the restarted writer replays the ledger, finds it
 * due and executes it before anyone asks.
 */
@QuarkusTest
@TestProfile(MovableClockProfile.DueOnlyAtStart.class)
class DueAtStartTest {

    @Inject
    Ledger ledger;

    @Inject
    MovableClock clock;

    @Test
    void a_delayed_transfer_that_came_due_while_the_writer_was_down_executes_at_start() {
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        String[] seller = LedgerApi.holder("MNG01");
        String[] buyer = LedgerApi.holder("JPN01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        FourEyes.issue(ledger, "MNG01", project, 2024, List.of(seller[1]), List.of(500L));
        FourEyes.policy(ledger, seller[0], null, false, Duration.ofHours(26));
        Response pended = created(TestTokens.accountHolder(seller[0]), "/api/v1/transfers",
                LedgerApi.transfer(seller[1], buyer[1], 200));
        PendingTransferId id = PendingTransferId.parse(pended.path("id"));

        clock.advance(Duration.ofHours(27));
        // Due now, but this writer does not look again before its next activation.
        assertThat(LedgerProbe.replay().pendingTransfer(id).orElseThrow().status()).isEqualTo(PendingTransferStatus.SCHEDULED);

        ledger.restartWriter();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> ledger.writer().status() == WriterStatus.ACTIVE);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                LedgerProbe.replay().pendingTransfer(id).orElseThrow().status() == PendingTransferStatus.EXECUTED);
        given().auth().oauth2(TestTokens.accountHolder(seller[0])).when().get("/api/v1/pending-transfers/" + id.value()).then()
                .statusCode(200).body("status", equalTo("EXECUTED")).body("endedBy", equalTo("jcm-writer"));
        given().auth().oauth2(TestTokens.accountHolder(buyer[0])).when().get("/api/v1/accounts/" + buyer[1]).then()
                .statusCode(200).body("totalQuantity", equalTo(200));
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(200);
        assertThat(LedgerProbe.balance(seller[1])).isEqualTo(300);
        assertThat(LedgerProbe.verify()).isEmpty();
    }
}

package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.ApprovePendingTransfer;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.PendingTransferApproved;
import org.jcm.ledger.event.PendingTransferExecuted;
import org.jcm.ledger.event.TransferPended;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestClock;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A transfer held back by its organization's transfer policy settles a trade when it executes,
 * not when it is initiated: the executed pending transfer counts as the transfer it carries out.
 * Owns vintage 2041 and the day 2025-10-06.
 */
@QuarkusTest
class PendingTransferSettlementTest {

    static final String VENUE = "PTX";
    static final String EXCHANGE = TestTokens.exchange(VENUE);
    static final OrganizationId SELLER = OrganizationId.of(TestLedger.MNG01, 1);

    static Instant at(String time) {
        return Instant.parse("2025-10-06T" + time + "Z");
    }

    @AfterEach
    void resetTheClock() {
        TestClock.reset();
    }

    /** The seller's policy as the shared test ledger sets it, for the tests that follow. */
    @AfterEach
    void reopenTheSellersTransfers() {
        TestLedger.get().openTransfers(at("12:00:00"), SELLER);
    }

    static ValidatableResponse status(String tradeId) {
        return given().auth().oauth2(EXCHANGE).when().get("/api/v1/trades/" + VENUE + "/" + tradeId).then()
                .statusCode(200);
    }

    @Test
    void a_trade_settles_when_the_pending_transfer_that_delivers_it_executes_with_the_execution_seq() {
        TestClock.set(at("09:00:00"));
        TestLedger ledger = TestLedger.get();
        ledger.issue(at("08:00:00"), 2041, C, 500);
        // The seller's organization: a second account holder approves every transfer to an
        // untrusted account, with no delay, so the approval executes it.
        ledger.apply(at("08:30:00"), Actor.registryAdmin("admin-MNG01", TestLedger.MNG01),
                new SetTransferPolicy(SELLER, Optional.empty(), true, Duration.ZERO));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tradeId", "PT-1");
        body.put("venue", VENUE);
        body.put("sellerAccountId", C.value());
        body.put("buyerAccountId", A.value());
        body.put("instrument", "JCM-MNG-2041-NONE");
        body.put("quantity", 120);
        body.put("pricePerTonne", "1800.00");
        body.put("currency", "JPY");
        body.put("deliverBy", "2025-10-06T18:00:00Z");
        given().auth().oauth2(EXCHANGE).header("Idempotency-Key", "k-pt1").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/trades").then().statusCode(201).body("status", equalTo("PENDING_DELIVERY"));

        List<LedgerEvent> pended = ledger.transfer(at("10:00:00"), C, A, 120, 2041,
                TestLedger.trade(VENUE, "PT-1", "1800.00", "JPY"));
        assertThat(pended).singleElement().isInstanceOf(TransferPended.class);
        Await.applied(pended.get(0).seq());
        status("PT-1").body("status", equalTo("PENDING_DELIVERY")).body("ledgerSeq", nullValue());

        List<LedgerEvent> approved = ledger.apply(at("11:00:00"), Actor.accountHolder("second-" + SELLER, SELLER),
                new ApprovePendingTransfer(((TransferPended) pended.get(0)).pendingTransferId()));
        assertThat(approved).hasSize(2);
        assertThat(approved.get(0)).isInstanceOf(PendingTransferApproved.class);
        assertThat(approved.get(1)).isInstanceOf(PendingTransferExecuted.class);
        long executed = approved.get(1).seq();
        Await.applied(executed);
        status("PT-1").body("status", equalTo("SETTLED"))
                .body("ledgerSeq", equalTo((int) executed))
                .body("statusAt", equalTo("2025-10-06T11:00:00.000Z"));
    }
}

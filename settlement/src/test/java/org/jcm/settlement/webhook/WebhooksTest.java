package org.jcm.settlement.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.settlement.testing.TestLedger.B;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.settlement.testing.TestReceiver;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a real HTTP receiver (the JDK's HttpServer on a random port; the test setting
 * allows http://localhost): deliveries signed as Standard Webhooks says and checked here with the
 * test's own HMAC code, retried after 500s with the same webhook-id, in order per endpoint, and
 * none lost while the delivery worker is stopped. Owns vintage 2047; its endpoints belong to
 * Company B (JPN01-O0002) and venue HOOKX.
 */
@QuarkusTest
class WebhooksTest {

    static final String HOLDER_B = TestTokens.accountHolder("JPN01-O0002");
    static final Instant AT = Instant.parse("2025-09-01T10:00:00Z");
    static TestReceiver receiver;
    private static boolean issued;

    @Inject
    DeliveryWorker worker;

    @BeforeAll
    static void startTheReceiver() throws Exception {
        receiver = new TestReceiver();
    }

    @AfterAll
    static void stopTheReceiver() {
        receiver.close();
    }

    static synchronized void issueToTheSeller() {
        if (!issued) {
            TestLedger.get().issue(AT, 2047, C, 10_000);
            issued = true;
        }
        Await.caughtUp();
    }

    static JsonPath register(String token, String url, List<String> events) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", events, "description", "test endpoint"))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
    }

    /** A transfer of one tonne from Ulaanbaatar Solar to Company B; returns its seq. */
    static long transferToB() {
        List<LedgerEvent> events = TestLedger.get().transfer(AT, C, B, 1, 2047, null);
        return events.get(events.size() - 1).seq();
    }

    static JsonPath deliveries(String token, String endpoint) {
        return given().auth().oauth2(token).when().get("/api/v1/webhooks/" + endpoint + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Standard Webhooks verification, written here from the specification: HMAC-SHA256 over id.timestamp.body. */
    static boolean verifies(String secret, TestReceiver.Received request) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                (request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        for (String signature : request.signature().split(" ")) {
            if (signature.equals(expected)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void an_incoming_transfer_is_delivered_signed_and_the_signature_verifies_with_the_receivers_own_hmac()
            throws Exception {
        issueToTheSeller();
        JsonPath endpoint = register(HOLDER_B, receiver.url("/signed"), List.of("transfer.incoming"));
        String secret = endpoint.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        long seq = transferToB();
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/signed").size() == 1);
        TestReceiver.Received request = receiver.delivered("/signed").get(0);
        assertThat(request.id()).isEqualTo("ledger-" + seq + "-in");
        assertThat(verifies(secret, request)).isTrue();
        assertThat(verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), request)).isFalse();
        assertThat(Math.abs(Long.parseLong(request.timestamp()) - Instant.now().getEpochSecond())).isLessThan(300);
        JsonPath body = new JsonPath(request.body());
        assertThat(body.getString("type")).isEqualTo("transfer.incoming");
        assertThat(body.getLong("data.seq")).isEqualTo(seq);
        assertThat(body.getString("data.organizationId")).isEqualTo("JPN01-O0002");
        assertThat(body.getString("data.accountId")).isEqualTo(B.value());
        assertThat(body.getString("data.counterpartyAccountId")).isEqualTo(C.value());
        assertThat(body.getLong("data.quantity")).isEqualTo(1);
        assertThat(body.getString("data.instruments[0].instrument")).isEqualTo("JCM-MNG-2047-NONE");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(
                deliveries(HOLDER_B, endpoint.getString("id")).getString("items[0].state")));
        JsonPath log = deliveries(HOLDER_B, endpoint.getString("id"));
        assertThat(log.getList("items")).hasSize(1);
        assertThat(log.getString("items[0].messageId")).isEqualTo(request.id());
        assertThat(log.getString("items[0].payload")).isEqualTo(request.body());
        assertThat(log.getInt("items[0].attempts[0].statusCode")).isEqualTo(200);
        // Nothing of its own for the other organization's holder: the endpoint is unknown to it.
        given().auth().oauth2(TestTokens.accountHolder("JPN01-O0001")).when()
                .get("/api/v1/webhooks/" + endpoint.getString("id") + "/deliveries")
                .then().statusCode(404).body("code", equalTo("unknown_webhook"));
    }

    @Test
    void a_receiver_that_answers_500_gets_the_same_message_again_until_it_answers_200_and_the_log_shows_each_attempt()
            throws Exception {
        issueToTheSeller();
        JsonPath endpoint = register(HOLDER_B, receiver.url("/flaky"), List.of("transfer.incoming"));
        receiver.failNext("/flaky", 2);
        transferToB();
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/flaky").size() == 1);
        List<TestReceiver.Received> all = receiver.received("/flaky");
        assertThat(all).extracting(TestReceiver.Received::answered).containsExactly(500, 500, 200);
        assertThat(all).extracting(TestReceiver.Received::id).containsOnly(all.get(0).id());
        assertThat(all).extracting(TestReceiver.Received::body).containsOnly(all.get(0).body());
        for (TestReceiver.Received request : all) {
            assertThat(verifies(endpoint.getString("secret"), request)).isTrue();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(
                deliveries(HOLDER_B, endpoint.getString("id")).getString("items[0].state")));
        JsonPath log = deliveries(HOLDER_B, endpoint.getString("id"));
        assertThat(log.getList("items[0].attempts.statusCode", Integer.class)).containsExactly(500, 500, 200);
        assertThat(log.getList("items[0].attempts.attempt", Integer.class)).containsExactly(1, 2, 3);
        assertThat(log.getString("items[0].attempts[0].error")).isEqualTo("the receiver answered 500");
        assertThat(log.getString("items[0].attempts[2].error")).isNull();
    }

    @Test
    void an_endpoint_receives_its_deliveries_in_ledger_order_even_while_the_first_is_being_retried() {
        issueToTheSeller();
        register(HOLDER_B, receiver.url("/ordered"), List.of("transfer.incoming"));
        receiver.failNext("/ordered", 3);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add("ledger-" + transferToB() + "-in");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/ordered").size() == 5);
        assertThat(receiver.delivered("/ordered")).extracting(TestReceiver.Received::id).containsExactlyElementsOf(sent);
        // The first message was retried before any later one was sent at all.
        assertThat(receiver.received("/ordered")).extracting(TestReceiver.Received::id)
                .startsWith(sent.get(0), sent.get(0), sent.get(0), sent.get(0), sent.get(1));
    }

    @Test
    void deliveries_written_while_the_worker_is_stopped_are_all_sent_in_order_after_it_starts_again()
            throws Exception {
        issueToTheSeller();
        JsonPath endpoint = register(HOLDER_B, receiver.url("/restart"), List.of("transfer.incoming"));
        worker.stop();
        List<String> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                sent.add("ledger-" + transferToB() + "-in");
            }
            Await.caughtUp();
            JsonPath waiting = deliveries(HOLDER_B, endpoint.getString("id"));
            assertThat(waiting.getList("items.messageId", String.class)).containsExactlyElementsOf(sent);
            assertThat(waiting.getList("items.state", String.class)).containsOnly("PENDING");
            assertThat(waiting.getList("items.attempts")).allSatisfy(a -> assertThat((List<?>) a).isEmpty());
            assertThat(receiver.received("/restart")).isEmpty();
        } finally {
            worker.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/restart").size() == 3);
        assertThat(receiver.delivered("/restart")).extracting(TestReceiver.Received::id).containsExactlyElementsOf(sent);
    }

    @Test
    void a_settled_trade_is_delivered_to_its_venue_and_an_outgoing_transfer_to_the_seller_only_if_it_asked() {
        issueToTheSeller();
        String exchange = TestTokens.exchange("HOOKX");
        JsonPath venue = register(exchange, receiver.url("/venue"), List.of("trade.settled", "trade.failed"));
        given().auth().oauth2(exchange).when().get("/api/v1/webhooks").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(venue.getString("id")))
                .body("[0].secret", nullValue());
        String tradeId = "HK-" + System.nanoTime();
        org.jcm.settlement.testing.TestTrades.register(org.jcm.settlement.testing.TestTrades.trade("HOOKX", tradeId, C,
                B, "JCM-MNG-2047-NONE", 2, "1500.00", "JPY", Instant.parse("2099-01-01T00:00:00Z"))).statusCode(201);
        List<LedgerEvent> events = TestLedger.get().transfer(AT, C, B, 2, 2047,
                TestLedger.trade("HOOKX", tradeId, "1500.00", "JPY"));
        long seq = events.get(events.size() - 1).seq();
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/venue").size() == 1);
        JsonPath body = new JsonPath(receiver.delivered("/venue").get(0).body());
        assertThat(body.getString("type")).isEqualTo("trade.settled");
        assertThat(body.getString("data.tradeId")).isEqualTo(tradeId);
        assertThat(body.getString("data.status")).isEqualTo("SETTLED");
        assertThat(body.getLong("data.ledgerSeq")).isEqualTo(seq);
        assertThat(body.getString("data.pricePerTonne")).isEqualTo("1500.00");
    }

    @Inject
    org.jcm.settlement.messaging.LedgerConsumer consumer;

    @Test
    void a_trade_the_deadline_sweep_fails_is_delivered_to_its_venue_as_trade_failed() throws Exception {
        issueToTheSeller();
        String exchange = TestTokens.exchange("HOOKF");
        register(exchange, receiver.url("/failed"), List.of("trade.failed"));
        String tradeId = "HF-" + System.nanoTime();
        Instant deliverBy = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        org.jcm.settlement.testing.TestTrades.register(org.jcm.settlement.testing.TestTrades.trade("HOOKF", tradeId, C,
                B, "JCM-MNG-2047-NONE", 2, "900.00", "JPY", deliverBy)).statusCode(201);
        try {
            org.jcm.settlement.testing.TestClock.set(deliverBy.plus(Duration.ofMinutes(1)));
            assertThat(consumer.sweepNow()).extracting(t -> t.key().tradeId()).contains(tradeId);
        } finally {
            org.jcm.settlement.testing.TestClock.reset();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered("/failed").size() == 1);
        TestReceiver.Received request = receiver.delivered("/failed").get(0);
        JsonPath body = new JsonPath(request.body());
        assertThat(body.getString("type")).isEqualTo("trade.failed");
        assertThat(body.getString("data.tradeId")).isEqualTo(tradeId);
        assertThat(body.getString("data.status")).isEqualTo("FAILED");
        assertThat(body.getString("data.ledgerSeq")).isNull();
        assertThat(Instant.parse(body.getString("data.statusAt"))).isEqualTo(deliverBy);
        assertThat(request.id()).startsWith("trade-HOOKF-").endsWith("-failed");
    }
}

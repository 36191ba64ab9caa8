package org.jcm.registry.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.registry.write.Ledger;
import org.jcm.registry.testing.Databases;
import org.jcm.registry.testing.LedgerFixture;
import org.jcm.registry.testing.LedgerStreamProfile;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests GET /ledger/events, GET /ledger/head and POST /ledger/verify on a ledger with real events. */
@QuarkusTest
@TestProfile(LedgerStreamProfile.class)
class LedgerEndpointsTest {

    @Inject
    Ledger ledger;

    static final String AUDITOR = TestTokens.token("auditor@jcm", Set.of("auditor"), Map.of());
    static final String EXCHANGE = TestTokens.exchange("JPX");

    private long head;

    @BeforeEach
    void ledgerHasEvents() throws SQLException {
        try (LedgerFixture fixture = new LedgerFixture(ledger.writer())) {
            fixture.world();
            head = fixture.transfers(150);
        }
    }

    @Test
    void the_service_runs_on_the_ledger_stream_database() {
        assertThat(Databases.serviceJdbcUrl()).endsWith("/" + LedgerStreamProfile.DATABASE);
    }

    @Test
    void paging_through_events_returns_every_entry_once_in_order_with_a_linked_chain() {
        List<Map<String, Object>> entries = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Response response = given().auth().oauth2(AUDITOR).queryParam("limit", 100)
                    .queryParam("after", after == null ? "" : after)
                    .when().get("/api/v1/ledger/events").then()
                    .statusCode(200).contentType("application/json").extract().response();
            @SuppressWarnings("unchecked")
            Map<String, Object> page = (Map<String, Object>) Json.parse(response.asString());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            assertThat(items).hasSizeLessThanOrEqualTo(100);
            entries.addAll(items);
            after = (String) page.get("next");
            pages++;
        } while (after != null);

        assertThat(entries.size()).isGreaterThanOrEqualTo((int) head);
        assertThat(pages).isGreaterThan(1);
        String previous = HashChain.ZERO_HEX;
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> entry = entries.get(i);
            assertThat(entry.keySet()).containsExactly("seq", "prevHash", "hash", "event");
            assertThat(entry.get("seq")).isEqualTo((long) i + 1);
            assertThat(entry.get("prevHash")).isEqualTo(previous);
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>) entry.get("event");
            assertThat(event).containsKeys("seq", "type", "at", "actor").containsEntry("seq", (long) i + 1);
            String hash = HashChain.toHex(HashChain.next(HashChain.fromHex(previous), Jcs.canonicalBytes(event)));
            assertThat(entry.get("hash")).isEqualTo(hash);
            previous = hash;
        }
    }

    @Test
    void a_page_is_limited_and_its_next_cursor_is_its_last_seq() {
        given().auth().oauth2(TestTokens.operator()).queryParam("after", 5).queryParam("limit", 3)
                .when().get("/api/v1/ledger/events").then()
                .statusCode(200)
                .body("items.seq", equalTo(List.of(6, 7, 8)))
                .body("items[0].event.seq", equalTo(6))
                .body("next", equalTo("8"));
    }

    @Test
    void the_last_page_has_no_next_cursor() {
        given().auth().oauth2(AUDITOR).queryParam("after", head - 2).queryParam("limit", 1000)
                .when().get("/api/v1/ledger/events").then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("next", equalTo(null));
        given().auth().oauth2(AUDITOR).queryParam("after", head + 1000)
                .when().get("/api/v1/ledger/events").then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("next", equalTo(null));
    }

    @Test
    void without_a_limit_a_page_holds_one_hundred_entries() {
        given().auth().oauth2(AUDITOR).when().get("/api/v1/ledger/events").then()
                .statusCode(200).body("items.size()", equalTo(100)).body("next", equalTo("100"));
    }

    @Test
    void a_limit_outside_one_to_one_thousand_or_a_bad_cursor_is_refused_with_a_problem() {
        for (String[] query : new String[][] {{"limit", "0"}, {"limit", "1001"}, {"limit", "ten"}, {"after", "-1"},
                {"after", "1.5"}}) {
            given().auth().oauth2(AUDITOR).queryParam(query[0], query[1])
                    .when().get("/api/v1/ledger/events").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("invalid_field"))
                    .body("errors[0].field", equalTo(query[0]));
        }
    }

    @Test
    void events_need_the_auditor_or_operator_role() {
        given().when().get("/api/v1/ledger/events").then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthorized"));
        given().auth().oauth2(TestTokens.accountHolder("JPN01-O00001")).when().get("/api/v1/ledger/events").then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
    }

    @Test
    void an_exchange_reads_no_holder_s_events_memos_or_trades_from_the_ledger_feed() {
        // The feed carries every holder's transfers with memos and every venue's prices.
        for (String venue : List.of("JPX", "OTHERX")) {
            given().auth().oauth2(TestTokens.exchange(venue)).queryParam("limit", 1000).when().get("/api/v1/ledger/events")
                    .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        }
    }

    @Test
    void the_head_is_public_and_names_the_last_entry() {
        String lastHash = given().auth().oauth2(AUDITOR).queryParam("after", head - 1)
                .when().get("/api/v1/ledger/events").then().statusCode(200)
                .extract().path("items[0].hash");
        given().when().get("/api/v1/ledger/head").then()
                .statusCode(200).contentType("application/json")
                .body("seq", equalTo((int) head))
                .body("hash", equalTo(lastHash));
    }

    @Test
    void verification_of_an_intact_ledger_is_ok_and_counts_what_it_compared() throws SQLException {
        long parties;
        try (java.sql.Connection c = Databases.connectToService(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rows = s.executeQuery("SELECT count(*) FROM party")) {
            rows.next();
            parties = rows.getLong(1);
        }
        given().auth().oauth2(AUDITOR).when().post("/api/v1/ledger/verify").then()
                .statusCode(200).contentType("application/json")
                .body("ok", equalTo(true))
                .body("headSeq", equalTo((int) head))
                .body("eventsChecked", equalTo((int) head))
                .body("rowsCompared.account", equalTo(LedgerFixture.ACCOUNTS + 4))
                .body("rowsCompared.party", equalTo((int) parties))
                .body("rowsCompared.registry", equalTo(2))
                .body("divergence", equalTo(null));
    }

    @Test
    void verification_needs_the_auditor_role() {
        given().auth().oauth2(EXCHANGE).when().post("/api/v1/ledger/verify").then()
                .statusCode(403).body("code", equalTo("forbidden"));
    }

}

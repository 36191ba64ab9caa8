package org.jcm.registry.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.jcm.registry.testing.LedgerStreamProfile;
import org.junit.jupiter.api.Test;

/** Tests what the ledger endpoints answer before the first event. */
@QuarkusTest
@TestProfile(LedgerStreamProfile.Empty.class)
class EmptyLedgerTest {

    @Test
    void the_head_of_an_empty_ledger_is_seq_zero_and_sixty_four_zeros() {
        given().when().get("/api/v1/ledger/head").then()
                .statusCode(200)
                .body("seq", equalTo(0))
                .body("hash", equalTo("0".repeat(64)));
    }

    @Test
    void an_empty_ledger_has_an_empty_last_page() {
        given().auth().oauth2(LedgerEndpointsTest.AUDITOR).when().get("/api/v1/ledger/events").then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("next", equalTo(null));
    }

    @Test
    void an_empty_ledger_verifies() {
        given().auth().oauth2(LedgerEndpointsTest.AUDITOR).when().post("/api/v1/ledger/verify").then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("headSeq", equalTo(0))
                .body("headHash", equalTo("0".repeat(64)))
                .body("eventsChecked", equalTo(0));
    }
}

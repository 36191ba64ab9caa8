package org.jcm.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.jcm.registry.testing.LedgerApi.created;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transfer to another organization's account under the default transfer policy (the EU Union
 * Registry's: an untrusted destination needs a second holder's approval): the ledger pends it with
 * its units reserved in the source account; the source account's transactions show it, the
 * destination's and the public unit history do not, and the stored ledger still verifies.
 */
@QuarkusTest
class PendingTransferApiTest {

    @BeforeEach
    void hostRegistries() {
        LedgerApi.registry("JPN01");
        LedgerApi.registry("MNG01");
    }

    @Test
    void a_transfer_to_another_organization_pends_with_its_units_reserved_and_only_the_source_account_shows_it() {
        String[] seller = LedgerApi.holder("MNG01");
        String[] buyer = LedgerApi.holder("JPN01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        Response issued = LedgerApi.issue("MNG01", project, 2024, List.of(seller[1]), List.of(1000L));
        long first = Long.parseLong(((String) issued.path("events[1].blocks[0].serial")).split("-")[3]);
        String serial = "JCM-" + project + "-2024-" + first + "-" + (first + 249);

        Response pended = created(TestTokens.accountHolder(seller[0]), "/api/v1/transfers",
                LedgerApi.transfer(seller[1], buyer[1], 250));
        pended.then().body("id", matchesPattern("PT\\d{8}"))
                .body("events", hasSize(1))
                .body("events[0].type", equalTo("TransferPended"))
                .body("events[0].blocks[0].serial", equalTo(serial))
                .body("events[0].blocks[0].quantity", equalTo(250))
                .body("events[0].blocks[0]", not(hasKey("accountId")));
        int seq = pended.path("events[0].seq");

        assertThat(LedgerProbe.balance(seller[1])).isEqualTo(1000);
        assertThat(LedgerProbe.balance(buyer[1])).isZero();
        assertThat(LedgerProbe.verify()).isEmpty();
        given().auth().oauth2(TestTokens.accountHolder(seller[0])).when()
                .get("/api/v1/accounts/" + seller[1] + "/transactions").then().statusCode(200)
                .body("items[0].seq", equalTo(seq))
                .body("items[0].type", equalTo("TransferPended"))
                .body("items[0].event.toAccountId", equalTo(buyer[1]));
        given().auth().oauth2(TestTokens.accountHolder(buyer[0])).when()
                .get("/api/v1/accounts/" + buyer[1] + "/transactions").then().statusCode(200)
                .body("items.seq", not(hasItem(seq)));
        given().when().get("/api/v1/units/" + serial).then().statusCode(200)
                .body("history.seq", not(hasItem(seq)));
    }
}

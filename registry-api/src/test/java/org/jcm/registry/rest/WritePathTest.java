package org.jcm.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.registry.testing.LedgerApi.as;
import static org.jcm.registry.testing.LedgerApi.created;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.registry.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests the mutation endpoints end to end: each appends its events and answers with them. */
@QuarkusTest
class WritePathTest {

    @BeforeEach
    void hostRegistries() {
        LedgerApi.registry("JPN01");
        LedgerApi.registry("MNG01");
    }

    @Test
    void the_reference_parties_are_registered_with_their_cooperative_approach_ids() {
        given().when().get("/api/v1/parties").then()
                .statusCode(200)
                .body("items", hasSize(52))
                .body("items.find { it.code == 'MNG' }.cooperativeApproachId", equalTo("CA0001"))
                .body("items.find { it.code == 'IND' }.cooperativeApproachId", equalTo("CA0031"))
                .body("items.find { it.code == 'JPN' }.cooperativeApproachId", nullValue())
                .body("items.find { it.code == 'USA' }.parisAgreementParty", equalTo(false));
    }

    @Test
    void hosting_a_registry_opens_its_terminal_accounts() {
        given().when().get("/api/v1/registries").then()
                .statusCode(200)
                .body("items.id", hasItem("MNG01"))
                .body("items.find { it.id == 'MNG01' }.cancellationAccountId", equalTo("MNG01-CANCELLATION"));
    }

    @Test
    void issuing_and_transferring_answers_with_the_blocks_and_their_itmo_ids() {
        String[] seller = LedgerApi.holder("MNG01");
        String[] buyer = LedgerApi.holder("JPN01");
        String project = LedgerApi.project("MNG01", LedgerApi.projectId("MN"), List.of(seller[0]));

        Response issued = LedgerApi.issue("MNG01", project, 2024, List.of(seller[1]), List.of(1000L));
        issued.then().body("events[0].type", equalTo("CreditsIssued"))
                .body("events[0].blocks[0].accountId", equalTo(seller[1]))
                .body("events[0].blocks[0].quantity", equalTo(1000));
        String firstSerial = issued.path("events[0].blocks[0].serial");
        long first = Long.parseLong(firstSerial.split("-")[3]);

        Response moved = created(TestTokens.accountHolder(seller[0]), "/api/v1/transfers",
                LedgerApi.transfer(seller[1], buyer[1], 250));
        moved.then().body("events[0].type", equalTo("CreditsTransferred"))
                .body("events[0].blocks[0].serial", equalTo("JCM-" + project + "-2024-" + first + "-" + (first + 249)))
                .body("events[0].blocks[0].accountId", equalTo(buyer[1]))
                .body("events[0].blocks[0].quantity", equalTo(250))
                .body("events[0].blocks[0].firstItmoId", equalTo("CA0001-MNG01-MNG-" + first + "-2024"))
                .body("events[0].blocks[0].lastItmoId", equalTo("CA0001-MNG01-MNG-" + (first + 249) + "-2024"));

        assertThat(LedgerProbe.balance(seller[1])).isEqualTo(750);
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(250);
        assertThat(LedgerProbe.verify()).isEmpty();
    }
}

package org.jcm.registry.transfer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.registry.testing.LedgerApi.as;
import static org.jcm.registry.testing.LedgerApi.created;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.FourEyes;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.MovableClock;
import org.jcm.registry.testing.MovableClockProfile;
import org.jcm.registry.write.Ledger;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An organization's transfer policy (set by an administrator of its registry, the EU default until
 * then) and its trusted-account list (kept by its holders; an addition is trusted only after the
 * trusted-account delay, a removal is immediate), through the API.
 */
@QuarkusTest
@TestProfile(MovableClockProfile.class)
class TransferPolicyApiTest {

    @Inject
    Ledger ledger;

    @Inject
    MovableClock clock;

    private String[] seller;
    private String[] buyer;
    private String policy;

    @BeforeEach
    void world() {
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        seller = LedgerApi.holder("MNG01");
        buyer = LedgerApi.holder("JPN01");
        policy = "/api/v1/organizations/" + seller[0] + "/transfer-policy";
    }

    @Test
    void the_default_policy_applies_until_the_registry_administrator_sets_one() {
        given().auth().oauth2(TestTokens.accountHolder(seller[0])).when().get(policy).then().statusCode(200)
                .body("source", equalTo("DEFAULT")).body("untrustedNeedsApproval", equalTo(true))
                .body("untrustedDelay", equalTo("PT26H")).body("approvalThreshold", nullValue());

        as(TestTokens.registryAdmin("MNG01")).body(Map.of("approvalThreshold", 1000, "untrustedNeedsApproval", false,
                "untrustedDelay", "PT2H")).put(policy).then().statusCode(201).body("events[0].type", equalTo("TransferPolicySet"));

        given().auth().oauth2(TestTokens.registryAdmin("MNG01")).when().get(policy).then().statusCode(200)
                .body("source", equalTo("ORGANIZATION")).body("approvalThreshold", equalTo(1000))
                .body("untrustedNeedsApproval", equalTo(false)).body("untrustedDelay", equalTo("PT2H"))
                .body("setBy", equalTo("admin@MNG01"));
    }

    @Test
    void only_an_administrator_of_the_organizations_registry_sets_a_valid_policy() {
        Map<String, Object> body = Map.of("untrustedNeedsApproval", true, "untrustedDelay", "PT26H");
        as(TestTokens.registryAdmin("JPN01")).body(body).put(policy).then().statusCode(403)
                .body("code", equalTo("forbidden_scope"));
        as(TestTokens.accountHolder(seller[0])).body(body).put(policy).then().statusCode(403)
                .body("code", equalTo("forbidden_role"));
        as(TestTokens.registryAdmin("MNG01")).body(Map.of("untrustedNeedsApproval", true, "untrustedDelay", "26 hours"))
                .put(policy).then().statusCode(400).body("code", equalTo("invalid_field"));
        as(TestTokens.registryAdmin("MNG01")).body(Map.of("untrustedDelay", "PT26H")).put(policy).then().statusCode(400)
                .body("code", equalTo("invalid_field"));
        as(TestTokens.registryAdmin("MNG01")).body(Map.of("untrustedNeedsApproval", true, "untrustedDelay", "P400D"))
                .put(policy).then().statusCode(org.hamcrest.Matchers.either(equalTo(400)).or(equalTo(422)));
        given().auth().oauth2(TestTokens.accountHolder(buyer[0])).when().get(policy).then().statusCode(403)
                .body("code", equalTo("forbidden_scope"));
        given().auth().oauth2(TestTokens.auditor()).when().get("/api/v1/organizations/MNG01-O9999/transfer-policy").then()
                .statusCode(404).body("code", equalTo("unknown_organization"));
    }

    @Test
    void an_added_account_is_trusted_only_after_the_delay_and_then_a_transfer_to_it_executes_at_once() {
        String project = LedgerApi.project("MN", List.of(seller[0]));
        FourEyes.issue(ledger, "MNG01", project, 2024, List.of(seller[1]), List.of(500L));
        String holder = TestTokens.accountHolder(seller[0]);
        String trusted = "/api/v1/organizations/" + seller[0] + "/trusted-accounts";

        created(holder, trusted, Map.of("accountId", buyer[1])).then().body("events[0].type", equalTo("TrustedAccountAdded"))
                .body("events[0].effectiveAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(holder).when().get(trusted).then().statusCode(200).body("", hasSize(1))
                .body("[0].accountId", equalTo(buyer[1])).body("[0].status", equalTo("PENDING"));
        created(holder, "/api/v1/transfers", LedgerApi.transfer(seller[1], buyer[1], 10)).then()
                .body("events[0].type", equalTo("TransferPended"));

        clock.advance(Duration.ofDays(7));
        given().auth().oauth2(TestTokens.registryAdmin("MNG01")).when().get(trusted).then().statusCode(200)
                .body("[0].status", equalTo("TRUSTED"));
        created(holder, "/api/v1/transfers", LedgerApi.transfer(seller[1], buyer[1], 10)).then()
                .body("events[0].type", equalTo("CreditsTransferred"));

        as(holder).delete(trusted + "/" + buyer[1]).then().statusCode(201)
                .body("events[0].type", equalTo("TrustedAccountRemoved"));
        given().auth().oauth2(holder).when().get(trusted).then().statusCode(200).body("", hasSize(0));
        created(holder, "/api/v1/transfers", LedgerApi.transfer(seller[1], buyer[1], 10)).then()
                .body("events[0].type", equalTo("TransferPended"));
        as(TestTokens.accountHolder(buyer[0])).body(Map.of("accountId", seller[1])).post(trusted).then().statusCode(403)
                .body("code", equalTo("forbidden_scope"));
    }
}

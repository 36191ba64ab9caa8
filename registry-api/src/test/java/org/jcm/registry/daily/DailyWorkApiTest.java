package org.jcm.registry.daily;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jcm.ledger.command.Role;
import org.jcm.registry.security.Capabilities;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The daily API of companies and registries through HTTP: {@code GET /me}, closing an account (and
 * a closed account refusing units), an organization's issuance requests, and the organizations and
 * accounts of a registry or Party with filters and cursors.
 */
@QuarkusTest
class DailyWorkApiTest {

    private static String organization;
    private static String account;
    private static String other;
    private static String otherAccount;
    private static String prefix;

    @BeforeEach
    void world() {
        if (organization != null) {
            return;
        }
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        prefix = "Daily " + UUID.randomUUID().toString().substring(0, 8);
        organization = LedgerApi.created(TestTokens.registryAdmin("MNG01"), "/api/v1/organizations",
                Map.of("registryId", "MNG01", "name", prefix + " Trading")).path("id");
        LedgerApi.openTransfers(organization);
        account = LedgerApi.account(organization);
        other = LedgerApi.created(TestTokens.registryAdmin("MNG01"), "/api/v1/organizations",
                Map.of("registryId", "MNG01", "name", prefix.toUpperCase() + " Energy")).path("id");
        otherAccount = LedgerApi.account(other);
        String project = LedgerApi.project("MN", List.of(organization));
        LedgerApi.issue("MNG01", project, 2022, List.of(account), List.of(40L));
    }

    @Test
    void me_tells_a_holder_its_organization_its_accounts_and_what_it_may_do() {
        given().auth().oauth2(TestTokens.accountHolder(organization)).get("/api/v1/me").then().statusCode(200)
                .body("role", equalTo("account-holder"))
                .body("scope.kind", equalTo("ORGANIZATION"))
                .body("scope.id", equalTo(organization))
                .body("scope.name", equalTo(prefix + " Trading"))
                .body("scope.registryId", equalTo("MNG01"))
                .body("scope.party", equalTo("MNG"))
                .body("accounts.id", contains(account))
                .body("accounts[0].status", equalTo("OPEN"))
                .body("may", equalTo(Capabilities.of(Role.ACCOUNT_HOLDER)))
                .body("may", hasItem("POST /api/v1/retirements"));
    }

    @Test
    void me_tells_the_other_roles_their_scope_and_no_accounts() {
        given().auth().oauth2(TestTokens.registryAdmin("MNG01")).get("/api/v1/me").then().statusCode(200)
                .body("role", equalTo("registry-admin")).body("scope.kind", equalTo("REGISTRY"))
                .body("scope.id", equalTo("MNG01")).body("scope.party", equalTo("MNG")).body("accounts", nullValue())
                .body("may", hasItem("POST /api/v1/accounts/{id}/close"));
        given().auth().oauth2(TestTokens.government("JPN")).get("/api/v1/me").then().statusCode(200)
                .body("scope.kind", equalTo("PARTY")).body("scope.id", equalTo("JPN"))
                .body("may", equalTo(Capabilities.of(Role.GOVERNMENT)));
        given().auth().oauth2(TestTokens.exchange("JPX")).get("/api/v1/me").then().statusCode(200)
                .body("scope.kind", equalTo("VENUE")).body("may", equalTo(List.of("GET /api/v1/me")));
        given().auth().oauth2(TestTokens.token("auditor", Set.of("auditor"), Map.of())).get("/api/v1/me").then()
                .statusCode(200).body("role", equalTo("auditor")).body("scope", nullValue())
                .body("may", hasItem("POST /api/v1/ledger/verify"));
    }

    @Test
    void me_of_a_holder_of_an_organization_the_registry_does_not_know_has_no_accounts() {
        given().auth().oauth2(TestTokens.accountHolder("MNG01-O9999")).get("/api/v1/me").then().statusCode(200)
                .body("scope.id", equalTo("MNG01-O9999")).body("scope.name", nullValue()).body("accounts", equalTo(List.of()));
    }

    @Test
    void me_refuses_a_token_without_a_role_and_a_request_without_a_token() {
        given().auth().oauth2(TestTokens.token("nobody", Set.of("visitor"), Map.of())).get("/api/v1/me").then()
                .statusCode(403).body("code", equalTo("forbidden_role"));
        given().get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(TestTokens.token("holder", Set.of("account-holder"), Map.of())).get("/api/v1/me").then()
                .statusCode(403).body("code", equalTo("forbidden_scope"));
    }

    @Test
    void the_registry_administrator_closes_an_empty_account_and_it_refuses_incoming_units() {
        String closing = LedgerApi.account(other);
        LedgerApi.as(TestTokens.registryAdmin("MNG01")).body(Map.of("reason", "no longer used"))
                .post("/api/v1/accounts/" + closing + "/close").then().statusCode(201)
                .body("events[0].type", equalTo("AccountClosed"));
        given().auth().oauth2(TestTokens.accountHolder(other)).get("/api/v1/accounts/" + closing).then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        long before = head();
        Response refused = LedgerApi.as(TestTokens.accountHolder(organization)).body(LedgerApi.transfer(account, closing, 5))
                .post("/api/v1/transfers");
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("code")).isEqualTo("account_closed");
        assertThat(head()).isEqualTo(before);
        given().auth().oauth2(TestTokens.accountHolder(organization)).get("/api/v1/accounts/" + account).then()
                .body("totalQuantity", equalTo(40));
        // Closed for good: a second closure is refused, and the holder's /me shows it closed.
        LedgerApi.as(TestTokens.registryAdmin("MNG01")).post("/api/v1/accounts/" + closing + "/close").then().statusCode(409)
                .body("code", equalTo("account_closed"));
        given().auth().oauth2(TestTokens.accountHolder(other)).get("/api/v1/me").then()
                .body("accounts.find { it.id == '" + closing + "' }.status", equalTo("CLOSED"));
    }

    @Test
    void an_account_that_holds_units_is_not_closed_and_only_its_registrys_administrator_closes() {
        LedgerApi.as(TestTokens.registryAdmin("MNG01")).post("/api/v1/accounts/" + account + "/close").then().statusCode(409)
                .body("code", equalTo("account_not_empty"));
        LedgerApi.as(TestTokens.accountHolder(other)).post("/api/v1/accounts/" + otherAccount + "/close").then().statusCode(403)
                .body("code", equalTo("forbidden_role"));
        LedgerApi.as(TestTokens.registryAdmin("JPN01")).post("/api/v1/accounts/" + otherAccount + "/close").then()
                .statusCode(403).body("code", equalTo("forbidden_scope"));
        LedgerApi.as(TestTokens.registryAdmin("MNG01")).post("/api/v1/accounts/MNG01-H99999/close").then().statusCode(404)
                .body("code", equalTo("unknown_account"));
        given().auth().oauth2(TestTokens.accountHolder(other)).get("/api/v1/accounts/" + otherAccount).then()
                .body("status", equalTo("OPEN"));
    }

    @Test
    void a_holder_lists_its_organizations_issuance_requests_with_their_state() {
        String token = TestTokens.accountHolder(organization);
        given().auth().oauth2(token).queryParam("mine", "true").get("/api/v1/issuance-requests").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].state", equalTo("ISSUED"))
                .body("items[0].verifiedQuantity", equalTo(40))
                .body("items[0].issuedQuantity", equalTo(40))
                .body("items[0].monitoringPeriodStart", equalTo("2022-01-01"))
                .body("items[0].monitoringCycleId", not(nullValue()));
        given().auth().oauth2(TestTokens.accountHolder(other)).queryParam("mine", "true").get("/api/v1/issuance-requests")
                .then().statusCode(200).body("items", equalTo(List.of()));
        given().auth().oauth2(token).get("/api/v1/issuance-requests").then().statusCode(400)
                .body("code", equalTo("invalid_query_parameter"));
        given().auth().oauth2(TestTokens.registryAdmin("MNG01")).queryParam("mine", "true").get("/api/v1/issuance-requests")
                .then().statusCode(403).body("code", equalTo("forbidden_role"));
    }

    @Test
    void administrators_list_their_registrys_organizations_by_name_prefix_without_regard_to_case() {
        given().auth().oauth2(TestTokens.registryAdmin("MNG01")).queryParam("namePrefix", prefix.toLowerCase())
                .get("/api/v1/organizations").then().statusCode(200)
                .body("items.id", contains(organization, other))
                .body("items[0].registryId", equalTo("MNG01")).body("items[0].party", equalTo("MNG"))
                .body("items[0].accounts", equalTo(1));
        Response first = given().auth().oauth2(TestTokens.government("MNG")).queryParam("namePrefix", prefix)
                .queryParam("limit", 1).get("/api/v1/organizations");
        assertThat(first.jsonPath().getList("items.id")).containsExactly(organization);
        given().auth().oauth2(TestTokens.government("MNG")).queryParam("namePrefix", prefix).queryParam("limit", 1)
                .queryParam("after", first.jsonPath().getString("next")).get("/api/v1/organizations").then()
                .body("items.id", contains(other)).body("next", nullValue());
        // A cursor serves only the filters it was made for.
        given().auth().oauth2(TestTokens.government("MNG")).queryParam("namePrefix", "X").queryParam("after",
                first.jsonPath().getString("next")).get("/api/v1/organizations").then().statusCode(400)
                .body("code", equalTo("invalid_cursor"));
        // Another registry's administrator sees none of them; asking for MNG01 is refused.
        given().auth().oauth2(TestTokens.registryAdmin("JPN01")).queryParam("namePrefix", prefix).get("/api/v1/organizations")
                .then().statusCode(200).body("items", equalTo(List.of()));
        given().auth().oauth2(TestTokens.registryAdmin("JPN01")).queryParam("registryId", "MNG01").get("/api/v1/organizations")
                .then().statusCode(403).body("code", equalTo("forbidden_scope"));
        given().auth().oauth2(TestTokens.government("JPN")).queryParam("namePrefix", prefix).get("/api/v1/organizations")
                .then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void accounts_are_listed_with_filters_on_organization_type_status_and_name() {
        String admin = TestTokens.registryAdmin("MNG01");
        given().auth().oauth2(admin).queryParam("organizationId", organization).get("/api/v1/accounts").then().statusCode(200)
                .body("items.id", contains(account)).body("items[0].type", equalTo("HOLDING"))
                .body("items[0].organizationId", equalTo(organization));
        given().auth().oauth2(admin).queryParam("type", "RETIREMENT").get("/api/v1/accounts").then().statusCode(200)
                .body("items.type", not(hasItem("HOLDING"))).body("items.registryId", not(hasItem("JPN01")));
        given().auth().oauth2(admin).queryParam("namePrefix", "account of " + other.toLowerCase()).queryParam("status", "OPEN")
                .queryParam("frozen", "false").get("/api/v1/accounts").then().statusCode(200)
                .body("items.id", hasItem(otherAccount)).body("items.status", not(hasItem("CLOSED")));
        given().auth().oauth2(TestTokens.government("MNG")).queryParam("registryId", "MNG01")
                .queryParam("organizationId", organization).get("/api/v1/accounts").then().statusCode(200)
                .body("items.id", contains(account));
        given().auth().oauth2(TestTokens.government("JPN")).queryParam("registryId", "MNG01").get("/api/v1/accounts").then()
                .statusCode(403).body("code", equalTo("forbidden_scope"));
        given().auth().oauth2(TestTokens.accountHolder(organization)).get("/api/v1/accounts").then().statusCode(403)
                .body("code", equalTo("forbidden_role"));
        for (Map.Entry<String, String> bad : Map.of("type", "SAVINGS", "status", "FROZEN", "frozen", "yes",
                "registryId", "mng01", "organizationId", "O1", "namePrefix", "").entrySet()) {
            given().auth().oauth2(admin).queryParam(bad.getKey(), bad.getValue()).get("/api/v1/accounts").then().statusCode(400)
                    .body("code", equalTo("invalid_query_parameter")).body("errors[0].field", equalTo(bad.getKey()));
        }
    }

    private static long head() {
        return given().get("/api/v1/ledger/head").then().statusCode(200).extract().jsonPath().getLong("seq");
    }
}

package org.jcm.registry.read;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.registry.read.ReadScenario.JPN01;
import static org.jcm.registry.read.ReadScenario.MNG01;
import static org.jcm.registry.read.ReadScenario.V;
import static org.jcm.registry.read.ReadScenario.V2;
import static org.jcm.registry.read.ReadScenario.itmo;
import static org.jcm.registry.read.ReadScenario.serial;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests reading an account: its balances, its holdings in selection order and its transactions, and who may read them. */
@QuarkusTest
class AccountReadTest {

    private ReadScenario s;

    @BeforeEach
    void scenario() {
        s = ReadScenario.get();
    }

    @Test
    void the_holder_reads_its_account_with_the_balance_by_vintage_and_label() {
        read(TestTokens.accountHolder(s.orgA), "/api/v1/accounts/" + s.a1).statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(s.a1))
                .body("registryId", equalTo(MNG01))
                .body("organizationId", equalTo(s.orgA))
                .body("type", equalTo("HOLDING"))
                .body("name", equalTo("Treasury of " + s.orgA))
                .body("status", equalTo("OPEN"))
                .body("frozen", equalTo(false))
                .body("totalQuantity", equalTo(195))
                .body("balances", equalTo(List.of(
                        Map.of("vintage", V, "label", "NONE", "quantity", 165, "blockCount", 2),
                        Map.of("vintage", V2, "label", "NONE", "quantity", 30, "blockCount", 1))));
    }

    @Test
    void holdings_list_the_live_blocks_in_selection_order_with_serials_and_itmo_ids() {
        read(TestTokens.accountHolder(s.orgA), "/api/v1/accounts/" + s.a1 + "/holdings").statusCode(200)
                .body("next", nullValue())
                .body("items.serial", contains(serial(s.p1, V, 126, 250), serial(s.p2, V, 451, 490), serial(s.p1, V2, 1, 30)))
                .body("items.firstItmoId", contains(itmo(MNG01, 126, V), itmo(MNG01, 451, V), itmo(MNG01, 1, V2)))
                .body("items.lastItmoId", contains(itmo(MNG01, 250, V), itmo(MNG01, 490, V), itmo(MNG01, 30, V2)))
                .body("items.quantity", contains(125, 40, 30))
                .body("items[0].hostParty", equalTo("MNG"))
                .body("items[0].projectId", equalTo(s.p1))
                .body("items[0].vintage", equalTo(V))
                .body("items[0].firstUnit", equalTo(126))
                .body("items[0].lastUnit", equalTo(250))
                .body("items[0].issuingRegistryId", equalTo(MNG01))
                .body("items[0].status", equalTo("ACTIVE"))
                .body("items[0].label", equalTo("NONE"))
                .body("items[0].caState", equalTo("NOT_REQUIRED"))
                .body("items[0].firstTransferred", equalTo(false))
                .body("items[0]", not(hasKey("authorization")))
                .body("items[0]", not(hasKey("holder")));
    }

    @Test
    void the_itmo_ids_name_the_issuing_registry_not_the_holding_one() {
        read(TestTokens.accountHolder(s.orgJ), "/api/v1/accounts/" + s.j1 + "/holdings").statusCode(200)
                .body("items.serial", contains(serial(s.p1, V, 1, 100), serial(s.p1, V, 401, 450)))
                .body("items.issuingRegistryId", contains(MNG01, JPN01))
                .body("items.firstItmoId", contains(itmo(MNG01, 1, V), itmo(JPN01, 401, V)))
                .body("items.lastItmoId", contains(itmo(MNG01, 100, V), itmo(JPN01, 450, V)));
    }

    @Test
    void holdings_page_by_the_cursor_of_the_previous_page() {
        String token = TestTokens.accountHolder(s.orgA);
        String path = "/api/v1/accounts/" + s.a1 + "/holdings";

        List<String> serials = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", 1);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.when().get(path).then().statusCode(200).extract();
            serials.addAll(page.path("items.serial"));
            after = page.path("next");
            pages++;
        } while (after != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(serials).containsExactly(serial(s.p1, V, 126, 250), serial(s.p2, V, 451, 490), serial(s.p1, V2, 1, 30));
    }

    @Test
    void a_page_of_two_points_at_the_third_block() {
        String token = TestTokens.accountHolder(s.orgA);
        String next = given().auth().oauth2(token).queryParam("limit", 2)
                .when().get("/api/v1/accounts/" + s.a1 + "/holdings").then().statusCode(200)
                .body("items.serial", contains(serial(s.p1, V, 126, 250), serial(s.p2, V, 451, 490)))
                .extract().path("next");

        given().auth().oauth2(token).queryParam("limit", 2).queryParam("after", next)
                .when().get("/api/v1/accounts/" + s.a1 + "/holdings").then().statusCode(200)
                .body("items.serial", contains(serial(s.p1, V2, 1, 30)))
                .body("next", nullValue());
    }

    @Test
    void transactions_are_the_events_that_touched_the_account_newest_first() {
        read(TestTokens.accountHolder(s.orgA), "/api/v1/accounts/" + s.a1 + "/transactions").statusCode(200)
                .body("items.seq", contains(asInts(s.retired, s.toB, s.toJapan, s.issuedP1V2, s.proposedP1V2, s.issuedP2,
                        s.proposedP2, s.issuedP1, s.proposedP1, s.a1Opened)))
                .body("items.type", contains("CreditsRetired", "CreditsTransferred", "CreditsTransferred", "CreditsIssued",
                        "ProposalMade", "CreditsIssued", "ProposalMade", "CreditsIssued", "ProposalMade", "AccountOpened"))
                .body("next", nullValue())
                // The event is the one hashed into the ledger, with everything in it.
                .body("items[0].event.seq", equalTo((int) s.retired))
                .body("items[0].event.fromAccountId", equalTo(s.a1))
                .body("items[0].event.toAccountId", equalTo("MNG01-RETIREMENT"))
                .body("items[0].event.beneficiary", equalTo("Example Manufacturing K.K."))
                .body("items[0].event.note", equalTo("FY2071 disclosure"))
                .body("items[0].event.ranges[0].first", equalTo(121))
                .body("items[0].event.ranges[0].last", equalTo(125))
                .body("items[0].event.actor.scope", equalTo(s.orgA))
                .body("items[0].at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"))
                .body("items.findAll { it.at != it.event.at }", equalTo(List.of()));
    }

    @Test
    void transactions_oldest_first_page_by_seq() {
        String token = TestTokens.accountHolder(s.orgB);
        String path = "/api/v1/accounts/" + s.b1 + "/transactions";

        String next = given().auth().oauth2(token).queryParam("order", "oldest").queryParam("limit", 3)
                .when().get(path).then().statusCode(200)
                .body("items.seq", contains(asInts(s.b1Opened, s.proposedP1, s.issuedP1)))
                .body("items.type", contains("AccountOpened", "ProposalMade", "CreditsIssued"))
                .extract().path("next");
        given().auth().oauth2(token).queryParam("order", "oldest").queryParam("limit", 3).queryParam("after", next)
                .when().get(path).then().statusCode(200)
                .body("items.seq", contains(asInts(s.toB, s.cancelled)))
                .body("items.type", contains("CreditsTransferred", "CreditsCancelled"))
                .body("items[1].event.reason", equalTo("VOLUNTARY"))
                .body("next", nullValue());
    }

    @Test
    void a_cursor_of_one_order_is_refused_in_the_other() {
        String token = TestTokens.accountHolder(s.orgB);
        String path = "/api/v1/accounts/" + s.b1 + "/transactions";
        String newest = given().auth().oauth2(token).queryParam("limit", 1).when().get(path).then().extract().path("next");

        problem(given().auth().oauth2(token).queryParam("order", "oldest").queryParam("after", newest).when().get(path).then(),
                400, "invalid_cursor");
    }

    @Test
    void a_terminal_account_lists_the_cancelled_blocks_for_its_registry_administrator() {
        read(TestTokens.registryAdmin(MNG01), "/api/v1/accounts/MNG01-CANCELLATION").statusCode(200)
                .body("type", equalTo("CANCELLATION"))
                .body("", not(hasKey("organizationId")));
        List<Map<String, Object>> blocks = readAll(TestTokens.registryAdmin(MNG01), "/api/v1/accounts/MNG01-CANCELLATION/holdings");
        assertThat(blocks).filteredOn(b -> serial(s.p1, V, 101, 110).equals(b.get("serial")))
                .singleElement()
                .satisfies(b -> assertThat(b).containsEntry("status", "CANCELLED").containsEntry("quantity", 10));
    }

    @Test
    void a_frozen_account_reads_as_frozen() {
        String[] holder = LedgerApi.holder(MNG01);
        LedgerApi.approved(TestTokens.registryAdmin(MNG01), TestTokens.registryApprover(MNG01),
                "/api/v1/accounts/" + holder[1] + "/freeze", Map.of());

        read(TestTokens.accountHolder(holder[0]), "/api/v1/accounts/" + holder[1]).statusCode(200)
                .body("frozen", equalTo(true))
                .body("totalQuantity", equalTo(0))
                .body("balances", equalTo(List.of()));
    }

    @Test
    void the_registry_administrator_the_auditor_and_the_government_of_the_registry_s_party_may_read() {
        for (String token : List.of(TestTokens.registryAdmin(MNG01), auditor(), TestTokens.government("MNG"))) {
            read(token, "/api/v1/accounts/" + s.a1).statusCode(200).body("id", equalTo(s.a1));
            read(token, "/api/v1/accounts/" + s.a1 + "/holdings").statusCode(200);
            read(token, "/api/v1/accounts/" + s.a1 + "/transactions").statusCode(200);
        }
    }

    @Test
    void another_organization_another_registry_and_another_party_are_refused_by_scope() {
        for (String token : List.of(TestTokens.accountHolder(s.orgB), TestTokens.registryAdmin(JPN01),
                TestTokens.government("JPN"))) {
            for (String path : List.of("", "/holdings", "/transactions")) {
                problem(read(token, "/api/v1/accounts/" + s.a1 + path), 403, "forbidden_scope");
            }
        }
    }

    @Test
    void the_operator_and_exchanges_may_not_read_accounts_at_all() {
        for (String token : List.of(TestTokens.operator(), TestTokens.exchange("JPX"))) {
            for (String path : List.of("", "/holdings", "/transactions")) {
                problem(read(token, "/api/v1/accounts/" + s.a1 + path), 403, "forbidden_role");
            }
            // The role is checked first, so such a reader does not even learn which accounts exist.
            problem(read(token, "/api/v1/accounts/MNG01-H99999"), 403, "forbidden_role");
        }
    }

    @Test
    void reading_an_account_needs_a_valid_token() {
        for (String path : List.of("", "/holdings", "/transactions")) {
            problem(given().when().get("/api/v1/accounts/" + s.a1 + path).then(), 401, "unauthorized");
            problem(read(TestTokens.expired(Set.of("auditor")), "/api/v1/accounts/" + s.a1 + path), 401, "unauthorized");
            problem(read(TestTokens.signedByStranger(Set.of("auditor")), "/api/v1/accounts/" + s.a1 + path), 401, "unauthorized");
        }
    }

    @Test
    void an_unknown_account_is_404() {
        for (String path : List.of("", "/holdings", "/transactions")) {
            problem(read(auditor(), "/api/v1/accounts/MNG01-H99999" + path), 404, "unknown_account");
            problem(read(auditor(), "/api/v1/accounts/not-an-account" + path), 404, "unknown_account");
        }
    }

    @Test
    void bad_paging_and_unknown_parameters_are_400() {
        String token = TestTokens.accountHolder(s.orgA);
        String holdings = "/api/v1/accounts/" + s.a1 + "/holdings";
        problem(given().auth().oauth2(token).queryParam("limit", 0).when().get(holdings).then(), 400, "invalid_limit");
        problem(given().auth().oauth2(token).queryParam("limit", 1001).when().get(holdings).then(), 400, "invalid_limit");
        problem(given().auth().oauth2(token).queryParam("limit", "ten").when().get(holdings).then(), 400, "invalid_limit");
        problem(given().auth().oauth2(token).queryParam("after", "bogus").when().get(holdings).then(), 400, "invalid_cursor");
        problem(given().auth().oauth2(token).queryParam("lmit", 5).when().get(holdings).then(), 400, "invalid_query_parameter")
                .body("errors[0].field", equalTo("lmit"));
        problem(given().auth().oauth2(token).queryParam("limit", 5).queryParam("limit", 6).when().get(holdings).then(), 400,
                "invalid_query_parameter");
        problem(given().auth().oauth2(token).queryParam("order", "sideways")
                .when().get("/api/v1/accounts/" + s.a1 + "/transactions").then(), 400, "invalid_query_parameter")
                .body("errors[0].field", equalTo("order"));
    }

    static ValidatableResponse read(String token, String path) {
        return given().auth().oauth2(token).when().get(path).then();
    }

    static ValidatableResponse problem(ValidatableResponse response, int status, String code) {
        return response.statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
    }

    static String auditor() {
        return TestTokens.token("auditor@example", Set.of("auditor"), Map.of());
    }

    /** Every item of a paged list, following {@code next}. */
    static List<Map<String, Object>> readAll(String token, String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        String after = null;
        do {
            var request = given().auth().oauth2(token).queryParam("limit", 1000);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.when().get(path).then().statusCode(200).extract();
            items.addAll(page.path("items"));
            after = page.path("next");
        } while (after != null);
        return items;
    }

    private static Integer[] asInts(long... seqs) {
        Integer[] ints = new Integer[seqs.length];
        for (int i = 0; i < seqs.length; i++) {
            ints[i] = (int) seqs[i];
        }
        return ints;
    }
}

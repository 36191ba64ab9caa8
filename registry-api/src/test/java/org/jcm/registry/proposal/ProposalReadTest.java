package org.jcm.registry.proposal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who reads which proposal through the real API: registry administrators their registry's,
 * governments their Party's and its registries', auditors and the operator all, account holders
 * and exchanges none; the list's filters and paging.
 */
@QuarkusTest
class ProposalReadTest {

    private static String pending;
    private static String rejected;

    @BeforeEach
    void setUp() {
        if (pending == null) {
            LedgerApi.registry("MNG01");
            LedgerApi.registry("THA01");
            String[] holder = LedgerApi.holder("MNG01");
            String alice = ApproverTokens.admin("alice@MNG01", "MNG01", true);
            pending = LedgerApi.created(alice, "/api/v1/accounts/" + holder[1] + "/freeze", Map.of("reason", "read")).path("id");
            rejected = LedgerApi.created(alice, "/api/v1/accounts/" + holder[1] + "/freeze", Map.of()).path("id");
            ProposalApiTest.reject(ApproverTokens.admin("bob@MNG01", "MNG01", true), rejected, "duplicate")
                    .then().statusCode(201);
        }
    }

    private static List<String> listed(String token, String query) {
        List<String> ids = new ArrayList<>();
        String after = null;
        do {
            Response page = given().auth().oauth2(token).get("/api/v1/proposals?limit=2" + query
                    + (after == null ? "" : "&after=" + after));
            page.then().statusCode(200);
            ids.addAll(page.path("items.id"));
            after = page.path("next");
        } while (after != null);
        return ids;
    }

    @Test
    void administrators_of_the_registry_its_government_auditors_and_the_operator_read_the_proposal() {
        for (String token : List.of(TestTokens.registryAdmin("MNG01"), TestTokens.government("MNG"), TestTokens.operator(),
                TestTokens.token("auditor", java.util.Set.of("auditor"), Map.of()))) {
            Response one = given().auth().oauth2(token).get("/api/v1/proposals/" + pending);
            one.then().statusCode(200);
            assertThat(one.<String>path("kind")).isEqualTo("FREEZE");
            assertThat(one.<String>path("action.reason")).isEqualTo("read");
            assertThat(listed(token, "")).contains(pending, rejected);
        }
    }

    @Test
    void another_registry_another_party_holders_and_exchanges_read_none() {
        for (String token : List.of(TestTokens.registryAdmin("THA01"), TestTokens.government("JPN"))) {
            Response one = given().auth().oauth2(token).get("/api/v1/proposals/" + pending);
            one.then().statusCode(403).contentType("application/problem+json");
            assertThat(one.<String>path("code")).isEqualTo("forbidden_scope");
            assertThat(listed(token, "")).doesNotContain(pending, rejected);
        }
        for (String token : List.of(TestTokens.accountHolder("MNG01-O0001"), TestTokens.exchange("JPX"))) {
            Response one = given().auth().oauth2(token).get("/api/v1/proposals/" + pending);
            one.then().statusCode(403);
            assertThat(one.<String>path("code")).isEqualTo("forbidden_role");
            assertThat(given().auth().oauth2(token).get("/api/v1/proposals").<String>path("code")).isEqualTo("forbidden_role");
        }
        given().get("/api/v1/proposals").then().statusCode(401);
    }

    @Test
    void the_list_is_filtered_by_status_and_kind_and_paged_in_id_order() {
        String admin = TestTokens.registryAdmin("MNG01");
        List<String> all = listed(admin, "");
        assertThat(all).isSorted();
        List<String> pendingOnes = listed(admin, "&status=PENDING");
        assertThat(pendingOnes).contains(pending).doesNotContain(rejected);
        assertThat(listed(admin, "&status=REJECTED")).contains(rejected).doesNotContain(pending);
        assertThat(listed(admin, "&kind=FREEZE&status=PENDING")).contains(pending);
        assertThat(listed(admin, "&kind=ISSUANCE")).doesNotContain(pending, rejected);
        Response rejectedOne = given().auth().oauth2(admin).get("/api/v1/proposals/" + rejected);
        assertThat(rejectedOne.<String>path("status")).isEqualTo("REJECTED");
        assertThat(rejectedOne.<String>path("outcome.reason")).isEqualTo("duplicate");
    }

    @Test
    void bad_filters_ids_and_cursors_are_refused() {
        String admin = TestTokens.registryAdmin("MNG01");
        Response status = given().auth().oauth2(admin).get("/api/v1/proposals?status=OPEN");
        status.then().statusCode(400).contentType("application/problem+json");
        assertThat(status.<String>path("code")).isEqualTo("invalid_query_parameter");
        assertThat(given().auth().oauth2(admin).get("/api/v1/proposals?kind=MINT").<String>path("code"))
                .isEqualTo("invalid_query_parameter");
        assertThat(given().auth().oauth2(admin).get("/api/v1/proposals?colour=red").<String>path("code"))
                .isEqualTo("invalid_query_parameter");
        String next = given().auth().oauth2(admin).get("/api/v1/proposals?limit=1").path("next");
        assertThat(next).isNotNull();
        // A cursor of the unfiltered list is not one of the filtered list.
        assertThat(given().auth().oauth2(admin).get("/api/v1/proposals?status=PENDING&after=" + next).<String>path("code"))
                .isEqualTo("invalid_cursor");
        Response unknown = given().auth().oauth2(admin).get("/api/v1/proposals/PR99999999");
        unknown.then().statusCode(404);
        assertThat(unknown.<String>path("code")).isEqualTo("proposal_not_found");
        assertThat(given().auth().oauth2(admin).get("/api/v1/proposals/nope").<String>path("code")).isEqualTo("invalid_field");
    }
}

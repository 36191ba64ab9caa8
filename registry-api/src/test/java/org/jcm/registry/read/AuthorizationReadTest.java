package org.jcm.registry.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.jcm.registry.read.AccountReadTest.auditor;
import static org.jcm.registry.read.AccountReadTest.problem;
import static org.jcm.registry.read.AccountReadTest.read;
import static org.jcm.registry.read.ReadScenario.MNG01;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests the authorization reads: the list pages in id order and narrows to a Party, and a new
 * authorization reads back with its one version and nothing else. The database is shared with
 * other test classes, so the list is checked against itself and for this class's authorizations.
 */
@QuarkusTest
class AuthorizationReadTest {

    private static String first;
    private static String second;
    private static String issuance;
    private static String serial;

    @BeforeEach
    void twoAuthorizations() {
        synchronized (AuthorizationReadTest.class) {
            if (first != null) {
                return;
            }
            ReadScenario.get();
            String[] holder = LedgerApi.holder(MNG01);
            String project = LedgerApi.project("MN", List.of(holder[0]));
            Response one = LedgerApi.issue(MNG01, project, 2024, List.of(holder[1]), List.of(20L));
            Response two = LedgerApi.issue(MNG01, project, 2025, List.of(holder[1]), List.of(30L));
            String run = UUID.randomUUID().toString().substring(0, 8);
            issuance = one.path("id");
            serial = one.path("events[1].blocks[0].serial");
            first = authorize("MNG-READ-A-" + run, issuance);
            second = authorize("MNG-READ-B-" + run, two.path("id"));
        }
    }

    private static String authorize(String id, String issuanceId) {
        LedgerApi.approved(TestTokens.government("MNG"), TestTokens.governmentApprover("MNG"), "/api/v1/authorizations",
                Map.of("authorizationId", id,
                "party", "MNG", "cooperativeApproachId", "CA0001", "purpose", "NDC", "issuanceId", issuanceId));
        return id;
    }

    @Test
    void walking_the_list_one_by_one_sees_exactly_what_one_page_sees() {
        List<String> all = read(auditor(), "/api/v1/authorizations?limit=1000").statusCode(200)
                .body("next", equalTo(null)).extract().path("items.id");
        assertThat(all).contains(first, second).doesNotHaveDuplicates();

        List<String> walked = new ArrayList<>();
        String after = null;
        do {
            Response page = read(auditor(), "/api/v1/authorizations?limit=1" + (after == null ? "" : "&after=" + after))
                    .statusCode(200).extract().response();
            List<String> ids = page.path("items.id");
            assertThat(ids).hasSizeLessThanOrEqualTo(1);
            walked.addAll(ids);
            after = page.path("next");
        } while (after != null);
        assertThat(walked).isEqualTo(all);
    }

    @Test
    void the_list_takes_only_its_own_cursors_and_limits_from_1_to_1000() {
        // A cursor is opaque: an authorization id is not one.
        problem(read(auditor(), "/api/v1/authorizations?after=" + first), 400, "invalid_cursor");
        problem(read(auditor(), "/api/v1/authorizations?limit=0"), 400, "invalid_limit");
        problem(read(auditor(), "/api/v1/authorizations?limit=1001"), 400, "invalid_limit");
    }

    @Test
    void the_party_filter_lists_that_party_s_authorizations_only() {
        List<String> parties = read(TestTokens.government("JPN"), "/api/v1/authorizations?party=MNG&limit=1000")
                .statusCode(200).extract().path("items.party");
        assertThat(parties).isNotEmpty().containsOnly("MNG");
        List<String> mongolian = read(auditor(), "/api/v1/authorizations?party=MNG&limit=1000").extract().path("items.id");
        assertThat(mongolian).contains(first, second);
        List<String> thai = read(auditor(), "/api/v1/authorizations?party=THA&limit=1000").statusCode(200)
                .extract().path("items.id");
        assertThat(thai).doesNotContain(first, second);
        problem(read(auditor(), "/api/v1/authorizations?party=mongolia"), 400, "invalid_field");
    }

    @Test
    void a_new_authorization_has_one_version_with_its_units_and_no_first_transfer_or_revocation() {
        read(TestTokens.government("MNG"), "/api/v1/authorizations/" + first).statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(first))
                .body("party", equalTo("MNG"))
                .body("cooperativeApproachId", equalTo("CA0001"))
                .body("purpose", equalTo("NDC"))
                .body("$", not(hasKey("authorizedQuantity")))
                .body("version", equalTo(1))
                .body("unitCount", equalTo(20))
                .body("firstTransferredUnits", equalTo(0))
                .body("revoked", equalTo(false))
                .body("versions.version", contains(1))
                .body("versions[0].issuanceId", equalTo(issuance))
                .body("versions[0].units.serial", contains(serial))
                .body("versions[0].units[0].quantity", equalTo(20))
                .body("firstTransfers", equalTo(List.of()))
                .body("$", not(hasKey("revocation")));
    }

    @Test
    void the_list_shows_current_terms_without_history() {
        List<Map<String, Object>> items = read(auditor(), "/api/v1/authorizations?party=MNG&limit=1000").extract()
                .path("items");
        assertThat(items).filteredOn(a -> a.get("id").equals(second)).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("unitCount", 30)
                .containsEntry("version", 1)
                .containsEntry("revoked", false)
                .doesNotContainKeys("versions", "firstTransfers", "revocation"));
    }
}

package org.jcm.registry.read;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.jcm.registry.read.AccountReadTest.problem;
import static org.jcm.registry.read.ReadScenario.JPN01;
import static org.jcm.registry.read.ReadScenario.MNG01;
import static org.jcm.registry.read.ReadScenario.V;
import static org.jcm.registry.read.ReadScenario.V2;
import static org.jcm.registry.read.ReadScenario.itmo;
import static org.jcm.registry.read.ReadScenario.serial;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.RouteFixture;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests the public project endpoints: participants, issuances with their allocations, paging and 404. */
@QuarkusTest
class ProjectReadTest {

    private ReadScenario s;

    @BeforeEach
    void scenario() {
        s = ReadScenario.get();
    }

    @Test
    void a_project_shows_its_participants_and_each_issuance_with_the_serial_range_of_each_allocation() {
        String nameA = given().auth().oauth2(TestTokens.operator()).when().get("/api/v1/organizations/" + s.orgA)
                .then().statusCode(200).extract().path("name");

        given().when().get("/api/v1/projects/" + s.p1).then().statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(s.p1))
                .body("hostParty", equalTo("MNG"))
                .body("registryId", equalTo(MNG01))
                // The application's title and methodology, as the route's fixture submitted them.
                .body("title", equalTo("Project of " + s.orgA))
                .body("methodologyId", equalTo(RouteFixture.methodology("MN")))
                .body("participants", equalTo(List.of(Map.of("organizationId", s.orgA, "name", nameA))))
                .body("issuances.seq", contains((int) s.issuedP1, (int) s.issuedP1Japan, (int) s.issuedP1V2))
                .body("issuances[0].id", startsWith(s.p1 + "-" + V + "-"))
                .body("issuances[0].vintage", equalTo(V))
                .body("issuances[0].monitoringPeriodStart", equalTo(V + "-01-01"))
                .body("issuances[0].monitoringPeriodEnd", equalTo(V + "-12-31"))
                .body("issuances[0].totalQuantity", equalTo(400))
                .body("issuances[0].issuanceRequestId", equalTo(s.requestP1))
                .body("issuances[0].allocations", equalTo(List.of(
                        allocation(MNG01, serial(s.p1, V, 1, 250), itmo(MNG01, 1, V), itmo(MNG01, 250, V), 1, 250),
                        allocation(MNG01, serial(s.p1, V, 251, 400), itmo(MNG01, 251, V), itmo(MNG01, 400, V), 251, 400))))
                // Japan's share of the same decision and request, issued by JPN01 into its own account.
                .body("issuances[1].vintage", equalTo(V))
                .body("issuances[1].monitoringPeriodStart", equalTo(V + "-01-01"))
                .body("issuances[1].totalQuantity", equalTo(50))
                .body("issuances[1].issuanceRequestId", equalTo(s.requestP1))
                .body("issuances[1].allocations", equalTo(List.of(
                        allocation(JPN01, serial(s.p1, V, 401, 450), itmo(JPN01, 401, V), itmo(JPN01, 450, V), 401, 450))))
                .body("issuances[2].vintage", equalTo(V2))
                .body("issuances[2].totalQuantity", equalTo(30))
                .body("issuances[2].allocations.serial", contains(serial(s.p1, V2, 1, 30)));
    }

    @Test
    void participants_are_listed_in_registration_order() {
        given().when().get("/api/v1/projects/" + s.p2).then().statusCode(200)
                .body("participants.organizationId", contains(s.orgA, s.orgB))
                .body("issuances[0].allocations.serial", contains(serial(s.p2, V, 451, 490)));
    }

    @Test
    void the_project_list_pages_by_id_and_each_project_appears_once() {
        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            var request = given().queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.when().get("/api/v1/projects").then().statusCode(200).extract();
            List<String> ids = page.path("items.id");
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            paged.addAll(ids);
            after = page.path("next");
        } while (after != null);

        List<String> onePage = given().queryParam("limit", 1000).when().get("/api/v1/projects").then().statusCode(200)
                .extract().path("items.id");
        assertThat(paged).isEqualTo(onePage).isSorted().doesNotHaveDuplicates().contains(s.p1, s.p2);
    }

    @Test
    void the_list_shows_projects_as_fully_as_the_single_read() {
        Map<String, Object> single = given().when().get("/api/v1/projects/" + s.p1).then().extract().path("");
        List<Map<String, Object>> listed = given().queryParam("limit", 1000).when().get("/api/v1/projects").then()
                .extract().path("items.findAll { it.id == '" + s.p1 + "' }");
        assertThat(listed).containsExactly(single);
    }

    @Test
    void an_issuance_that_answers_an_issuance_request_names_it_and_a_project_without_issuances_lists_none() {
        String[] participant = LedgerApi.holder(MNG01);
        String project = LedgerApi.project("MN", List.of(participant[0]));
        given().when().get("/api/v1/projects/" + project).then().statusCode(200)
                .body("participants.organizationId", contains(participant[0]))
                .body("issuances", equalTo(List.of()));

        String requestId = LedgerApi.request(project, 2024, 100);
        LedgerApi.decide(requestId, LedgerApi.share(MNG01, 2024, List.of(participant[1]), List.of(100L)));
        String issuedAt = LedgerApi.approved(TestTokens.registryAdmin(MNG01), TestTokens.registryApprover(MNG01),
                "/api/v1/issuances", Map.of(
                "issuanceId", project + "-2024-01", "projectId", project, "monitoringPeriodStart", "2024-01-01",
                "monitoringPeriodEnd", "2024-12-31", "vintage", 2024, "totalQuantity", 100,
                "allocations", List.of(Map.of("accountId", participant[1], "quantity", 100)),
                "issuanceRequestId", requestId)).path("events[1].at");

        given().when().get("/api/v1/projects/" + project).then().statusCode(200)
                .body("issuances.id", contains(project + "-2024-01"))
                .body("issuances[0].issuanceRequestId", equalTo(requestId))
                .body("issuances[0].issuedAt", equalTo(issuedAt))
                .body("issuances[0].totalQuantity", equalTo(100))
                .body("issuances[0].allocations.registryId", contains(MNG01));
    }

    @Test
    void an_unknown_project_is_404() {
        problem(given().when().get("/api/v1/projects/ZZ998").then(), 404, "unknown_project");
        problem(given().when().get("/api/v1/projects/nonsense").then(), 404, "unknown_project");
    }

    @Test
    void bad_paging_is_400() {
        problem(given().queryParam("limit", "-1").when().get("/api/v1/projects").then(), 400, "invalid_limit");
        problem(given().queryParam("after", "eA").when().get("/api/v1/projects").then(), 400, "invalid_cursor");
        problem(given().queryParam("hostParty", "MNG").when().get("/api/v1/projects").then(), 400, "invalid_query_parameter");
    }

    private static Map<String, Object> allocation(String registryId, String serial, String firstItmoId, String lastItmoId,
                                                  int first, int last) {
        return Map.of("registryId", registryId, "serial", serial, "firstItmoId", firstItmoId, "lastItmoId", lastItmoId,
                "firstUnit", first, "lastUnit", last, "quantity", last - first + 1);
    }
}

package org.jcm.registry.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jcm.ledger.id.SectoralScope;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.RouteFixture;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The AEF tables' "Sector(s)" and "Activity type(s)" through {@code GET /api/v1/reports/aef}: a
 * Costa Rican project on the route, whose methodology is in the methodology registry, is issued, authorized by Costa Rica and first transferred to Japan; its rows in tables 2, 3 and 4
 * carry the methodology's sectoral scope and the methodology, in JSON and in CSV.
 */
@QuarkusTest
class AefSectorTest {

    static final String AUDITOR = TestTokens.auditor();

    final String authorizationId = "CRI-NDC-" + UUID.randomUUID().toString().substring(0, 8);

    /** The fixture's approved methodology of Costa Rica, which the route fixture's projects use; returns it as read back. */
    static Map<String, Object> methodology() {
        String id = RouteFixture.methodology("CR");
        return given().when().get("/api/v1/methodologies/" + id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void rows_of_units_whose_project_has_a_registered_methodology_carry_its_sector_and_activity_type() {
        Map<String, Object> methodology = methodology();
        String sector = SectoralScope.ofNumber(((Number) methodology.get("sectoralScope")).longValue()).number() + " "
                + SectoralScope.ofNumber(((Number) methodology.get("sectoralScope")).longValue()).officialName();
        String activity = methodology.get("id") + " " + methodology.get("title");

        LedgerApi.registry("CRI01");
        LedgerApi.registry("JPN01");
        String[] seller = LedgerApi.openHolder("CRI01");
        String[] buyer = LedgerApi.openHolder("JPN01");
        String project = LedgerApi.project("CR", List.of(seller[0]));
        String serial = LedgerApi.issue("CRI01", project, 2024, List.of(seller[1]), List.of(100L)).path("events[1].blocks[0].serial");
        Map<String, Object> authorization = new HashMap<>();
        authorization.put("authorizationId", authorizationId);
        authorization.put("party", "CRI");
        authorization.put("cooperativeApproachId", "CA0009");
        authorization.put("purpose", "NDC");
        authorization.put("vintages", List.of(2024));
        authorization.put("authorizedEntities", List.of("Costa Rica Chillers S.A."));
        authorization.put("serialRanges", List.of(serial));
        Response authorized = LedgerApi.approved(TestTokens.government("CRI"), TestTokens.governmentApprover("CRI"),
                "/api/v1/authorizations", authorization);
        int year = Integer.parseInt(authorized.<String>path("events[1].at").substring(0, 4));
        LedgerApi.created(TestTokens.accountHolder(seller[0]), "/api/v1/transfers", LedgerApi.transfer(seller[1], buyer[1], 40));

        for (String table : List.of("T2", "T3", "T4")) {
            List<Map<String, Object>> rows = mine(given().auth().oauth2(AUDITOR).when()
                    .get("/api/v1/reports/aef/CRI/" + year + "/" + table).then().statusCode(200).extract().jsonPath()
                    .getList("rows"));
            assertThat(rows).as(table).isNotEmpty().allSatisfy(r -> {
                assertThat(r.get("sectors")).isEqualTo(sector);
                assertThat(r.get("activityTypes")).isEqualTo(activity);
            });
        }
        String csv = given().auth().oauth2(AUDITOR).accept("text/csv").when().get("/api/v1/reports/aef/CRI/" + year + "/T4")
                .then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).contains(",Vintage,Sector(s),Activity type(s),Purposes for authorization,");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(authorizationId).contains(",2024," + sector + ","
                + activity + ",NDC,"));
    }

    private List<Map<String, Object>> mine(List<Map<String, Object>> rows) {
        return rows.stream().filter(r -> authorizationId.equals(r.get("authorizationId"))).toList();
    }
}

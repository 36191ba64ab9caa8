package org.jcm.registry.claims;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jcm.ledger.report.FiscalYear;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retirements name their beneficiary, through HTTP on a real PostgreSQL: a registered organization
 * by id (checked) or a stated name (shown as stated); every statement shows who retired, for whom
 * and how the beneficiary is known; a company's statement keeps what it retired for itself, what
 * others retired naming it and what it retired for others apart, so that a hostile account holder
 * retiring "for" another company shows up only as what it is: a retirement by the hostile
 * organization naming that company.
 */
@QuarkusTest
class RetirementClaimsApiTest {

    private static final String MNG01 = "MNG01";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String STEEL_NAME = "Example Steel " + RUN;

    /** The company: [organization, account]. */
    private static String[] steel;
    /** An account holder of another organization that retires "for" the company. */
    private static String[] hostile;
    private static String hostileName;
    private static int fiscalYear;

    /** Once per class (in the test's application, so not in a static {@code @BeforeAll}). */
    @BeforeEach
    void companies() {
        if (steel != null) {
            return;
        }
        LedgerApi.registry(MNG01);
        String steelOrg = LedgerApi.created(TestTokens.registryAdmin(MNG01), "/api/v1/organizations",
                Map.of("registryId", MNG01, "name", STEEL_NAME)).path("id");
        steel = new String[] {steelOrg, LedgerApi.account(steelOrg)};
        hostile = LedgerApi.holder(MNG01);
        hostileName = LedgerApi.as(TestTokens.registryAdmin(MNG01)).get("/api/v1/organizations/" + hostile[0])
                .then().statusCode(200).extract().path("name");
        String project = LedgerApi.project("MN", List.of(steel[0], hostile[0]));
        LedgerApi.issue(MNG01, project, 2024, List.of(steel[1], hostile[1]), List.of(500L, 500L));
        fiscalYear = FiscalYear.of(Instant.now()).year();
    }

    private static long retire(String[] holder, long quantity, Object beneficiary) {
        Map<String, Object> body = new HashMap<>(Map.of("fromAccountId", holder[1], "quantity", quantity, "purpose", "VOLUNTARY"));
        if (beneficiary != null) {
            body.put("beneficiary", beneficiary);
        }
        return ((Number) LedgerApi.created(TestTokens.accountHolder(holder[0]), "/api/v1/retirements", body)
                .path("events[0].seq")).longValue();
    }

    private static JsonPath statement(String organizationId) {
        return given().queryParam("fiscalYear", fiscalYear).when()
                .get("/api/v1/reports/organizations/" + organizationId + "/retirements")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> seqs(JsonPath statement, String list) {
        return statement.getList(list + ".rows.seq", Long.class);
    }

    @Test
    void a_hostile_holder_retiring_for_a_company_shows_only_in_its_list_of_others_naming_it_as_retired_by_the_hostile_org() {
        long own = retire(steel, 10, null);
        long ownById = retire(steel, 5, Map.of("organizationId", steel[0]));
        long ownNameStated = retire(steel, 3, Map.of("stated", STEEL_NAME));
        long attack = retire(hostile, 7, Map.of("organizationId", steel[0]));
        long attackStated = retire(hostile, 4, Map.of("stated", STEEL_NAME.toUpperCase()));

        // Other tests of this class retire for and by these organizations too: each list is checked for these seqs.
        JsonPath company = statement(steel[0]);
        assertThat(company.getString("organization.id")).isEqualTo(steel[0]);
        assertThat(company.getString("organization.name")).isEqualTo(STEEL_NAME);
        assertThat(seqs(company, "forItself")).contains(own, ownById).doesNotContain(ownNameStated, attack, attackStated);
        assertThat(seqs(company, "byOthersNamingIt")).contains(attack).doesNotContain(own, ownById, ownNameStated, attackStated);
        assertThat(seqs(company, "forOthers")).contains(ownNameStated).doesNotContain(own, ownById, attack, attackStated);
        Map<String, Object> byHostile = company.getMap("byOthersNamingIt.rows.find { it.seq == " + attack + " }");
        assertThat(byHostile).containsEntry("retiringOrganizationId", hostile[0])
                .containsEntry("retiringOrganization", hostileName)
                .containsEntry("beneficiaryKind", "ORGANIZATION")
                .containsEntry("beneficiaryOrganizationId", steel[0])
                .containsEntry("beneficiary", STEEL_NAME)
                .containsEntry("howKnown", "REGISTERED_ORGANIZATION")
                .containsEntry("quantity", 7);
        Map<String, Object> stated = company.getMap("forOthers.rows.find { it.seq == " + ownNameStated + " }");
        assertThat(stated).containsEntry("retiringOrganizationId", steel[0]).containsEntry("beneficiaryKind", "STATED")
                .containsEntry("beneficiary", STEEL_NAME).containsEntry("howKnown", "STATED_BY_RETIRING_ORGANIZATION");
        assertThat(stated.get("beneficiaryOrganizationId")).isNull();
        long total = 0;
        for (Object q : company.getList("forItself.rows.quantity")) {
            total += ((Number) q).longValue();
        }
        assertThat(company.getLong("forItself.totalQuantity")).isEqualTo(total);

        JsonPath attacker = statement(hostile[0]);
        assertThat(seqs(attacker, "forOthers")).contains(attack, attackStated);
        assertThat(seqs(attacker, "forItself")).doesNotContain(attack, attackStated);
        assertThat(seqs(attacker, "byOthersNamingIt")).isEmpty();

        String csv = given().accept("text/csv").queryParam("fiscalYear", fiscalYear).when()
                .get("/api/v1/reports/organizations/" + steel[0] + "/retirements").then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r?\n");
        assertThat(lines[0]).startsWith("List,").contains("Retiring organization ID").contains("How the beneficiary is known");
        assertThat(lines).filteredOn(l -> l.endsWith("," + attack)).singleElement()
                .satisfies(l -> assertThat(l).startsWith("BY_OTHERS_NAMING_IT,").contains(hostile[0])
                        .contains("REGISTERED_ORGANIZATION"));
        assertThat(lines).filteredOn(l -> l.endsWith("," + own)).singleElement()
                .satisfies(l -> assertThat(l).startsWith("FOR_ITSELF,"));
    }

    @Test
    void the_public_statement_by_name_matches_after_nfkc_white_space_and_case_and_says_how_each_is_known() {
        long byName = retire(hostile, 2, Map.of("stated", "  example   STEEL " + RUN + " "));
        long byId = retire(hostile, 1, Map.of("organizationId", steel[0]));
        long other = retire(hostile, 1, Map.of("stated", "Example Steelworks " + RUN));
        // Full-width letters and an ideographic space, as a Japanese keyboard writes them.
        String query = "\uff25\uff58\uff41\uff4d\uff50\uff4c\uff45\u3000\uff33\uff34\uff25\uff25\uff2c " + RUN;

        JsonPath report = given().queryParam("beneficiary", query).queryParam("fiscalYear", fiscalYear).when()
                .get("/api/v1/reports/retirements").then().statusCode(200).extract().jsonPath();

        List<Long> seqs = report.getList("rows.seq", Long.class);
        assertThat(seqs).contains(byName, byId).doesNotContain(other);
        Map<String, Object> statedRow = report.getMap("rows.find { it.seq == " + byName + " }");
        assertThat(statedRow).containsEntry("beneficiaryKind", "STATED").containsEntry("beneficiary", "  example   STEEL " + RUN + " ")
                .containsEntry("howKnown", "STATED_BY_RETIRING_ORGANIZATION").containsEntry("retiringOrganizationId", hostile[0])
                .containsEntry("retiringOrganization", hostileName);
        Map<String, Object> registeredRow = report.getMap("rows.find { it.seq == " + byId + " }");
        assertThat(registeredRow).containsEntry("beneficiaryKind", "ORGANIZATION").containsEntry("beneficiary", STEEL_NAME)
                .containsEntry("beneficiaryOrganizationId", steel[0]).containsEntry("howKnown", "REGISTERED_ORGANIZATION");

        // The newest retirements show the same columns.
        JsonPath recent = given().queryParam("limit", 200).when().get("/api/v1/reports/retirements/recent")
                .then().statusCode(200).extract().jsonPath();
        assertThat(recent.getMap("rows.find { it.seq == " + byId + " }")).containsEntry("retiringOrganizationId", hostile[0])
                .containsEntry("howKnown", "REGISTERED_ORGANIZATION");
    }

    @Test
    void a_plain_string_is_still_a_stated_beneficiary() {
        long seq = retire(steel, 1, "Old Client Co. " + RUN);

        JsonPath company = statement(steel[0]);
        Map<String, Object> row = company.getMap("forOthers.rows.find { it.seq == " + seq + " }");
        assertThat(row).containsEntry("beneficiaryKind", "STATED").containsEntry("beneficiary", "Old Client Co. " + RUN)
                .containsEntry("howKnown", "STATED_BY_RETIRING_ORGANIZATION");
    }

    @Test
    void naming_an_organization_that_is_not_registered_is_404_unknown_organization_and_retires_nothing() {
        JsonPath before = statement(steel[0]);

        given().auth().oauth2(TestTokens.accountHolder(steel[0])).contentType("application/json")
                .header("Idempotency-Key", LedgerApi.key())
                .body(Map.of("fromAccountId", steel[1], "quantity", 1, "purpose", "VOLUNTARY",
                        "beneficiary", Map.of("organizationId", "MNG01-O99999")))
                .when().post("/api/v1/retirements")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("unknown_organization"));

        assertThat(statement(steel[0]).getList("forOthers.rows.seq")).isEqualTo(before.getList("forOthers.rows.seq"));
        assertThat(statement(steel[0]).getList("forItself.rows.seq")).isEqualTo(before.getList("forItself.rows.seq"));
    }

    @Test
    void a_beneficiary_that_is_neither_one_organization_nor_one_stated_name_is_400_invalid_field() {
        refused(Map.of(), "beneficiary");
        refused(Map.of("organizationId", steel[0], "stated", "Both"), "beneficiary");
        refused(Map.of("organizationId", "not an id"), "beneficiary.organizationId");
        refused(Map.of("stated", " "), "beneficiary");
        refused(Map.of("stated", "x".repeat(201)), "beneficiary");
        refused("x".repeat(201), "beneficiary");
    }

    private static void refused(Object beneficiary, String field) {
        given().auth().oauth2(TestTokens.accountHolder(steel[0])).contentType("application/json")
                .header("Idempotency-Key", LedgerApi.key())
                .body(Map.of("fromAccountId", steel[1], "quantity", 1, "purpose", "VOLUNTARY", "beneficiary", beneficiary))
                .when().post("/api/v1/retirements")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid_field"))
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void a_company_statement_of_an_unknown_organization_is_404_and_needs_a_fiscal_year() {
        given().queryParam("fiscalYear", fiscalYear).when().get("/api/v1/reports/organizations/MNG01-O99999/retirements")
                .then().statusCode(404).body("code", equalTo("unknown_organization"));
        given().queryParam("fiscalYear", fiscalYear).when().get("/api/v1/reports/organizations/nonsense/retirements")
                .then().statusCode(404).body("code", equalTo("unknown_organization"));
        given().when().get("/api/v1/reports/organizations/" + steel[0] + "/retirements")
                .then().statusCode(400).body("code", equalTo("invalid_field"));
    }
}

package org.jcm.registry.cycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.registry.testing.RouteApi.document;
import static org.jcm.registry.testing.RouteApi.ok;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jcm.ledger.report.FiscalYear;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.registry.testing.RouteApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Serials of a multi-country project through the REST API (docs/api.md, "Serials"): project XS001
 * of first host XSA and second host XTA is issued through the route, 600 units in XSA's registry
 * in XSA's numbering and 300 in XTA's registry in XTA's own numbering, both starting at unit 1.
 * Every answer names the units of XTA's line with the host ({@code JCM-XS001-XTA-2025-1-300}) and
 * those of XSA's line without it ({@code JCM-XS001-2025-1-600}); lookups, transfers, retirements
 * and authorizations take the named form and reach the units of that line only. Parties XSA and XTA
 * and the entities TPE-1851 and TPE-1852 are this class's own.
 */
@QuarkusTest
class MultiHostSerialsApiTest {

    static final String PROJECT = "XS001";
    static final String FIRST_LINE = "JCM-XS001-2025-1-600";
    static final String SECOND_LINE = "JCM-XS001-XTA-2025-1-300";

    /** [organizationId, accountId] of the holders of each host's share; the issuance answers. Set up once. */
    static String[] first;
    static String[] second;
    static Response inFirst;
    static Response inSecond;

    @BeforeEach
    void issuedIntoBothHostsRegistries() {
        if (inSecond != null) {
            return;
        }
        partner("XSA", "XS", "CA9111");
        partner("XTA", "XT", "CA9112");
        RouteApi.methodology("XS_AM001", "XSA", 3, "APPROVED", false);
        RouteApi.entity("TPE-1851", List.of(3), List.of("XSA", "XTA"));
        RouteApi.entity("TPE-1852", List.of(3), List.of("XSA", "XTA"));
        first = LedgerApi.openHolder("XSA01");
        second = LedgerApi.openHolder("XTA01");
        String rep = TestTokens.accountHolder(first[0]);
        String base = "/api/v1/applications/" + ok(rep, "/api/v1/applications", RouteApi.application(List.of("XSA", "XTA"),
                "XS_AM001", RouteApi.privately(0), RouteApi.participants(first[0], List.of(second[0]), null),
                document(rep, "PIN")));
        ok(TestTokens.government("XSA"), base + "/project-idea-review", RouteApi.review("ACCEPT", List.of(), List.of()));
        ok(TestTokens.government("XTA"), base + "/project-idea-review", RouteApi.review("ACCEPT", List.of(), List.of()));
        ok(rep, base + "/design", Map.of("documents", document(rep, "PDD")));
        String validator = TestTokens.thirdPartyEntity("TPE-1851");
        ok(validator, base + "/validation", RouteApi.review("ACCEPT", List.of(), document(validator, "VALIDATION_REPORT")));
        ok(TestTokens.jcSecretariat("XSA"), base + "/registration-decision", RouteApi.registration("ACCEPT", List.of(),
                List.of()));
        String cycle = "/api/v1/monitoring-cycles/" + ok(rep, "/api/v1/monitoring-cycles", RouteApi.report(PROJECT,
                "2025-01-01", "2025-06-30", 900, document(rep, "MONITORING_REPORT")));
        String verifier = TestTokens.thirdPartyEntity("TPE-1852");
        ok(verifier, cycle + "/verification", RouteApi.verified(900, document(verifier, "VERIFICATION_REPORT")));
        Response requested = given().auth().oauth2(rep).header("Idempotency-Key", LedgerApi.key())
                .post(cycle + "/issuance-request");
        assertThat(requested.statusCode()).as(requested.asString()).isEqualTo(201);
        String request = requested.path("id");
        ok(TestTokens.jcSecretariat("XSA"), cycle + "/issuance-decision", RouteApi.decision(List.of(
                RouteApi.share("XSA01", "XSA", 2025, List.of(first[1]), List.of(600L)),
                RouteApi.share("XTA01", "XTA", 2025, List.of(second[1]), List.of(300L))), null,
                document(TestTokens.jcSecretariat("XSA"), "JC_DECISION")));
        inFirst = issue("XSA01", request, first[1], 600);
        inSecond = issue("XTA01", request, second[1], 300);
    }

    @Test
    void issuance_answers_and_the_project_name_the_second_hosts_line_with_its_host_and_the_first_hosts_without() {
        assertThat(inFirst.<String>path("events[1].blocks[0].serial")).isEqualTo(FIRST_LINE);
        assertThat(inSecond.<String>path("events[1].blocks[0].serial")).isEqualTo(SECOND_LINE);
        assertThat(inSecond.<String>path("events[1].blocks[0].firstItmoId")).isEqualTo("CA9112-XTA01-XTA-1-2025");

        List<String> allocations = given().get("/api/v1/projects/" + PROJECT).then().statusCode(200).extract()
                .path("issuances.allocations.flatten().serial");
        assertThat(allocations).containsExactlyInAnyOrder(FIRST_LINE, SECOND_LINE);
        List<String> blocks = given().queryParam("projectId", PROJECT).get("/api/v1/blocks").then().statusCode(200)
                .extract().path("items.serial");
        // The other tests may have split the blocks; each is in one of the two lines, and both lines are there.
        assertThat(blocks).allMatch(s -> s.startsWith("JCM-XS001-2025-") || s.startsWith("JCM-XS001-XTA-2025-"));
        assertThat(blocks).anyMatch(s -> s.startsWith("JCM-XS001-2025-")).anyMatch(s -> s.startsWith("JCM-XS001-XTA-2025-"));
    }

    @Test
    void a_lookup_by_serial_finds_the_line_the_serial_names() {
        JsonPath taiwan = unit("JCM-XS001-XTA-2025-1-300");
        assertThat(taiwan.getString("hostParty")).isEqualTo("XTA");
        assertThat(taiwan.getLong("quantity")).isEqualTo(300);
        assertThat(taiwan.getList("blocks.serial", String.class)).allMatch(s -> s.startsWith("JCM-XS001-XTA-2025-"));
        assertThat(taiwan.getString("history[0].type")).isEqualTo("CreditsIssued");
        assertThat(taiwan.getList("history[0].serials", String.class)).containsExactly(SECOND_LINE);
        assertThat(taiwan.getString("history[0].details.allocations[0].serial")).isEqualTo(SECOND_LINE);

        // Without a host, and with the first host named, a serial names the first host's line.
        for (String text : List.of("JCM-XS001-2025-1-300", "JCM-XS001-XSA-2025-1-300")) {
            JsonPath mongolia = unit(text);
            assertThat(mongolia.getString("hostParty")).as(text).isEqualTo("XSA");
            assertThat(mongolia.getLong("quantity")).as(text).isEqualTo(300);
            assertThat(mongolia.getList("blocks.serial", String.class)).as(text)
                    .allMatch(s -> s.startsWith("JCM-XS001-2025-"));
            assertThat(mongolia.getList("history[0].serials", String.class)).as(text).containsExactly(FIRST_LINE);
        }
        // A unit reference and an ITMO id of the second host's line.
        JsonPath one = unit("JCM-XS001-XTA-2025-250");
        assertThat(one.getString("hostParty")).isEqualTo("XTA");
        assertThat(one.getLong("quantity")).isEqualTo(1);
        JsonPath itmo = unit("CA9112-XTA01-XTA-250-2025");
        assertThat(itmo.getList("history[0].serials", String.class)).containsExactly(SECOND_LINE);
        // XTA's line has no unit 301; a host that is not the project's has no line of it.
        given().get("/api/v1/units/JCM-XS001-XTA-2025-301-400").then().statusCode(404).body("code", equalTo("unknown_units"));
        given().get("/api/v1/units/JCM-XS001-XMB-2025-1-10").then().statusCode(404).body("code", equalTo("unknown_units"));
    }

    @Test
    void transfers_retirements_statements_and_certificates_name_each_line_as_the_ledger_does() {
        String[] receiver = LedgerApi.holder("XSA01");
        String beneficiary = "Serial test " + UUID.randomUUID();
        // 50 units of XTA's line move to a XSA01 account that receives 10 of XSA's line too: both start at unit 1.
        Response moved = LedgerApi.created(TestTokens.accountHolder(second[0]), "/api/v1/transfers", Map.of(
                "fromAccountId", second[1], "toAccountId", receiver[1], "quantity", 50,
                "serialRanges", List.of("JCM-XS001-XTA-2025-1-50")));
        assertThat(moved.<String>path("events[0].blocks[0].serial")).isEqualTo("JCM-XS001-XTA-2025-1-50");
        LedgerApi.created(TestTokens.accountHolder(first[0]), "/api/v1/transfers", Map.of("fromAccountId", first[1],
                "toAccountId", receiver[1], "quantity", 10, "serialRanges", List.of("JCM-XS001-2025-1-10")));
        List<String> holdings = given().auth().oauth2(TestTokens.accountHolder(receiver[0]))
                .get("/api/v1/accounts/" + receiver[1] + "/holdings").then().statusCode(200).extract().path("items.serial");
        assertThat(holdings).containsExactly("JCM-XS001-2025-1-10", "JCM-XS001-XTA-2025-1-50");
        // Page by page, one block each: the cursor names the host, so the second line's block that
        // starts at the same unit is not skipped.
        List<String> paged = new java.util.ArrayList<>();
        String after = null;
        do {
            var request = given().auth().oauth2(TestTokens.accountHolder(receiver[0])).queryParam("limit", 1);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/v1/accounts/" + receiver[1] + "/holdings").then().statusCode(200).extract()
                    .jsonPath();
            paged.addAll(page.getList("items.serial"));
            after = page.getString("next");
        } while (after != null);
        assertThat(paged).isEqualTo(holdings);
        assertThat(LedgerProbe.balance(first[1])).isEqualTo(590);

        LedgerApi.openTransfers(receiver[0]);
        Response retired = LedgerApi.created(TestTokens.accountHolder(receiver[0]), "/api/v1/retirements", Map.of(
                "fromAccountId", receiver[1], "quantity", 30, "purpose", "VOLUNTARY", "beneficiary", beneficiary,
                "serialRanges", List.of("JCM-XS001-XTA-2025-1-20", "JCM-XS001-2025-1-10")));
        assertThat(retired.<List<String>>path("events[0].blocks.serial"))
                .containsExactly("JCM-XS001-XTA-2025-1-20", "JCM-XS001-2025-1-10");
        long seq = ((Number) retired.path("events[0].seq")).longValue();

        int fiscalYear = FiscalYear.of(Instant.parse(retired.path("events[0].at"))).year();
        List<String> statement = given().queryParam("beneficiary", beneficiary).queryParam("fiscalYear", fiscalYear)
                .get("/api/v1/reports/retirements").then().statusCode(200).extract().path("rows.serial");
        assertThat(statement).containsExactly("JCM-XS001-XTA-2025-1-20", "JCM-XS001-2025-1-10");
        String csv = given().accept("text/csv").queryParam("beneficiary", beneficiary).queryParam("fiscalYear", fiscalYear)
                .get("/api/v1/reports/retirements").then().statusCode(200).extract().asString();
        assertThat(csv).contains("JCM-XS001-XTA-2025-1-20").contains("JCM-XS001-2025-1-10");

        String certificate = "/api/v1/retirements/" + seq + "/certificate";
        String holder = TestTokens.accountHolder(receiver[0]);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> given().auth().oauth2(holder).get(certificate).statusCode() == 200);
        JsonPath c = given().auth().oauth2(holder).get(certificate).then().statusCode(200).extract().jsonPath();
        assertThat(c.getList("units.serial", String.class)).containsExactly("JCM-XS001-XTA-2025-1-20", "JCM-XS001-2025-1-10");
        assertThat(c.getList("units.hostParty", String.class)).containsExactly("XTA", "XSA");
        String page = given().auth().oauth2(holder).accept("text/html").get(certificate).then().statusCode(200).extract()
                .asString();
        assertThat(page).contains("JCM-XS001-XTA-2025-1-20 (20)").contains("JCM-XS001-2025-1-10 (10)");
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void the_second_hosts_government_authorizes_its_line_by_the_named_serial_and_the_authorization_shows_it() {
        String id = "XTA-NDC-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("authorizationId", id);
        body.put("party", "XTA");
        body.put("cooperativeApproachId", "CA9112");
        body.put("purpose", "NDC");
        body.put("vintages", List.of(2025));
        body.put("authorizedEntities", List.of("Serial test entity"));
        body.put("serialRanges", List.of("JCM-XS001-XTA-2025-101-150"));
        Response authorized = LedgerApi.approved(TestTokens.government("XTA"), TestTokens.governmentApprover("XTA"),
                "/api/v1/authorizations", body);
        assertThat(authorized.<String>path("events[1].type")).isEqualTo("UnitsAuthorized");
        assertThat(authorized.<String>path("events[1].blocks[0].serial")).isEqualTo("JCM-XS001-XTA-2025-101-150");
        assertThat(authorized.<String>path("events[1].blocks[0].firstItmoId")).isEqualTo("CA9112-XTA01-XTA-101-2025");

        JsonPath read = given().auth().oauth2(TestTokens.auditor()).get("/api/v1/authorizations/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(read.getList("versions[0].units.serial", String.class)).containsExactly("JCM-XS001-XTA-2025-101-150");
        // XSA's line has units 101-150 as well; they are not XTA's to authorize.
        body.put("authorizationId", id + "B");
        body.put("serialRanges", List.of("JCM-XS001-2025-101-150"));
        LedgerApi.as(TestTokens.government("XTA")).body(body).when().post("/api/v1/authorizations").then()
                .statusCode(422).body("code", equalTo("not_host_party"));
    }

    private static JsonPath unit(String text) {
        return given().get("/api/v1/units/" + text).then().statusCode(200).body("query", equalTo(text)).extract().jsonPath();
    }

    /** A partner with a cooperative approach, scope 3, and its registry. */
    private static void partner(String code, String iso2, String cooperativeApproach) {
        Map<String, Object> body = RouteApi.partyBody(code, iso2, "PARTNER", List.of(3));
        body.put("cooperativeApproachId", cooperativeApproach);
        LedgerApi.created(TestTokens.operator(), "/api/v1/parties", body);
        LedgerApi.registry(code + "01");
    }

    private static Response issue(String registry, String request, String account, long quantity) {
        return LedgerApi.approved(TestTokens.registryAdmin(registry), TestTokens.registryApprover(registry),
                "/api/v1/issuances", RouteApi.issuance(PROJECT, request, List.of(account), List.of(quantity)));
    }
}

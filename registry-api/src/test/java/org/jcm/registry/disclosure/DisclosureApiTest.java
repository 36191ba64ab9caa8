package org.jcm.registry.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.ledger.report.FiscalYear;
import org.jcm.registry.testing.Databases;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Emission records, the net disclosure statement and publications through HTTP, against the real
 * PostgreSQL and Kafka: versions are appended and chained, never rewritten; another company can
 * neither record nor read an organization's figures; a bystander reads nothing unpublished; the
 * statement shows gross, credits by purpose and corresponding-adjustment status and the net figure
 * as JSON, CSV and a printable page; and a row edited in the database is refused with 503.
 */
@QuarkusTest
class DisclosureApiTest {

    private static final int YEAR = FiscalYear.of(Instant.now()).year();

    /**
     * [organization, account, other organization]: the organization retired 100 units VOLUNTARY naming itself by id, 30
     * naming no one, 20 for its own name as stated and 5 naming the other organization; the other organization retired 7
     * naming it by id. Made once for the class.
     */
    private static String[] company;

    @BeforeEach
    void companyWithRetirements() {
        if (company == null) {
            LedgerApi.registry("MNG01");
            String[] holder = LedgerApi.openHolder("MNG01");
            String[] other = LedgerApi.openHolder("MNG01");
            String project = LedgerApi.project("MN", List.of(holder[0]));
            LedgerApi.issue("MNG01", project, 2024, List.of(holder[1]), List.of(1000L));
            String token = TestTokens.accountHolder(holder[0]);
            retire(token, holder[1], 100, Map.of("organizationId", holder[0]));
            retire(token, holder[1], 30, null);
            retire(token, holder[1], 20, Map.of("stated", "Our own operations"));
            retire(token, holder[1], 5, Map.of("organizationId", other[0]));
            LedgerApi.created(token, "/api/v1/transfers", LedgerApi.transfer(holder[1], other[1], 10));
            retire(TestTokens.accountHolder(other[0]), other[1], 7, Map.of("organizationId", holder[0]));
            company = new String[] {holder[0], holder[1], other[0]};
        }
    }

    private static void retire(String token, String account, long quantity, Map<String, String> beneficiary) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("fromAccountId", account, "quantity", quantity,
                "purpose", "VOLUNTARY"));
        if (beneficiary != null) {
            body.put("beneficiary", beneficiary);
        }
        LedgerApi.created(token, "/api/v1/retirements", body);
    }

    @Test
    void a_correction_is_a_new_version_chained_to_the_earlier_one_which_stays_as_it_was() throws Exception {
        String org = LedgerApi.organization("MNG01");
        String holder = TestTokens.accountHolder(org);
        JsonPath first = record(holder, org, figures(2020, 1000, 500, null), "k1").then().statusCode(201)
                .header("Location", endsWith("/api/v1/organizations/" + org + "/emissions/2020")).extract().jsonPath();
        assertThat(first.getInt("version")).isEqualTo(1);
        assertThat(first.getString("previousSha256")).isNull();
        assertThat(first.getString("sha256")).isEqualTo(sha256(first.getString("recordJson")));

        Map<String, Object> corrected = figures(2020, 1100, 500, 9000L);
        problem(record(holder, org, corrected, "k2"), 409, "stale_emission_record");
        corrected.put("supersedes", 1);
        JsonPath second = record(holder, org, corrected, "k3").then().statusCode(201).extract().jsonPath();
        assertThat(second.getInt("version")).isEqualTo(2);
        assertThat(second.getInt("supersedes")).isEqualTo(1);
        assertThat(second.getString("previousSha256")).isEqualTo(first.getString("sha256"));
        problem(record(holder, org, corrected, "k4"), 409, "stale_emission_record");

        // A retry with the same key and body answers the same version; with another body the key is refused.
        assertThat(record(holder, org, corrected, "k3").then().statusCode(201).extract().jsonPath().getString("sha256"))
                .isEqualTo(second.getString("sha256"));
        problem(record(holder, org, figures(2020, 1, 1, null), "k3"), 409, "idempotency_key_reused");

        JsonPath versions = given().auth().oauth2(holder).get("/api/v1/organizations/" + org + "/emissions/2020")
                .then().statusCode(200).extract().jsonPath();
        assertThat(versions.getList("items.version", Integer.class)).containsExactly(1, 2);
        assertThat(versions.getLong("items[0].scope1")).isEqualTo(1000);
        assertThat(versions.getString("items[0].sha256")).isEqualTo(first.getString("sha256"));
        assertThat(versions.getLong("items[1].scope3")).isEqualTo(9000);
        // Each signature verifies with the log's verifier key, which also verifies the checkpoints.
        NoteKeys.Verifier key = NoteKeys.verifier(versions.getString("verifierKey"));
        for (int i = 0; i < 2; i++) {
            byte[] message = ("jcm emission record v1\n" + versions.getString("items[" + i + "].sha256") + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(key.verify(message, Base64.getDecoder().decode(versions.getString("items[" + i + "].signature.value"))))
                    .isTrue();
        }
    }

    @Test
    void bad_figures_are_refused_field_by_field() {
        String org = LedgerApi.organization("MNG01");
        String holder = TestTokens.accountHolder(org);
        Map<String, Object> body = figures(2021, 10, 10, null);
        body.put("unit", "kg");
        problem(record(holder, org, body, LedgerApi.key()), 400, "invalid_field");
        body = figures(2021, -1, 10, null);
        problem(record(holder, org, body, LedgerApi.key()), 400, "invalid_field");
        body = figures(2012, 1, 10, null);
        problem(record(holder, org, body, LedgerApi.key()), 400, "invalid_field");
        body = figures(2021, 1, 10, null);
        body.put("scope2Basis", "GUESS");
        problem(record(holder, org, body, LedgerApi.key()), 400, "invalid_field");
        body = figures(2021, 1, 10, null);
        body.put("extra", true);
        problem(record(holder, org, body, LedgerApi.key()), 400, "unknown_field");
        problem(given().auth().oauth2(holder).contentType("application/json").body(figures(2021, 1, 1, null))
                .post("/api/v1/organizations/" + org + "/emissions"), 400, "idempotency_key_required");
        given().auth().oauth2(holder).get("/api/v1/organizations/" + org + "/emissions/2021").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void another_company_can_neither_record_nor_read_and_a_bystander_reads_nothing_unpublished() {
        String[] c = {LedgerApi.organization("MNG01")};
        record(TestTokens.accountHolder(c[0]), c[0], latestOr(c[0], figures(YEAR, 5000, 2000, null)), LedgerApi.key())
                .then().statusCode(201);
        String other = LedgerApi.organization("MNG01");
        String stranger = TestTokens.accountHolder(other);
        problem(record(stranger, c[0], figures(YEAR, 1, 1, null), LedgerApi.key()), 403, "forbidden_scope");
        problem(record(TestTokens.registryAdmin("MNG01"), c[0], figures(YEAR, 1, 1, null), LedgerApi.key()), 403,
                "forbidden_role");
        for (String path : List.of("/emissions/" + YEAR, "/disclosure/" + YEAR)) {
            problem(given().auth().oauth2(stranger).get("/api/v1/organizations/" + c[0] + path), 403, "forbidden_scope");
            problem(given().auth().oauth2(TestTokens.registryAdmin("JPN01")).get("/api/v1/organizations/" + c[0] + path), 403,
                    "forbidden_scope");
            problem(given().auth().oauth2(TestTokens.government("MNG")).get("/api/v1/organizations/" + c[0] + path), 403,
                    "forbidden_role");
            problem(given().auth().oauth2(TestTokens.exchange("JPX")).get("/api/v1/organizations/" + c[0] + path), 403,
                    "forbidden_role");
            problem(given().get("/api/v1/organizations/" + c[0] + path), 401, "unauthorized");
            given().auth().oauth2(TestTokens.registryAdmin("MNG01")).get("/api/v1/organizations/" + c[0] + path)
                    .then().statusCode(200);
            given().auth().oauth2(TestTokens.auditor()).get("/api/v1/organizations/" + c[0] + path).then().statusCode(200);
        }
        problem(given().get("/api/v1/publications/" + c[0] + "/" + YEAR), 404, "publication_not_found");
        problem(LedgerApi.as(stranger).body(Map.of("fiscalYear", YEAR, "scope", "USES"))
                .post("/api/v1/organizations/" + c[0] + "/publications"), 403, "forbidden_scope");
        problem(given().auth().oauth2(TestTokens.accountHolder("MNG01-O9999")).get("/api/v1/organizations/MNG01-O9999/disclosure/"
                + YEAR), 404, "unknown_organization");
    }

    @Test
    void the_statement_shows_gross_the_credits_by_purpose_and_adjustment_status_and_the_net_figure_beside_gross() {
        String[] c = company;
        String holder = TestTokens.accountHolder(c[0]);
        Map<String, Object> body = figures(YEAR, 800, 400, 7000L);
        body.put("source", "Inventory <script>alert(1)</script>");
        int version = record(holder, c[0], latestOr(c[0], body), LedgerApi.key()).then().statusCode(201).extract().path("version");

        JsonPath s = given().auth().oauth2(holder).get("/api/v1/organizations/" + c[0] + "/disclosure/" + YEAR)
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertThat(s.getString("organization.id")).isEqualTo(c[0]);
        assertThat(s.getInt("gross.version")).isEqualTo(version);
        assertThat(s.getLong("gross.scope1")).isEqualTo(800);
        assertThat(s.getLong("gross.scope3")).isEqualTo(7000);
        assertThat(s.getString("gross.versions")).isEqualTo("/api/v1/organizations/" + c[0] + "/emissions/" + YEAR);
        // Neither the 20 retired for a stated name (even its own) nor the 5 retired naming the other organization count.
        assertThat(s.getList("credits.lines.quantity", Long.class)).containsExactly(100L, 30L, 7L);
        assertThat(s.getList("credits.lines.retiringOrganization.id")).containsExactly(c[0], c[0], c[2]);
        assertThat(s.getList("credits.lines.how")).containsExactly("RETIRED_FOR_ITSELF", "RETIRED_FOR_ITSELF",
                "RETIRED_BY_ANOTHER_NAMING_IT");
        assertThat(s.getList("credits.lines.counted", Boolean.class)).containsExactly(true, true, true);
        assertThat(s.getList("credits.lines.beneficiary")).containsExactly(c[0], null, c[0]);
        long seq = s.getLong("credits.lines[0].seq");
        assertThat(s.getString("credits.lines[0].certificate")).isEqualTo("/api/v1/retirements/" + seq + "/certificate");
        assertThat(s.getString("credits.lines[0].correspondingAdjustment")).isEqualTo("NOT_AUTHORIZED");
        assertThat(s.getList("credits.byPurpose.key")).containsExactly("VOLUNTARY");
        assertThat(s.getList("credits.byPurpose.counted", Long.class)).containsExactly(137L);
        assertThat(s.getList("credits.byCorrespondingAdjustment.key")).containsExactly("NOT_AUTHORIZED");
        assertThat(s.getLong("credits.total")).isEqualTo(137);
        assertThat(s.getLong("net.grossScope1And2")).isEqualTo(1200);
        assertThat(s.getLong("net.creditsCounted")).isEqualTo(137);
        assertThat(s.getLong("net.net")).isEqualTo(1063);
        assertThat(s.getLong("net.netWithAdjustedCreditsOnly")).isEqualTo(1200);
        assertThat(s.getString("rule.id")).isEqualTo("JCM_ADJUSTED_SCOPE_1_2_V1");
        assertThat(s.getString("notice")).contains("not reduced by credits");

        String csv = given().auth().oauth2(holder).accept("text/csv").get("/api/v1/organizations/" + c[0] + "/disclosure/" + YEAR)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("Section,Item,Quantity,Unit,Detail").contains("Net,Net (adjusted) emissions,1063,t-CO2e,")
                .contains("Gross,Scope 1,800,t-CO2e").contains("Credits by purpose,VOLUNTARY,137,t-CO2e,counted 137");
        assertThat(given().auth().oauth2(holder).get("/api/v1/organizations/" + c[0] + "/disclosure/" + YEAR + "?format=csv")
                .then().statusCode(200).extract().asString()).isEqualTo(csv);
        String page = given().auth().oauth2(holder).accept("text/html").get("/api/v1/organizations/" + c[0] + "/disclosure/"
                + YEAR).then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(page).contains("@page { size: A4").contains("Inventory &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>").contains("/api/v1/retirements/" + seq + "/certificate?format=html")
                .contains("1063 t-CO2e");
        problem(given().auth().oauth2(holder).get("/api/v1/organizations/" + c[0] + "/disclosure/" + YEAR + "?format=xml"), 400,
                "unsupported_format");
    }

    @Test
    void credits_retired_for_an_oimp_or_another_partys_ndc_are_shown_but_not_netted() {
        LedgerApi.registry("MNG01");
        String[] holder = LedgerApi.openHolder("MNG01");
        String project = LedgerApi.project("MN", List.of(holder[0]));
        String issuanceId = LedgerApi.issue("MNG01", project, 2025, List.of(holder[1]), List.of(60L)).path("id");
        String authorizationId = "MNG-DISC-" + LedgerApi.key().substring(0, 8);
        LedgerApi.approved(TestTokens.government("MNG"), TestTokens.governmentApprover("MNG"), "/api/v1/authorizations",
                Map.of("authorizationId", authorizationId, "party", "MNG", "cooperativeApproachId", "CA0001",
                        "purpose", "NDC_AND_OIMP", "oimp", "CORSIA", "firstTransferDefinition", "USE_OR_CANCELLATION",
                        "issuanceId", issuanceId)).then().statusCode(201);
        String token = TestTokens.accountHolder(holder[0]);
        Map<String, String> itself = Map.of("organizationId", holder[0]);
        LedgerApi.created(token, "/api/v1/retirements", Map.of("fromAccountId", holder[1], "quantity", 10, "purpose", "NDC",
                "usingParty", "JPN", "yearOfUse", 2025, "beneficiary", itself));
        LedgerApi.created(token, "/api/v1/retirements", Map.of("fromAccountId", holder[1], "quantity", 20, "purpose", "NDC",
                "usingParty", "MNG", "yearOfUse", 2025, "beneficiary", itself));
        LedgerApi.created(token, "/api/v1/retirements", Map.of("fromAccountId", holder[1], "quantity", 25, "purpose", "OIMP",
                "beneficiary", itself));
        record(token, holder[0], figures(YEAR, 300, 100, null), LedgerApi.key()).then().statusCode(201);

        JsonPath s = given().auth().oauth2(token).get("/api/v1/organizations/" + holder[0] + "/disclosure/" + YEAR)
                .then().statusCode(200).extract().jsonPath();
        assertThat(s.getList("credits.lines.purpose")).containsExactly("NDC", "NDC", "OIMP");
        assertThat(s.getList("credits.lines.usingParty")).containsExactly("JPN", "MNG", null);
        assertThat(s.getList("credits.lines.counted", Boolean.class)).containsExactly(true, false, false);
        assertThat(s.getList("credits.lines.notCountedBecause")).containsExactly(null,
                "retired towards another Party's NDC", "retired for another international mitigation purpose (OIMP)");
        assertThat(s.getList("credits.lines.authorizationId")).containsOnly(authorizationId);
        assertThat(s.getList("credits.lines.correspondingAdjustment")).containsOnly("AUTHORIZED_NOT_ADJUSTED");
        assertThat(s.getList("credits.byPurpose.key")).containsExactly("NDC", "OIMP");
        assertThat(s.getList("credits.byPurpose.quantity", Long.class)).containsExactly(30L, 25L);
        assertThat(s.getList("credits.byPurpose.counted", Long.class)).containsExactly(10L, 0L);
        assertThat(s.getLong("net.creditsCounted")).isEqualTo(10);
        assertThat(s.getLong("net.net")).isEqualTo(390);
        // None of them is adjusted yet: a reader who counts only adjusted credits sees gross.
        assertThat(s.getLong("net.netWithAdjustedCreditsOnly")).isEqualTo(400);
    }

    @Test
    void published_uses_are_public_and_anonymized_and_a_published_statement_is_read_without_a_token() {
        String[] c = company;
        String holder = TestTokens.accountHolder(c[0]);
        Response first = LedgerApi.as(holder).body(Map.of("fiscalYear", YEAR, "scope", "USES"))
                .post("/api/v1/organizations/" + c[0] + "/publications");
        assertThat(first.statusCode()).isIn(200, 201);
        LedgerApi.as(holder).body(Map.of("fiscalYear", YEAR, "scope", "USES"))
                .post("/api/v1/organizations/" + c[0] + "/publications").then().statusCode(200);
        String uses = given().get("/api/v1/publications/" + c[0] + "/" + YEAR).then().statusCode(200).extract().asString();
        JsonPath u = JsonPath.from(uses);
        assertThat(u.getList("items.purpose")).containsExactly("VOLUNTARY", "VOLUNTARY", "VOLUNTARY");
        assertThat(u.getLong("total")).isEqualTo(137);
        assertThat(u.getList("items.vintage", Integer.class)).containsOnly(2024);
        assertThat(uses).doesNotContain(c[1]).doesNotContain(c[2]).doesNotContain("Our own operations")
                .doesNotContain("beneficiary").doesNotContain("accountId");
        // Uses only: the statement stays closed to a bystander.
        problem(given().get("/api/v1/organizations/" + c[0] + "/disclosure/" + YEAR), 401, "unauthorized");

        problem(LedgerApi.as(holder).body(Map.of("fiscalYear", YEAR, "scope", "EVERYTHING"))
                .post("/api/v1/organizations/" + c[0] + "/publications"), 400, "invalid_field");
        LedgerApi.as(holder).body(Map.of("fiscalYear", YEAR, "scope", "STATEMENT"))
                .post("/api/v1/organizations/" + c[0] + "/publications").then().statusCode(201);
        JsonPath s = given().get("/api/v1/organizations/" + c[0] + "/disclosure/" + YEAR).then().statusCode(200)
                .extract().jsonPath();
        assertThat(s.getList("published")).contains("USES", "STATEMENT");
        JsonPath v = given().get("/api/v1/organizations/" + c[0] + "/emissions/" + YEAR).then().statusCode(200).extract().jsonPath();
        assertThat(v.getList("items")).isNotEmpty();
        assertThat(v.getList("items.recordedBy")).containsOnlyNulls();
        assertThat(v.getList("items.recordJson")).containsOnlyNulls();

        JsonPath list = given().get("/api/v1/publications?limit=1000").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.organization.id")).contains(c[0]);
        assertThat(list.getList("items.scope")).contains("USES", "STATEMENT");
    }

    @Test
    void an_emission_record_edited_in_the_database_is_refused_and_the_service_role_cannot_edit_it() throws Exception {
        String org = LedgerApi.organization("MNG01");
        String holder = TestTokens.accountHolder(org);
        record(holder, org, figures(2019, 4000, 1000, null), LedgerApi.key()).then().statusCode(201);
        try (Connection c = Databases.connectToService(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE emission_record SET recorded_by = 'x' WHERE organization_id = '"
                    + org + "'")).isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        // Someone with the owner's credentials lowers scope 1 and recomputes the hash: the signature no longer verifies.
        try (Connection c = Databases.connectAsOwner()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement(); PreparedStatement update = c.prepareStatement(
                    "UPDATE emission_record SET record_json = ?, sha256 = ? WHERE organization_id = ? AND fiscal_year = 2019")) {
                String json = given().auth().oauth2(holder).get("/api/v1/organizations/" + org + "/emissions/2019")
                        .then().statusCode(200).extract().path("items[0].recordJson");
                String lowered = json.replace("\"scope1\":4000", "\"scope1\":40");
                assertThat(lowered).isNotEqualTo(json);
                s.execute("ALTER TABLE emission_record DISABLE TRIGGER emission_record_append_only");
                update.setString(1, lowered);
                update.setString(2, sha256(lowered));
                update.setString(3, org);
                assertThat(update.executeUpdate()).isEqualTo(1);
                s.execute("ALTER TABLE emission_record ENABLE TRIGGER emission_record_append_only");
            }
            c.commit();
        }
        problem(given().auth().oauth2(holder).get("/api/v1/organizations/" + org + "/emissions/2019"), 503,
                "emission_record_integrity_failure");
        problem(given().auth().oauth2(holder).get("/api/v1/organizations/" + org + "/disclosure/2019"), 503,
                "emission_record_integrity_failure");
    }

    /** The body with supersedes set to the fiscal year's latest version, if it has one. */
    private static Map<String, Object> latestOr(String org, Map<String, Object> body) {
        List<Integer> versions = given().auth().oauth2(TestTokens.accountHolder(org)).get("/api/v1/organizations/" + org
                + "/emissions/" + body.get("fiscalYear")).then().statusCode(200).extract().path("items.version");
        if (!versions.isEmpty()) {
            body.put("supersedes", versions.get(versions.size() - 1));
        }
        return body;
    }

    static Map<String, Object> figures(int year, long scope1, long scope2, Long scope3) {
        Map<String, Object> body = new HashMap<>();
        body.put("fiscalYear", year);
        body.put("scope1", scope1);
        body.put("scope2", scope2);
        body.put("scope2Basis", "MARKET");
        if (scope3 != null) {
            body.put("scope3", scope3);
        }
        body.put("unit", "t-CO2e");
        body.put("source", "FY inventory");
        body.put("assuranceReference", "Limited assurance, ISAE 3410");
        return body;
    }

    static Response record(String token, String org, Map<String, Object> body, String key) {
        return given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/v1/organizations/" + org + "/emissions");
    }

    static void problem(Response response, int status, String code) {
        response.then().statusCode(status).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("code")).as(response.asString()).isEqualTo(code);
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

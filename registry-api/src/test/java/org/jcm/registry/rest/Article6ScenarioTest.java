package org.jcm.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.jcm.registry.testing.LedgerApi.as;
import static org.jcm.registry.testing.LedgerApi.created;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jcm.ledger.report.FiscalYear;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.RouteFixture;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The Article 6.2 life cycle through the real API on a real PostgreSQL: a Mongolian project's
 * decision is issued by MNG01 and JPN01, each into its own accounts; Mongolia authorizes part of it for NDC (some of it already held in Japan)
 * and part for CORSIA (first transfer at issuance); units move to JPN01 and are partly retired for
 * Japan's NDC; Mongolia records the corresponding adjustment. Every illegal step is refused with
 * its code and changes nothing. Every block, and every AEF table 2, 3 and 4 row of the scenario's
 * authorizations, is checked. The database is shared with other test classes, so rows are
 * narrowed to this scenario's authorization ids and the totals are compared as differences.
 */
@QuarkusTest
class Article6ScenarioTest {

    static final String MNG_GOV = TestTokens.government("MNG");
    static final String JPN_GOV = TestTokens.government("JPN");
    /** A second official of Mongolia: approves what {@link #MNG_GOV} proposes. */
    static final String MNG_APPROVER = TestTokens.governmentApprover("MNG");
    static final String AUDITOR = TestTokens.token("auditor-1", Set.of("auditor"), Map.of());

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String ndc = "MNG-NDC-" + run;
    final String oimp = "MNG-CORSIA-" + run;
    final String withdrawn = "MNG-WITHDRAWN-" + run;
    final String beneficiary = "Example Manufacturing K.K. " + run;

    String project;
    String mnOrg;
    String mn;
    String jpOrg;
    String jp;
    long base;
    long base2023;
    int year;

    @Test
    void the_article_6_life_cycle_moves_every_block_forward_and_reports_every_action() {
        Map<String, Object> totalsBefore = summaryLine("MNG", 2024);
        setUp();

        // Mongolia authorizes 400 units for NDC: 300 in MNG01 and 100 already held in JPN01.
        // One official proposes (the answer locates the proposal), a second approves: the authorization exists.
        Response proposal = created(MNG_GOV, "/api/v1/authorizations", authorization(ndc, "NDC", 500L, serial(0, 299),
                serial(600, 699)));
        proposal.then().header("Location", endsWith("/api/v1/proposals/" + proposal.path("id")));
        Response authorized = LedgerApi.approve(MNG_APPROVER, proposal.path("id"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/authorizations/" + ndc).then().statusCode(200);
        authorized.then()
                .body("id", equalTo(ndc))
                .body("events[0].type", equalTo("ProposalApproved"))
                .body("events[1].type", equalTo("UnitsAuthorized"))
                .body("events[1].blocks[0].serial", equalTo(serialText(0, 299)))
                .body("events[1].blocks[0].firstItmoId", equalTo(itmo("MNG01", 0)))
                .body("events[2].type", equalTo("FirstTransferRecorded"))
                .body("events[2].blocks[0].serial", equalTo(serialText(600, 699)))
                .body("events[2].blocks[0].firstItmoId", equalTo(itmo("JPN01", 600)));
        long heldAbroadSeq = seqOf(authorized, "events[2].seq");
        year = Integer.parseInt(authorized.<String>path("events[1].at").substring(0, 4));

        refusedWithoutChange(MNG_GOV, "/api/v1/authorizations/" + ndc + "/amendments",
                Map.of("serialRanges", List.of(serialText(400, 599))), 422, "authorization_cap_exceeded");
        LedgerApi.approved(MNG_GOV, MNG_APPROVER, "/api/v1/authorizations/" + ndc + "/amendments",
                Map.of("serialRanges", List.of(serialText(400, 449)), "reason", "second tranche"))
                .then().body("events[1].type", equalTo("AuthorizationAmended"));

        // CORSIA, first transfer at issuance: the units are issued already, so it happens when the
        // proposal is approved. A retry of the proposal or of the approval with the same
        // Idempotency-Key answers the same and appends nothing.
        String key = LedgerApi.key();
        Response proposed = given().auth().oauth2(MNG_GOV).contentType("application/json").header("Idempotency-Key", key)
                .body(oimpAuthorization(serial(300, 399))).when().post("/api/v1/authorizations");
        proposed.then().statusCode(201).body("events[0].type", equalTo("ProposalMade"));
        Map<String, Object> before = ledger();
        given().auth().oauth2(MNG_GOV).contentType("application/json").header("Idempotency-Key", key)
                .body(oimpAuthorization(serial(300, 399))).when().post("/api/v1/authorizations")
                .then().statusCode(201).body(equalTo(proposed.asString()));
        assertThat(ledger()).isEqualTo(before);
        String approvalKey = LedgerApi.key();
        String approve = "/api/v1/proposals/" + proposed.path("id") + "/approve";
        Response corsia = given().auth().oauth2(MNG_APPROVER).header("Idempotency-Key", approvalKey).when().post(approve);
        corsia.then().statusCode(201).body("events[2].type", equalTo("FirstTransferRecorded"));
        long oimpSeq = seqOf(corsia, "events[2].seq");
        before = ledger();
        given().auth().oauth2(MNG_APPROVER).header("Idempotency-Key", approvalKey).when().post(approve)
                .then().statusCode(201).body(equalTo(corsia.asString()));
        assertThat(ledger()).isEqualTo(before);

        LedgerApi.approved(MNG_GOV, MNG_APPROVER, "/api/v1/authorizations", authorization(withdrawn, "NDC", null,
                serial(450, 459)));
        LedgerApi.approved(MNG_GOV, MNG_APPROVER, "/api/v1/authorizations/" + withdrawn + "/revoke",
                Map.of("reason", "project paused")).then().body("events[1].type", equalTo("AuthorizationRevoked"));

        illegalStepsAreRefusedAndChangeNothing(heldAbroadSeq);

        // 250 units move MNG01 -> JPN01: the NDC units' first transfer.
        Response moved = created(TestTokens.accountHolder(mnOrg), "/api/v1/transfers", LedgerApi.transfer(mn, jp, 250));
        moved.then().body("events[0].type", equalTo("CreditsTransferred"))
                .body("events[1].type", equalTo("FirstTransferRecorded"))
                .body("events[1].blocks[0].serial", equalTo(serialText(0, 249)));
        long transferSeq = seqOf(moved, "events[0].seq");
        long firstTransferSeq = seqOf(moved, "events[1].seq");

        // Japan uses 120 for its NDC; the default selection skips the older, unauthorized 2023 units.
        Response retired = created(TestTokens.accountHolder(jpOrg), "/api/v1/retirements", Map.of("fromAccountId", jp,
                "quantity", 120, "purpose", "NDC", "beneficiary", beneficiary, "usingParty", "JPN", "yearOfUse", year));
        retired.then().body("events[0].blocks[0].serial", equalTo(serialText(0, 119)));
        long useSeq = seqOf(retired, "events[0].seq");

        // Mongolia adjusts for the first transfer; the method is then fixed for 2021-2025 and nothing goes back.
        LedgerApi.approved(MNG_GOV, MNG_APPROVER, "/api/v1/corresponding-adjustments", adjustment("TRAJECTORY",
                "firstTransferSeqs", List.of(firstTransferSeq)))
                .then().body("events[1].type", equalTo("CorrespondingAdjustmentApplied"))
                .body("events[1].blocks[0].serial", equalTo(serialText(0, 119)))
                .body("events[1].blocks[1].serial", equalTo(serialText(120, 249)));
        refusedWithoutChange(MNG_GOV, "/api/v1/corresponding-adjustments", adjustment("TRAJECTORY", "firstTransferSeqs",
                List.of(firstTransferSeq)), 422, "ca_not_pending");
        refusedWithoutChange(MNG_GOV, "/api/v1/corresponding-adjustments", adjustment("AVERAGING", "serialRanges",
                List.of(serialText(600, 649))), 422, "ca_method_mismatch");
        LedgerApi.approved(MNG_GOV, MNG_APPROVER, "/api/v1/corresponding-adjustments", adjustment("TRAJECTORY",
                "serialRanges", List.of(serialText(600, 649))))
                .then().body("events[1].blocks[0].serial", equalTo(serialText(600, 649)));

        long returnSeq = seqOf(created(TestTokens.accountHolder(jpOrg), "/api/v1/transfers", Map.of("fromAccountId", jp,
                "toAccountId", mn, "quantity", 30, "serialRanges", List.of(serialText(120, 149)))), "events[0].seq");
        long cancelSeq = seqOf(created(TestTokens.accountHolder(mnOrg), "/api/v1/cancellations", Map.of("fromAccountId", mn,
                "quantity", 10, "serialRanges", List.of(serialText(300, 309)), "reason", "OMGE")), "events[0].seq");

        everyBlockHasItsFinalState();
        tableTwoListsEveryVersionAndTheRevocation();
        tableThreeOfMongoliaHasItsFirstTransfersAcquisitionAndCancellation(heldAbroadSeq, oimpSeq, firstTransferSeq,
                returnSeq, cancelSeq);
        tableThreeOfJapanHasItsAcquisitionsUseAndTransfer(heldAbroadSeq, transferSeq, useSeq, returnSeq);
        tableFourHoldsTheAuthorizedUnitsOfEachPartysRegistries();
        theAuthorizationShowsEveryVersionAndFirstTransfer(heldAbroadSeq, firstTransferSeq);
        theRetirementStatementListsTheRetiredSerialsWithTheirItmoIds(retired);
        theSummaryCountsTheScenariosUnits(totalsBefore);
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void a_government_reads_only_its_own_partys_aef_tables_and_others_none() {
        given().auth().oauth2(JPN_GOV).when().get("/api/v1/reports/aef/MNG/2025/T2").then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden_scope"));
        given().auth().oauth2(TestTokens.accountHolder("JPN01-O0001")).when().get("/api/v1/reports/aef/MNG/2025/T2").then()
                .statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/reports/aef/MNG/2025/T2").then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthorized"));
        given().auth().oauth2(MNG_GOV).when().get("/api/v1/reports/aef/MNG/2025/T2").then().statusCode(200);
    }

    @Test
    void a_report_with_an_unknown_table_year_or_party_is_a_bad_request() {
        given().auth().oauth2(AUDITOR).when().get("/api/v1/reports/aef/MNG/2025/T9").then()
                .statusCode(400).body("code", equalTo("invalid_field")).body("errors[0].field", equalTo("table"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/reports/aef/MNG/1999/T3").then()
                .statusCode(400).body("errors[0].field", equalTo("year"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/reports/aef/mongolia/2025/T3").then()
                .statusCode(400).body("errors[0].field", equalTo("party"));
        given().queryParam("fiscalYear", 2025).when().get("/api/v1/reports/retirements").then()
                .statusCode(400).body("errors[0].field", equalTo("beneficiary"));
        given().queryParam("beneficiary", "Someone").when().get("/api/v1/reports/retirements").then()
                .statusCode(400).body("errors[0].field", equalTo("fiscalYear"));
    }

    @Test
    void an_unknown_authorization_is_not_found_and_reading_needs_a_government_or_auditor() {
        given().auth().oauth2(AUDITOR).when().get("/api/v1/authorizations/NOPE-" + run).then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("unknown_authorization"));
        given().auth().oauth2(TestTokens.accountHolder("JPN01-O0001")).when().get("/api/v1/authorizations").then()
                .statusCode(403);
    }

    @Test
    void the_public_summary_and_statements_also_answer_in_csv() {
        String summary = given().accept("text/csv").when().get("/api/v1/reports/summary").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        assertThat(summary).startsWith("Host Party,Vintage,Issued (tCO2e),Held (tCO2e),Retired (tCO2e),Cancelled (tCO2e)\r\n");
        String statement = given().accept("text/csv").queryParam("beneficiary", "Nobody " + run).queryParam("fiscalYear", 2025)
                .when().get("/api/v1/reports/retirements").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        assertThat(statement).isEqualTo("Retirement date (JST),Retired at (UTC),Retiring organization ID,"
                + "Retiring organization,Beneficiary kind,Beneficiary organization ID,Beneficiary,"
                + "How the beneficiary is known,Registry ID,Serial,Project,"
                + "Host Party,Vintage,Quantity (tCO2e),Purpose,Using Party,Year of use,Authorization ID,"
                + "Corresponding adjustment,First ITMO ID,Last ITMO ID,Ledger sequence\r\n");
    }

    private void setUp() {
        LedgerApi.registry("JPN01");
        LedgerApi.registry("MNG01");
        String[] seller = LedgerApi.openHolder("MNG01");
        String[] buyer = LedgerApi.openHolder("JPN01");
        mnOrg = seller[0];
        mn = seller[1];
        jpOrg = buyer[0];
        jp = buyer[1];
        project = LedgerApi.project("MN", List.of(mnOrg));
        // One Joint Committee decision on one request; each side issues its share into its own registry.
        String request = LedgerApi.request(project, 2024, 1000);
        LedgerApi.decide(request, LedgerApi.share("MNG01", 2024, List.of(mn), List.of(600L)),
                LedgerApi.share("JPN01", 2024, List.of(jp), List.of(400L)));
        Response issued = LedgerApi.issueOn("MNG01", project, 2024, request, List.of(mn), List.of(600L));
        base = first(issued.path("events[1].blocks[0].serial"));
        Response japanShare = LedgerApi.issueOn("JPN01", project, 2024, request, List.of(jp), List.of(400L));
        assertThat(japanShare.<String>path("events[1].blocks[0].serial")).isEqualTo(serialText(600, 999));
        base2023 = first(LedgerApi.issue("JPN01", project, 2023, List.of(jp), List.of(100L)).path("events[1].blocks[0].serial"));
    }

    private void illegalStepsAreRefusedAndChangeNothing(long heldAbroadSeq) {
        // Japan's government cannot act for Mongolia; Thailand cannot authorize units hosted by Mongolia.
        refusedWithoutChange(JPN_GOV, "/api/v1/authorizations", authorization("JPN-" + run, "NDC", null, serial(460, 469)),
                403, "forbidden_scope");
        Map<String, Object> thai = new HashMap<>(authorization("THA-" + run, "NDC", null, serial(460, 469)));
        thai.put("party", "THA");
        thai.put("cooperativeApproachId", "CA0016");
        refusedWithoutChange(TestTokens.government("THA"), "/api/v1/authorizations", thai, 422, "not_host_party");
        // A JCM candidate (Taiwan) hosts no project yet: its agreement covers no sectoral scope.
        String applicant = TestTokens.accountHolder(mnOrg);
        refusedWithoutChange(applicant, "/api/v1/applications", Map.of("title", "Offshore wind", "hostParties", List.of("MNG", "TWN"),
                "methodologyId", RouteFixture.methodology("MN"), "financing", Map.of("kind", "PRIVATE", "japanShareBasisPoints", 0),
                "participants", Map.of("representative", mnOrg, "others", List.of()),
                "documents", RouteFixture.cite(RouteFixture.document(applicant), "PIN")), 422, "scope_not_in_agreement");
        // A Party that is not a Party to the Paris Agreement cannot use ITMOs.
        refusedWithoutChange(TestTokens.accountHolder(jpOrg), "/api/v1/retirements", Map.of("fromAccountId", jp, "quantity", 10,
                "serialRanges", List.of(serialText(600, 609)), "purpose", "NDC", "usingParty", "TWN", "yearOfUse", year),
                422, "party_not_paris_agreement_party");
        refusedWithoutChange(MNG_GOV, "/api/v1/authorizations", authorization("MNG-CAP-" + run, "NDC", 5L, serial(460, 469)),
                422, "authorization_cap_exceeded");
        refusedWithoutChange(MNG_GOV, "/api/v1/authorizations/" + ndc + "/revoke", Map.of(), 422, "already_first_transferred");
        refusedWithoutChange(MNG_GOV, "/api/v1/authorizations/" + withdrawn + "/revoke", Map.of(), 409, "authorization_revoked");
        refusedWithoutChange(MNG_GOV, "/api/v1/authorizations/nope-" + run + "/amendments", Map.of("authorizedQuantity", 10), 404,
                "unknown_authorization");
        refusedWithoutChange(MNG_GOV, "/api/v1/corresponding-adjustments", adjustment("TRAJECTORY", "serialRanges",
                List.of(serialText(0, 99))), 422, "ca_not_pending");
        refusedWithoutChange(MNG_GOV, "/api/v1/corresponding-adjustments", Map.of("party", "MNG", "year", 2023,
                "method", "TRAJECTORY", "firstTransferSeqs", List.of(heldAbroadSeq)), 422, "adjustment_year_mismatch");
        refusedWithoutChange(TestTokens.accountHolder(jpOrg), "/api/v1/retirements", Map.of("fromAccountId", jp, "quantity", 10,
                "serialRanges", List.of(serialText(700, 709)), "purpose", "NDC", "usingParty", "JPN", "yearOfUse", year),
                422, "units_not_authorized_for_purpose");
        refusedWithoutChange(TestTokens.accountHolder(mnOrg), "/api/v1/authorizations", authorization("X-" + run, "NDC", null,
                serial(460, 469)), 403, "forbidden_role");
    }

    /**
     * Posts a request that must be refused with {@code status} and {@code code} and checks that the
     * ledger (head, blocks, authorizations, methods) did not change.
     */
    private void refusedWithoutChange(String token, String path, Object body, int status, String code) {
        Map<String, Object> before = ledger();
        Response response = as(token).body(body).when().post(path);
        response.then().statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
        assertThat(ledger()).as("the ledger after a refused POST %s", path).isEqualTo(before);
    }

    private static Map<String, Object> ledger() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("head", LedgerProbe.headSeq());
        state.put("blocks", LedgerProbe.strings("SELECT host_party || '/' || vintage || '/' || first_unit || '-' || last_unit"
                + " || '/' || account_id || '/' || status || '/' || coalesce(authorization_id, '-') || '/' || ca_state"
                + " || '/' || first_transferred FROM block ORDER BY host_party, vintage, first_unit"));
        state.put("authorizations", LedgerProbe.strings("SELECT id || '/' || version || '/' || unit_count || '/'"
                + " || first_transferred_units || '/' || revoked FROM unit_authorization ORDER BY id"));
        state.put("methods", LedgerProbe.strings("SELECT party || '/' || first_year || '/' || method FROM ca_method ORDER BY 1"));
        return state;
    }

    private void everyBlockHasItsFinalState() {
        List<String> blocks = LedgerProbe.strings("SELECT vintage || ' ' || (first_unit - " + base + ") || '-' || (last_unit - "
                + base + ") || ' ' || account_id || ' ' || status || ' ' || coalesce(authorization_id, '-') || ' ' || ca_state"
                + " || ' ' || first_transferred FROM block WHERE project_id = '" + project + "' AND vintage = 2024"
                + " ORDER BY first_unit");
        assertThat(blocks).containsExactly(
                "2024 0-119 JPN01-RETIREMENT RETIRED " + ndc + " APPLIED true",
                "2024 120-149 " + mn + " ACTIVE " + ndc + " APPLIED true",
                "2024 150-249 " + jp + " ACTIVE " + ndc + " APPLIED true",
                "2024 250-299 " + mn + " ACTIVE " + ndc + " COMMITTED false",
                "2024 300-309 MNG01-CANCELLATION CANCELLED " + oimp + " PENDING true",
                "2024 310-399 " + mn + " ACTIVE " + oimp + " PENDING true",
                "2024 400-449 " + mn + " ACTIVE " + ndc + " COMMITTED false",
                "2024 450-459 " + mn + " ACTIVE - NOT_REQUIRED false",
                "2024 460-599 " + mn + " ACTIVE - NOT_REQUIRED false",
                "2024 600-649 " + jp + " ACTIVE " + ndc + " APPLIED true",
                "2024 650-699 " + jp + " ACTIVE " + ndc + " PENDING true",
                "2024 700-999 " + jp + " ACTIVE - NOT_REQUIRED false");
        assertThat(LedgerProbe.strings("SELECT first_unit || '-' || last_unit || ' ' || account_id || ' ' || ca_state FROM block"
                + " WHERE project_id = '" + project + "' AND vintage = 2023"))
                .containsExactly(base2023 + "-" + (base2023 + 99) + " " + jp + " NOT_REQUIRED");
        assertThat(LedgerProbe.strings("SELECT method FROM ca_method WHERE party = 'MNG' AND first_year = 2021"))
                .containsExactly("TRAJECTORY");
    }

    private void tableTwoListsEveryVersionAndTheRevocation() {
        List<Map<String, Object>> rows = mine(aef(MNG_GOV, "MNG", "T2"));
        assertThat(rows).extracting(r -> r.get("authorizationId"), r -> r.get("version"), r -> r.get("changes"),
                        r -> r.get("quantity"), r -> r.get("authorizedQuantity"), r -> r.get("reason"))
                .containsExactly(
                        tuple(ndc, 1, "None", 400, 500, null),
                        tuple(ndc, 2, "Amended", 50, 500, "second tranche"),
                        tuple(oimp, 1, "None", 100, null, null),
                        tuple(withdrawn, 1, "None", 10, null, null),
                        tuple(withdrawn, 1, "Revoked", 10, null, "project paused"));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("authorizingParty")).isEqualTo("MNG");
            assertThat(r.get("cooperativeApproach")).isEqualTo("CA0001");
            assertThat((String) r.get("date")).startsWith(year + "-");
            assertThat(r.get("vintages")).isEqualTo("2024");
        });
        Map<String, Object> corsiaRow = rows.get(2);
        assertThat(corsiaRow.get("purposes")).isEqualTo("OIMP");
        assertThat(corsiaRow.get("oimp")).isEqualTo("CORSIA");
        assertThat(corsiaRow.get("firstTransferDefinition")).isEqualTo("Issuance");
        assertThat(rows.get(0).get("purposes")).isEqualTo("NDC");
        assertThat(rows.get(0).get("authorizedEntities")).isEqualTo("Ulaanbaatar Solar LLC");
        assertThat(mine(aef(JPN_GOV, "JPN", "T2"))).isEmpty();
    }

    private void tableThreeOfMongoliaHasItsFirstTransfersAcquisitionAndCancellation(long heldAbroadSeq, long oimpSeq,
            long firstTransferSeq, long returnSeq, long cancelSeq) {
        List<Map<String, Object>> rows = mine(aef(MNG_GOV, "MNG", "T3"));
        assertThat(rows).extracting(r -> seq(r), r -> r.get("actionType"), r -> r.get("firstId"), r -> r.get("lastId"),
                        r -> r.get("quantity"), r -> r.get("registryId"), r -> r.get("transferringParty"),
                        r -> r.get("acquiringParty"), r -> r.get("authorizationId"), r -> r.get("purposes"),
                        r -> r.get("purposeOfUse"))
                .containsExactly(
                        tuple(heldAbroadSeq, "First transfer", itmo("JPN01", 600), itmo("JPN01", 699), 100, "JPN01", "MNG",
                                "JPN", ndc, "NDC", null),
                        tuple(oimpSeq, "First transfer", itmo("MNG01", 300), itmo("MNG01", 399), 100, "MNG01", "MNG", null,
                                oimp, "OIMP", null),
                        tuple(firstTransferSeq, "First transfer", itmo("MNG01", 0), itmo("MNG01", 249), 250, "MNG01", "MNG",
                                "JPN", ndc, "NDC", null),
                        tuple(returnSeq, "Acquisition", itmo("MNG01", 120), itmo("MNG01", 149), 30, "MNG01", "JPN", "MNG",
                                ndc, "NDC", null),
                        tuple(cancelSeq, "Cancellation", itmo("MNG01", 300), itmo("MNG01", 309), 10, "MNG01", null, null,
                                oimp, "OIMP", "OMGE"));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("firstTransferringParty")).isEqualTo("MNG");
            assertThat(r.get("cooperativeApproach")).isEqualTo("CA0001");
            assertThat(r.get("vintage")).isEqualTo(2024);
            assertThat((String) r.get("firstId")).matches("CA\\d{4}-[A-Z]{3}\\d{2}-[A-Z]{3}-[1-9]\\d*-\\d{4}");
            assertThat((String) r.get("lastId")).matches("CA\\d{4}-[A-Z]{3}\\d{2}-[A-Z]{3}-[1-9]\\d*-\\d{4}");
            assertThat((String) r.get("date")).startsWith(year + "-");
        });
    }

    private void tableThreeOfJapanHasItsAcquisitionsUseAndTransfer(long heldAbroadSeq, long transferSeq, long useSeq,
                                                                   long returnSeq) {
        List<Map<String, Object>> rows = mine(aef(JPN_GOV, "JPN", "T3"));
        assertThat(rows).extracting(r -> seq(r), r -> r.get("actionType"), r -> r.get("firstId"), r -> r.get("quantity"),
                        r -> r.get("registryId"), r -> r.get("transferringParty"), r -> r.get("acquiringParty"),
                        r -> r.get("purposeOfUse"), r -> r.get("usingPartyOrEntity"), r -> r.get("yearOfUse"))
                .containsExactly(
                        tuple(heldAbroadSeq, "Acquisition", itmo("JPN01", 600), 100, "JPN01", "MNG", "JPN", null, null, null),
                        tuple(transferSeq, "Acquisition", itmo("MNG01", 0), 250, "JPN01", "MNG", "JPN", null, null, null),
                        tuple(useSeq, "Use", itmo("MNG01", 0), 120, "JPN01", null, null, "NDC", "JPN", year),
                        tuple(returnSeq, "Transfer", itmo("MNG01", 120), 30, "JPN01", "JPN", "MNG", null, null, null));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("authorizationId")).isEqualTo(ndc));

        // The CSV form: AEF column names, the same cells.
        String csv = given().auth().oauth2(AUDITOR).accept("text/csv").when().get("/api/v1/reports/aef/JPN/" + year + "/T3")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"AEF-JPN-" + year + "-T3.csv\"")
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("Action date,Action type,Cooperative approach,Authorization ID,First transferring Party,"
                + "Registry ID,First ID,Last ID,Quantity (tCO2e),Vintage,Sector(s),Activity type(s),Transferring Party,Acquiring Party,"
                + "Purposes for authorization,Purpose of use or cancellation,Using Party or entity,Year of use,Ledger sequence");
        // Sector and activity type (after the vintage) are those of the project's methodology when it is registered.
        Map<String, Object> use = rows.get(2);
        String sectorCells = (use.get("sectors") == null ? "" : use.get("sectors")) + ","
                + (use.get("activityTypes") == null ? "" : use.get("activityTypes"));
        assertThat(lines).anySatisfy(line -> assertThat(line).endsWith(",Use,CA0001," + ndc + ",MNG,JPN01," + itmo("MNG01", 0)
                + "," + itmo("MNG01", 119) + ",120,2024," + sectorCells + ",,,NDC,NDC,JPN," + year + "," + useSeq));
    }

    private void tableFourHoldsTheAuthorizedUnitsOfEachPartysRegistries() {
        Map<String, Object> mongolia = aef(MNG_GOV, "MNG", "T4");
        assertThat(((Number) mongolia.get("asOfSeq")).longValue()).isEqualTo(LedgerProbe.headSeq());
        assertThat(mine(mongolia)).extracting(r -> r.get("accountId"), r -> r.get("firstId"), r -> r.get("lastId"),
                        r -> r.get("quantity"), r -> r.get("authorizationId"), r -> r.get("correspondingAdjustment"),
                        r -> r.get("firstTransferred"))
                .containsExactly(
                        tuple(mn, itmo("MNG01", 120), itmo("MNG01", 149), 30, ndc, "APPLIED", true),
                        tuple(mn, itmo("MNG01", 250), itmo("MNG01", 299), 50, ndc, "COMMITTED", false),
                        tuple(mn, itmo("MNG01", 310), itmo("MNG01", 399), 90, oimp, "PENDING", true),
                        tuple(mn, itmo("MNG01", 400), itmo("MNG01", 449), 50, ndc, "COMMITTED", false));
        assertThat(mine(aef(AUDITOR, "JPN", "T4"))).extracting(r -> r.get("registryId"), r -> r.get("accountId"),
                        r -> r.get("firstId"), r -> r.get("quantity"), r -> r.get("correspondingAdjustment"))
                .containsExactly(
                        tuple("JPN01", jp, itmo("MNG01", 150), 100, "APPLIED"),
                        tuple("JPN01", jp, itmo("JPN01", 600), 50, "APPLIED"),
                        tuple("JPN01", jp, itmo("JPN01", 650), 50, "PENDING"));
    }

    private void theAuthorizationShowsEveryVersionAndFirstTransfer(long heldAbroadSeq, long firstTransferSeq) {
        given().auth().oauth2(JPN_GOV).when().get("/api/v1/authorizations/" + ndc).then()
                .statusCode(200)
                .body("party", equalTo("MNG"))
                .body("purpose", equalTo("NDC"))
                .body("version", equalTo(2))
                .body("unitCount", equalTo(450))
                .body("firstTransferredUnits", equalTo(350))
                .body("revoked", equalTo(false))
                .body("versions[0].units[1].serial", equalTo(serialText(600, 699)))
                .body("versions[1].units[0].firstItmoId", equalTo(itmo("MNG01", 400)))
                .body("firstTransfers[0].seq", equalTo((int) heldAbroadSeq))
                .body("firstTransfers[0].trigger", equalTo("AUTHORIZATION_HELD_ABROAD"))
                .body("firstTransfers[1].seq", equalTo((int) firstTransferSeq))
                .body("firstTransfers[1].trigger", equalTo("INTERNATIONAL_TRANSFER"))
                .body("firstTransfers[1].acquiringParty", equalTo("JPN"))
                .body("firstTransfers[1].quantity", equalTo(250));
        given().auth().oauth2(MNG_GOV).when().get("/api/v1/authorizations/" + withdrawn).then()
                .statusCode(200)
                .body("revoked", equalTo(true))
                .body("revocation.reason", equalTo("project paused"))
                .body("revocation.units[0].serial", equalTo(serialText(450, 459)));
        List<String> listed = given().auth().oauth2(AUDITOR).queryParam("party", "MNG").queryParam("limit", 1000)
                .when().get("/api/v1/authorizations").then().statusCode(200).extract().path("items.id");
        assertThat(listed).contains(ndc, oimp, withdrawn);
    }

    private void theRetirementStatementListsTheRetiredSerialsWithTheirItmoIds(Response retired) {
        int fiscalYear = FiscalYear.of(Instant.parse(retired.path("events[0].at"))).year();
        given().queryParam("beneficiary", beneficiary).queryParam("fiscalYear", fiscalYear)
                .when().get("/api/v1/reports/retirements").then()
                .statusCode(200)
                .body("beneficiary", equalTo(beneficiary))
                .body("from", equalTo(fiscalYear + "-04-01"))
                .body("to", equalTo((fiscalYear + 1) + "-03-31"))
                .body("totalQuantity", equalTo(120))
                .body("rows.size()", equalTo(1))
                .body("rows[0].serial", equalTo(serialText(0, 119)))
                .body("rows[0].quantity", equalTo(120))
                .body("rows[0].firstItmoId", equalTo(itmo("MNG01", 0)))
                .body("rows[0].lastItmoId", equalTo(itmo("MNG01", 119)))
                .body("rows[0].purpose", equalTo("NDC"))
                .body("rows[0].usingParty", equalTo("JPN"))
                .body("rows[0].yearOfUse", equalTo(year))
                .body("rows[0].authorizationId", equalTo(ndc))
                .body("rows[0].correspondingAdjustment", equalTo("APPLIED"))
                .body("rows[0].registryId", equalTo("JPN01"));
        given().queryParam("beneficiary", beneficiary).queryParam("fiscalYear", fiscalYear - 1)
                .when().get("/api/v1/reports/retirements").then().statusCode(200).body("rows.size()", equalTo(0));
    }

    private void theSummaryCountsTheScenariosUnits(Map<String, Object> before) {
        Map<String, Object> after = summaryLine("MNG", 2024);
        assertThat(number(after, "issued") - number(before, "issued")).isEqualTo(1000);
        assertThat(number(after, "held") - number(before, "held")).isEqualTo(870);
        assertThat(number(after, "retired") - number(before, "retired")).isEqualTo(120);
        assertThat(number(after, "cancelled") - number(before, "cancelled")).isEqualTo(10);
        assertThat(number(after, "issued")).isEqualTo(LedgerProbe.longValue(
                "SELECT sum(quantity) FROM block WHERE host_party = 'MNG' AND vintage = 2024"));
    }

    // ------------------------------------------------------------------ helpers

    /** The summary line of a host Party and vintage, all zero if there is none yet. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> summaryLine(String host, int vintage) {
        List<Map<String, Object>> rows = given().when().get("/api/v1/reports/summary").then().statusCode(200)
                .extract().path("rows");
        for (Map<String, Object> row : rows) {
            if (host.equals(row.get("hostParty")) && ((Number) row.get("vintage")).intValue() == vintage) {
                return row;
            }
        }
        return Map.of("issued", 0, "held", 0, "retired", 0, "cancelled", 0);
    }

    private static long number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).longValue();
    }

    private Map<String, Object> authorization(String id, String purpose, Long cap, String... serials) {
        Map<String, Object> body = new HashMap<>();
        body.put("authorizationId", id);
        body.put("party", "MNG");
        body.put("cooperativeApproachId", "CA0001");
        body.put("purpose", purpose);
        body.put("vintages", List.of(2024));
        body.put("authorizedEntities", List.of("Ulaanbaatar Solar LLC"));
        body.put("serialRanges", List.of(serials));
        if (cap != null) {
            body.put("authorizedQuantity", cap);
        }
        return body;
    }

    private Map<String, Object> oimpAuthorization(String... serials) {
        Map<String, Object> body = authorization(oimp, "OIMP", null, serials);
        body.put("oimp", "CORSIA");
        body.put("firstTransferDefinition", "ISSUANCE");
        return body;
    }

    private static Map<String, Object> adjustment(String method, String by, List<?> units) {
        return Map.of("party", "MNG", "year", 2024, "method", method, by, units);
    }

    private Map<String, Object> aef(String token, String party, String table) {
        return given().auth().oauth2(token).when().get("/api/v1/reports/aef/" + party + "/" + year + "/" + table)
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("party", equalTo(party)).body("table", equalTo(table))
                .extract().as(Map.class);
    }

    /** The rows of this scenario's authorizations. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> mine(Map<String, Object> table) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) table.get("rows")) {
            if (Set.of(ndc, oimp, withdrawn).contains(row.get("authorizationId"))) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static long seqOf(Response response, String path) {
        return ((Number) response.path(path)).longValue();
    }

    private static long seq(Map<String, Object> row) {
        return ((Number) row.get("seq")).longValue();
    }

    private String serial(long from, long to) {
        return serialText(from, to);
    }

    /** The serial of units {@code from..to} counted from the first unit of the 2024 issuance. */
    private String serialText(long from, long to) {
        return "JCM-" + project + "-2024-" + (base + from) + "-" + (base + to);
    }

    private String itmo(String registry, long unit) {
        return "CA0001-" + registry + "-MNG-" + (base + unit) + "-2024";
    }

    private static long first(String serial) {
        String[] parts = serial.split("-");
        return Long.parseLong(parts[3]);
    }
}

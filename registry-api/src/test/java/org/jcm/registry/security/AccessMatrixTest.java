package org.jcm.registry.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.jcm.registry.proposal.ApproverTokens;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jcm.testsupport.DocsTable;

/**
 * Who may call what on registry-api: every endpoint against every kind of caller, through the real
 * API, with the status each cell must answer. The table is the one in docs/security.md.
 *
 * <p>Columns (callers): no token; operator; registry administrator of the resource's registry
 * (MNG01) and of another (THA01: neither Japan's registry, which may also issue for every host's
 * projects, nor the host's); account holder of the resource's organization and of another
 * organization in the same registry; government of the registry's Party (MNG) and of another
 * (JPN); exchange of one venue and of another; auditor.
 *
 * <p>A cell is the status expected: {@code 200}/{@code 201} (allowed, and the request really
 * succeeds: bodies are valid and the data exists), {@code 401}, {@code 403}. A transfer batch
 * answers 200 with a status per item; its cell is the status of its one item. Allowed mutations get
 * a fresh body per cell (new ids), so that an allowed caller's request succeeds on its own merits.
 * The data the cells act on is set up once, through the API, before the table runs.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** The callers, in the order of the table's columns. */
    enum Caller {
        NONE, OPERATOR, ADMIN_OWN, ADMIN_OTHER, HOLDER_OWN, HOLDER_OTHER, GOV_OWN, GOV_OTHER, EXCHANGE_OWN, EXCHANGE_OTHER,
        AUDITOR
    }

    /**
     * One row: an endpoint (with the data it acts on) and the expected status per caller;
     * {@code approver} rows call with each caller's token plus the claim {@code "approver": true}.
     */
    record Row(String method, String path, String note, Function<World, Object> body, String expected, boolean approver) {

        /** The row's name in docs/security.md. */
        String label() {
            return method + " " + path.replaceAll("\\{[A-Z0-9]+}", "{id}") + (note.isEmpty() ? "" : " (" + note + ")");
        }

        List<String> cells() {
            List<String> cells = List.of(expected.trim().split("\\s+"));
            if (cells.size() != Caller.values().length) {
                throw new IllegalStateException(method + " " + path + ": " + cells.size() + " cells");
            }
            return cells;
        }
    }

    private static final String GET = "GET";
    private static final String POST = "POST";
    private static final String PUT = "PUT";
    private static final String DELETE = "DELETE";

    /**
     * The matrix. Paths name the set-up data in braces: {A} the own organization's account, {O} the
     * own organization, {A2} another organization's account, {P} a project, {S} a serial range, {PT}/{PTC}
     * pending transfers from {A} to {A2}, {FREEZE} an account to freeze, {FROZEN} a frozen account to
     * unfreeze (a proposal needs the account's state of the moment), {AUTH1}/{AUTH2} Article 6
     * authorizations of MNG, {PR}/{PR2} pending proposals (freezes) of MNG01, {RET} the seq of a retirement
     * from {A}, {CLOSE} an empty account to close, {CP} the tree size of a signed checkpoint that covers all of these.
     */
    static final List<Row> MATRIX = List.of(
            //                                                                           none op  adm adm~ hld hld~ gov gov~ exc exc~ aud
            row(GET, "/api/v1/parties", null,                                            "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/registries", null,                                         "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/projects", null,                                           "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/projects/{P}", null,                                       "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/blocks?projectId={P}", null,                               "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/units/{S}", null,                                          "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/units/{S}/proof", null,                                    "401 200 200 403 200 403 403 403 403 403 200"),
            row(GET, "/api/v1/reports/summary", null,                                    "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/reports/retirements?beneficiary=Matrix&fiscalYear=2025", null,
                                                                                         "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/reports/retirements/recent", null,                         "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/reports/organizations/{O}/retirements?fiscalYear=2025", null,
                                                                                         "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/retirements/{RET}/certificate", null,                      "401 200 200 403 200 403 200 403 403 403 200"),
            row(GET, "/api/v1/explorer/config", null,                                   "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/ledger/head", null,                                        "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/ledger/checkpoints/latest", null,                          "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/ledger/checkpoints/{CP}", null,                            "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/ledger/checkpoints", null,                                 "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/ledger/keys", null,                                        "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/ledger/proofs/inclusion?seq=1&treeSize={CP}", null,        "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/ledger/proofs/consistency?from={CP}&to={CP}", null,        "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/ledger/events?limit=5", null,                              "401 200 403 403 403 403 403 403 403 403 200"),
            row(POST, "/api/v1/ledger/verify", null,                                     "401 403 403 403 403 403 403 403 403 403 200"),
            row(GET, "/api/v1/organizations/{O}", null,                                  "401 200 200 403 200 403 200 403 403 403 200"),
            row(GET, "/api/v1/accounts/{A}", null,                                       "401 403 200 403 200 403 200 403 403 403 200"),
            row(GET, "/api/v1/accounts/{A}/holdings", null,                              "401 403 200 403 200 403 200 403 403 403 200"),
            row(GET, "/api/v1/accounts/{A}/transactions", null,                          "401 403 200 403 200 403 200 403 403 403 200"),
            row(GET, "/api/v1/authorizations", null,                                     "401 403 403 403 403 403 200 200 403 403 200"),
            row(GET, "/api/v1/authorizations/{AUTH1}", null,                             "401 403 403 403 403 403 200 200 403 403 200"),
            row(GET, "/api/v1/reports/aef/MNG/2024/T2", null,                            "401 403 403 403 403 403 200 403 403 403 200"),
            row(POST, "/api/v1/registries", w -> Map.of("registryId", w.freshRegistry(), "name", "Matrix registry"),
                                                                                         "401 201 403 403 403 403 403 403 403 403 403"),
            row(POST, "/api/v1/organizations", w -> Map.of("registryId", "MNG01", "name", "Matrix org " + LedgerApi.key()),
                                                                                         "401 403 201 403 403 403 403 403 403 403 403"),
            row(GET, "/api/v1/parties/MNG", null,                                        "200 200 200 200 200 200 200 200 200 200 200"),
            row(POST, "/api/v1/parties", w -> Map.of("code", "XMA", "iso2", "XM", "name", "Matrix region",
                    "jcmStatus", "CANDIDATE", "parisAgreementParty", true),               "401 201 403 403 403 403 403 403 403 403 403"),
            row(PUT, "/api/v1/parties/XMA", w -> Map.of("iso2", "XM", "name", "Matrix region (renamed)",
                    "jcmStatus", "CANDIDATE", "parisAgreementParty", true),               "401 201 403 403 403 403 403 403 403 403 403"),
            row(GET, "/api/v1/methodologies", null,                                      "200 200 200 200 200 200 200 200 200 200 200"),
            row(POST, "/api/v1/methodologies", w -> Map.of("id", "MN_AM777", "hostParty", "MNG", "title", "Matrix",
                    "sectoralScope", 1, "version", 1, "status", "DRAFT"),                 "401 403 403 403 403 403 403 403 403 403 403"),
            row(PUT, "/api/v1/methodologies/MN_AM777", w -> Map.of("hostParty", "MNG", "title", "Matrix",
                    "sectoralScope", 1, "version", 1, "status", "DRAFT"),                 "401 403 403 403 403 403 403 403 403 403 403"),
            row(GET, "/api/v1/third-party-entities", null,                               "200 200 200 200 200 200 200 200 200 200 200"),
            row(POST, "/api/v1/third-party-entities", w -> Map.of("id", "TPE-0777", "name", "Matrix verifier",
                    "sectoralScopes", List.of(1), "hostParties", List.of("MNG"), "status", "ACTIVE"),
                                                                                         "401 201 403 403 403 403 403 403 403 403 403"),
            row(PUT, "/api/v1/third-party-entities/TPE-0777", w -> Map.of("name", "Matrix verifier",
                    "sectoralScopes", List.of(1), "hostParties", List.of("MNG"), "status", "SUSPENDED"),
                                                                                         "401 201 403 403 403 403 403 403 403 403 403"),
            row(POST, "/api/v1/accounts", w -> Map.of("organizationId", w.get("O"), "name", "Matrix account"),
                                                                                         "401 403 201 403 403 403 403 403 403 403 403"),
            row(POST, "/api/v1/accounts/{FREEZE}/freeze", w -> Map.of("reason", "matrix"),
                                                                                         "401 403 201 403 403 403 403 403 403 403 403"),
            row(POST, "/api/v1/accounts/{FROZEN}/unfreeze", w -> Map.of("reason", "matrix"),
                                                                                         "401 403 201 403 403 403 403 403 403 403 403"),
            row(POST, "/api/v1/issuances", w -> issuance(w, 2023, 10),                  "401 403 201 403 403 403 403 403 403 403 403"),
            row(POST, "/api/v1/transfers", w -> LedgerApi.transfer(w.get("A"), w.get("A2"), 1),
                                                                                         "401 403 403 403 201 403 403 403 403 403 403"),
            row(POST, "/api/v1/transfer-batches", w -> Map.of("items", List.of(Map.of("idempotencyKey", LedgerApi.key(),
                    "fromAccountId", w.get("A"), "toAccountId", w.get("A2"), "quantity", 1))),
                                                                                         "401 403 403 403 201 403 403 403 403 403 403"),
            row(POST, "/api/v1/cancellations", "VOLUNTARY", w -> Map.of("fromAccountId", w.get("A"), "quantity", 1,
                    "reason", "VOLUNTARY"),
                                                                                         "401 403 403 403 201 403 403 403 403 403 403"),
            row(POST, "/api/v1/cancellations", "CORRECTION", w -> Map.of("fromAccountId", w.get("A"), "quantity", 1,
                    "reason", "CORRECTION",
                    "note", "matrix"),                                                   "401 403 201 403 201 403 403 403 403 403 403"),
            row(POST, "/api/v1/retirements", w -> Map.of("fromAccountId", w.get("A"), "quantity", 1, "purpose", "VOLUNTARY",
                    "beneficiary", "Matrix"),                                            "401 403 403 403 201 403 403 403 403 403 403"),
            row(POST, "/api/v1/authorizations", w -> Map.of("authorizationId", "MNG-MTX-" + LedgerApi.key().substring(0, 8),
                    "party", "MNG", "cooperativeApproachId", "CA0001", "purpose", "NDC", "issuanceId", w.get("ISSUANCE")),
                                                                                         "401 403 403 403 403 403 201 403 403 403 403"),
            row(POST, "/api/v1/authorizations/{AUTH1}/amendments", w -> Map.of("serialRanges", List.of(w.get("AMEND")),
                    "reason", "matrix"),                                                 "401 403 403 403 403 403 201 403 403 403 403"),
            row(POST, "/api/v1/authorizations/{AUTH2}/revoke", w -> Map.of("reason", "matrix"),
                                                                                         "401 403 403 403 403 403 201 403 403 403 403"),
            row(POST, "/api/v1/corresponding-adjustments", w -> Map.of("party", "MNG", "year", 2024, "method", "TRAJECTORY",
                    "firstTransferSeqs", List.of(Long.parseLong(w.get("FIRST")))),
                                                                                         "401 403 403 403 403 403 201 403 403 403 403"),
            row(GET, "/api/v1/pending-transfers", null,                                  "401 200 200 200 200 200 403 403 403 403 200"),
            row(GET, "/api/v1/pending-transfers/{PT}", null,                             "401 200 200 403 200 403 403 403 403 403 200"),
            row(POST, "/api/v1/pending-transfers/{PT}/approve", "without the approver claim", null,
                                                                                         "401 403 403 403 403 403 403 403 403 403 403"),
            approverRow(POST, "/api/v1/pending-transfers/{PT}/approve", null,            "401 403 403 403 201 403 403 403 403 403 403"),
            row(POST, "/api/v1/pending-transfers/{PTC}/cancel", "by its initiator", w -> Map.of("reason", "matrix"),
                                                                                         "401 403 403 403 201 403 403 403 403 403 403"),
            row(GET, "/api/v1/organizations/{O}/transfer-policy", null,                  "401 200 200 403 200 403 200 403 403 403 200"),
            row(PUT, "/api/v1/organizations/{O}/transfer-policy", w -> Map.of("untrustedNeedsApproval", true,
                    "untrustedDelay", "PT26H"),                                          "401 403 201 403 403 403 403 403 403 403 403"),
            row(GET, "/api/v1/organizations/{O}/trusted-accounts", null,                 "401 200 200 403 200 403 200 403 403 403 200"),
            row(POST, "/api/v1/organizations/{O}/trusted-accounts", w -> Map.of("accountId", w.get("A2")),
                                                                                         "401 403 403 403 201 403 403 403 403 403 403"),
            row(DELETE, "/api/v1/organizations/{O}/trusted-accounts/{A2}", null,         "401 403 403 403 201 403 403 403 403 403 403"),
            row(GET, "/api/v1/proposals", null,                                          "401 200 200 200 403 403 200 200 403 403 200"),
            row(GET, "/api/v1/proposals/{PR}", null,                                     "401 200 200 403 403 403 200 403 403 403 200"),
            row(POST, "/api/v1/proposals/{PR2}/approve", "without approver claim", null, "401 403 403 403 403 403 403 403 403 403 403"),
            approverRow(POST, "/api/v1/proposals/{PR}/approve", null,                    "401 403 201 403 403 403 403 403 403 403 403"),
            approverRow(POST, "/api/v1/proposals/{PR2}/reject", w -> Map.of("reason", "matrix"),
                                                                                         "401 403 201 403 403 403 403 403 403 403 403"),
            row(POST, "/api/v1/documents", w -> Upload.pdf(),                           "401 201 201 201 201 201 201 201 403 403 403"),
            row(GET, "/api/v1/documents/{DOC}", null,                                    "401 200 403 403 200 403 403 403 403 403 200"),
            row(GET, "/api/v1/documents/{DOC}/metadata", null,                           "401 200 403 403 200 403 403 403 403 403 200"),
            row(POST, "/api/v1/organizations/{O}/emissions", w -> Map.of("fiscalYear", 2016, "scope1", 10, "scope2", 5,
                    "scope2Basis", "LOCATION", "unit", "t-CO2e", "source", "matrix", "assuranceReference", "none"),
                                                                                         "401 403 403 403 201 403 403 403 403 403 403"),
            row(GET, "/api/v1/organizations/{O}/emissions/2016", null,                   "401 200 200 403 200 403 403 403 403 403 200"),
            row(GET, "/api/v1/organizations/{O}/disclosure/2016", null,                  "401 200 200 403 200 403 403 403 403 403 200"),
            row(POST, "/api/v1/organizations/{O}/publications", w -> Map.of("fiscalYear", 2016, "scope", "USES"),
                                                                                         "401 403 403 403 201 403 403 403 403 403 403"),
            row(GET, "/api/v1/publications", null,                                       "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/publications/{O}/2016", null,                              "200 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/me", null,                                                 "401 200 200 200 200 200 200 200 200 200 200"),
            row(GET, "/api/v1/organizations?registryId=MNG01", null,                     "401 200 200 403 403 403 200 403 403 403 200"),
            row(GET, "/api/v1/accounts?registryId=MNG01", null,                          "401 403 200 403 403 403 200 403 403 403 200"),
            row(GET, "/api/v1/issuance-requests?mine=true", null,                        "401 403 403 403 200 200 403 403 403 403 403"),
            row(POST, "/api/v1/accounts/{CLOSE}/close", w -> Map.of("reason", "matrix"), "401 403 201 403 403 403 403 403 403 403 403"));

    /** A raw body with its own Content-Type (a document upload), sent as it is. */
    record Upload(String contentType, byte[] bytes) {

        /** A small PDF that no other cell sends, so that each allowed upload stores a new document. */
        static Upload pdf() {
            return new Upload("application/pdf", ("%PDF-1.4\n% matrix " + LedgerApi.key() + "\n%%EOF\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    private static Row row(String method, String path, Function<World, Object> body, String expected) {
        return new Row(method, path, "", body, expected, false);
    }

    private static Row row(String method, String path, String note, Function<World, Object> body, String expected) {
        return new Row(method, path, note, body, expected, false);
    }

    /** A row whose callers' tokens carry {@code "approver": true}. */
    private static Row approverRow(String method, String path, Function<World, Object> body, String expected) {
        return new Row(method, path, "approver: true", body, expected, true);
    }

    private static Map<String, Object> issuance(World w, int vintage, long quantity) {
        return Map.of("issuanceId", w.get("P") + "-" + vintage + "-" + LedgerApi.key().substring(0, 8), "projectId", w.get("P"),
                "monitoringPeriodStart", vintage + "-01-01", "monitoringPeriodEnd", vintage + "-12-31", "vintage", vintage,
                "totalQuantity", quantity, "allocations", List.of(Map.of("accountId", w.get("A"), "quantity", quantity)),
                "issuanceRequestId", w.get("IR"));
    }

    /** The data the cells act on, by name. */
    static final class World {
        private final Map<String, String> names = new HashMap<>();

        String get(String name) {
            String value = names.get(name);
            if (value == null) {
                throw new IllegalStateException("no " + name);
            }
            return value;
        }

        void put(String name, String value) {
            names.put(name, value);
        }

        String path(String template) {
            String path = template;
            for (Map.Entry<String, String> name : names.entrySet()) {
                path = path.replace("{" + name.getKey() + "}", name.getValue());
            }
            return path;
        }

        /** A registry id of Party MNG that is not hosted yet. */
        String freshRegistry() {
            List<String> hosted = given().get("/api/v1/registries").then().statusCode(200).extract().path("items.id");
            for (int i = 2; i < 100; i++) {
                String id = String.format("MNG%02d", i);
                if (!hosted.contains(id)) {
                    return id;
                }
            }
            throw new IllegalStateException("no free MNG registry id");
        }
    }

    private final World world = new World();
    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    /** The same callers with the claim {@code "approver": true}, for the approver rows. */
    private final Map<Caller, String> approverTokens = new LinkedHashMap<>();

    private boolean ready;

    /** Sets up the data once; RestAssured knows the test port only from the first test on. */
    @BeforeEach
    void setUp() {
        if (ready) {
            return;
        }
        ready = true;
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        LedgerApi.registry("THA01");
        String[] own = LedgerApi.openHolder("MNG01");
        String[] other = LedgerApi.openHolder("MNG01");
        String freeze = LedgerApi.account(other[0]);
        String project = LedgerApi.project("MN", List.of(own[0]));
        Response issued = LedgerApi.issue("MNG01", project, 2024, List.of(own[1]), List.of(1000L));
        String serial = issued.path("events[1].blocks[0].serial");
        long first = Long.parseLong(serial.split("-")[3]);
        world.put("O", own[0]);
        world.put("A", own[1]);
        world.put("A2", other[1]);
        world.put("FREEZE", freeze);
        // An empty account of another organization, for the close row.
        world.put("CLOSE", LedgerApi.account(other[0]));
        String frozen = LedgerApi.account(other[0]);
        LedgerApi.approved(TestTokens.registryAdmin("MNG01"), TestTokens.registryApprover("MNG01"),
                "/api/v1/accounts/" + frozen + "/freeze", Map.of("reason", "matrix"));
        world.put("FROZEN", frozen);
        world.put("P", project);
        world.put("S", serial);
        world.put("ISSUANCE", issued.path("id"));
        // Every issuance cites its request: the issuance row proposes the share the Joint Committee decided
        // on the project's 2023 monitoring cycle.
        world.put("IR", LedgerApi.decided("MNG01", project, 2023, List.of(own[1]), List.of(10L)));
        // Units of an older vintage, which the table's transfers, cancellations and retirements select
        // first, so that the 2024 issuance stays whole for the authorization row: the issuance row only
        // proposes (four eyes) and adds no 2023 units.
        LedgerApi.issue("MNG01", project, 2022, List.of(own[1]), List.of(100L));
        // A retirement from {A}, whose certificate the table reads once the checkpoint below covers it.
        world.put("RET", LedgerApi.created(TestTokens.accountHolder(own[0]), "/api/v1/retirements", Map.of("fromAccountId",
                own[1], "quantity", 1, "purpose", "VOLUNTARY", "beneficiary", "Matrix")).path("events[0].seq").toString());

        // Article 6: one authorization to amend, one to revoke, and a first transfer to adjust for,
        // all on a separate issuance so that the transfers in the table are not first transfers.
        String[] a6 = LedgerApi.openHolder("MNG01");
        String[] abroad = LedgerApi.openHolder("JPN01");
        String a6Project = LedgerApi.project("MN", List.of(a6[0]));
        String a6Serial = LedgerApi.issue("MNG01", a6Project, 2024, List.of(a6[1]), List.of(100L))
                .path("events[1].blocks[0].serial");
        long a6First = Long.parseLong(a6Serial.split("-")[3]);
        String range = "JCM-" + a6Project + "-2024-";
        String auth1 = "MNG-MTX-" + LedgerApi.key().substring(0, 8);
        LedgerApi.approved(TestTokens.government("MNG"), TestTokens.governmentApprover("MNG"), "/api/v1/authorizations", Map.of("authorizationId", auth1, "party", "MNG",
                "cooperativeApproachId", "CA0001", "purpose", "NDC", "serialRanges", List.of(range + a6First + "-" + (a6First + 9))));
        String auth2 = "MNG-MTX-" + LedgerApi.key().substring(0, 8);
        LedgerApi.approved(TestTokens.government("MNG"), TestTokens.governmentApprover("MNG"), "/api/v1/authorizations", Map.of("authorizationId", auth2, "party", "MNG",
                "cooperativeApproachId", "CA0001", "purpose", "NDC",
                "serialRanges", List.of(range + (a6First + 10) + "-" + (a6First + 19))));
        String auth3 = "MNG-MTX-" + LedgerApi.key().substring(0, 8);
        LedgerApi.approved(TestTokens.government("MNG"), TestTokens.governmentApprover("MNG"), "/api/v1/authorizations", Map.of("authorizationId", auth3, "party", "MNG",
                "cooperativeApproachId", "CA0001", "purpose", "NDC",
                "serialRanges", List.of(range + (a6First + 20) + "-" + (a6First + 29))));
        // To another Party's registry: the first transfer of authorized units.
        Response moved = LedgerApi.created(TestTokens.accountHolder(a6[0]), "/api/v1/transfers", Map.of("fromAccountId", a6[1],
                "toAccountId", abroad[1], "serialRanges", List.of(range + (a6First + 20) + "-" + (a6First + 24)), "quantity", 5));
        world.put("AUTH1", auth1);
        world.put("AUTH2", auth2);
        world.put("AMEND", range + (a6First + 40) + "-" + (a6First + 49));
        world.put("FIRST", String.valueOf((Integer) moved.path("events[1].seq")));
        // Pending transfers: under a policy that needs approval, a transfer to another organization's account
        // pends; one to read and approve, one for its initiator to cancel. Then the organization's policy needs
        // no approval and no delay, so that the table's transfers execute at once.
        // {PT} is initiated by a colleague of the matrix's holder, so that the holder may approve it.
        policy(own[0], true, "PT26H");
        world.put("PT", LedgerApi.created(TestTokens.token("initiator@" + own[0], java.util.Set.of("account-holder"),
                Map.of("org", own[0])), "/api/v1/transfers",
                LedgerApi.transfer(own[1], other[1], 1)).path("id"));
        world.put("PTC", LedgerApi.created(TestTokens.accountHolder(own[0]), "/api/v1/transfers",
                LedgerApi.transfer(own[1], other[1], 1)).path("id"));
        policy(own[0], false, "PT0S");

        tokens.put(Caller.OPERATOR, TestTokens.operator());
        tokens.put(Caller.ADMIN_OWN, TestTokens.registryAdmin("MNG01"));
        tokens.put(Caller.ADMIN_OTHER, TestTokens.registryAdmin("THA01"));
        tokens.put(Caller.HOLDER_OWN, TestTokens.accountHolder(own[0]));
        tokens.put(Caller.HOLDER_OTHER, TestTokens.accountHolder(other[0]));
        tokens.put(Caller.GOV_OWN, TestTokens.government("MNG"));
        tokens.put(Caller.GOV_OTHER, TestTokens.government("JPN"));
        tokens.put(Caller.EXCHANGE_OWN, TestTokens.exchange("JPX"));
        tokens.put(Caller.EXCHANGE_OTHER, TestTokens.exchange("OTHERX"));
        tokens.put(Caller.AUDITOR, TestTokens.token("auditor", java.util.Set.of("auditor"), Map.of()));

        // Four eyes: two freezes proposed by a second administrator of MNG01, one to approve, one to reject.
        String proposed = LedgerApi.account(other[0]);
        String second = ApproverTokens.admin("second@MNG01", "MNG01", false);
        world.put("PR", LedgerApi.created(second, "/api/v1/accounts/" + proposed + "/freeze", Map.of()).path("id"));
        world.put("PR2", LedgerApi.created(second, "/api/v1/accounts/" + proposed + "/freeze", Map.of()).path("id"));
        approverTokens.put(Caller.OPERATOR, ApproverTokens.token("operator", "operator", Map.of(), true));
        approverTokens.put(Caller.ADMIN_OWN, ApproverTokens.admin("admin@MNG01", "MNG01", true));
        approverTokens.put(Caller.ADMIN_OTHER, ApproverTokens.admin("admin@THA01", "THA01", true));
        approverTokens.put(Caller.HOLDER_OWN, ApproverTokens.token("holder@" + own[0], "account-holder", Map.of("org", own[0]), true));
        approverTokens.put(Caller.HOLDER_OTHER, ApproverTokens.token("holder@" + other[0], "account-holder",
                Map.of("org", other[0]), true));
        approverTokens.put(Caller.GOV_OWN, ApproverTokens.government("gov@MNG", "MNG", true));
        approverTokens.put(Caller.GOV_OTHER, ApproverTokens.government("gov@JPN", "JPN", true));
        approverTokens.put(Caller.EXCHANGE_OWN, ApproverTokens.token("exchange@JPX", "exchange", Map.of("venue", "JPX"), true));
        approverTokens.put(Caller.EXCHANGE_OTHER, ApproverTokens.token("exchange@OTHERX", "exchange", Map.of("venue", "OTHERX"),
                true));
        approverTokens.put(Caller.AUDITOR, ApproverTokens.token("auditor", "auditor", Map.of(), true));

        // A checkpoint that covers everything set up, for the transparency log's rows (signed within a second).
        long head = given().get("/api/v1/ledger/head").then().statusCode(200).extract().jsonPath().getLong("seq");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            Response latest = given().get("/api/v1/ledger/checkpoints/latest");
            return latest.statusCode() == 200 && latest.jsonPath().getLong("treeSize") >= head;
        });
        world.put("CP", given().get("/api/v1/ledger/checkpoints/latest").then().extract().jsonPath().getString("treeSize"));

        // A document uploaded by an account holder of the own organization.
        Upload document = Upload.pdf();
        world.put("DOC", given().auth().oauth2(TestTokens.accountHolder(own[0])).contentType(document.contentType())
                .body(document.bytes()).post("/api/v1/documents").then().statusCode(201).extract().path("sha256"));
    }

    @Test
    void every_endpoint_answers_every_caller_as_the_table_says() {
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Row row : MATRIX) {
            List<String> expected = row.cells();
            for (Caller caller : Caller.values()) {
                String want = expected.get(caller.ordinal());
                Response response = call(row, caller);
                cells++;
                int status = response.statusCode();
                if (row.path().endsWith("/transfer-batches") && status == 200) {
                    // A batch answers 200 and each item with its own status: the cell is the item's.
                    status = response.path("items[0].status");
                }
                if (!Integer.toString(status).equals(want)) {
                    mismatches.add(row.method() + " " + row.path() + " as " + caller + ": expected " + want + ", got " + status
                            + " " + abbreviate(response.asString()));
                }
                if (response.statusCode() >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    mismatches.add(row.method() + " " + row.path() + " as " + caller + ": " + response.statusCode()
                            + " is " + response.contentType() + ", not application/problem+json");
                }
            }
        }
        System.out.println("Access matrix (registry-api): " + MATRIX.size() + " endpoints x " + Caller.values().length
                + " callers = " + cells + " cells");
        assertThat(mismatches).isEmpty();
    }

    /** The markdown rows of the matrix, as docs/security.md shows them. */
    static List<String> markdown() {
        List<String> lines = new ArrayList<>();
        lines.add("| endpoint | no token | operator | admin own registry | admin other registry | holder own org "
                + "| holder other org | government own Party | government other Party | exchange own venue "
                + "| exchange other venue | auditor |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row row : MATRIX) {
            lines.add("| `" + row.label() + "` | " + String.join(" | ", row.cells()) + " |");
        }
        return lines;
    }

    @Test
    void docs_security_md_shows_this_matrix() throws java.io.IOException {
        assertThat(DocsTable.between(java.nio.file.Path.of("..", "docs", "security.md"), "registry-api"))
                .as("docs/security.md, registry-api table; expected:%n%s", String.join("\n", markdown()))
                .isEqualTo(markdown());
    }

    /** Sets an organization's transfer policy as the administrator of MNG01. */
    private static void policy(String organizationId, boolean untrustedNeedsApproval, String untrustedDelay) {
        LedgerApi.as(TestTokens.registryAdmin("MNG01")).body(Map.of("untrustedNeedsApproval", untrustedNeedsApproval,
                "untrustedDelay", untrustedDelay)).put("/api/v1/organizations/" + organizationId + "/transfer-policy").then()
                .statusCode(201);
    }

    private Response call(Row row, Caller caller) {
        RequestSpecification request = given().header("Idempotency-Key", LedgerApi.key());
        String token = (row.approver() ? approverTokens : tokens).get(caller);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        Object body = row.body() == null ? null : row.body().apply(world);
        if (body instanceof Upload upload) {
            request = request.config(io.restassured.config.RestAssuredConfig.config().encoderConfig(
                    io.restassured.config.EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .contentType(upload.contentType()).body(upload.bytes());
        } else if (body != null) {
            request = request.contentType("application/json").body(body);
        }
        String path = world.path(row.path());
        return GET.equals(row.method()) ? request.get(path) : request.request(row.method(), path);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}

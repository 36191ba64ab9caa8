package org.jcm.registry.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jcm.testsupport.TestTokens;

/**
 * Drives the project cycle's route through the REST API as its users do (docs/project-cycle.md):
 * partners, methodologies and third-party entities set up by the operator and the JC secretariat,
 * documents uploaded to the document store and cited by hash, and the bodies of the route's
 * requests. Tests that must not collide in one JVM use a Party of their own ({@link #partner}) with
 * one of ISO 3166's user-assigned codes (X..), which the tests of the reference data leave out.
 */
public final class RouteApi {

    /** A signing date a few days ago: a partner's date may not be in the future. */
    public static final String SIGNED = LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();

    private RouteApi() {
    }

    /** Registers a Party as a JCM partner with its agreement's scopes, and a registry {@code <code>01} for it. */
    public static void partner(String code, String iso2, List<Integer> scopes) {
        party(code, iso2, "PARTNER", scopes);
        LedgerApi.registry(code + "01");
    }

    /** Registers a Party with a status (PARTNER gets {@link #SIGNED}, a CANDIDATE no date) and no registry. */
    public static void party(String code, String iso2, String status, List<Integer> scopes) {
        Map<String, Object> body = partyBody(code, iso2, status, scopes);
        LedgerApi.created(TestTokens.operator(), "/api/v1/parties", body);
    }

    /** The body of {@code POST /parties} or {@code PUT /parties/{code}}. */
    public static Map<String, Object> partyBody(String code, String iso2, String status, List<Integer> scopes) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("iso2", iso2);
        body.put("name", "Partner " + code);
        body.put("jcmStatus", status);
        body.put("parisAgreementParty", true);
        if ("PARTNER".equals(status)) {
            body.put("signingDate", SIGNED);
        }
        body.put("sectoralScopes", scopes);
        return body;
    }

    /** The JC secretariat of {@code host} registers a methodology with this status. */
    public static void methodology(String id, String host, int scope, String status, boolean sameEntityMayVerify) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("hostParty", host);
        body.put("title", "Methodology " + id);
        body.put("sectoralScope", scope);
        body.put("version", 1);
        body.put("status", status);
        body.put("sameEntityMayVerify", sameEntityMayVerify);
        LedgerApi.created(TestTokens.jcSecretariat(host), "/api/v1/methodologies", body);
    }

    /** The operator accredits an active third-party entity for scopes in hosts. */
    public static void entity(String id, List<Integer> scopes, List<String> hosts) {
        LedgerApi.created(TestTokens.operator(), "/api/v1/third-party-entities", Map.of("id", id, "name", "Entity " + id,
                "sectoralScopes", scopes, "hostParties", hosts, "status", "ACTIVE"));
    }

    /** Uploads a new one-page PDF as {@code token}; returns its SHA-256. */
    public static String upload(String token, String fileName) {
        String text = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
                + "% " + UUID.randomUUID() + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        Response response = given().auth().oauth2(token).contentType("application/pdf")
                .body(text.getBytes(StandardCharsets.US_ASCII)).queryParam("fileName", fileName).post("/api/v1/documents");
        if (response.statusCode() != 201) {
            throw new AssertionError("upload answered " + response.statusCode() + ": " + response.asString());
        }
        return response.path("sha256");
    }

    /** Uploads a PDF as {@code token} and cites it as {@code kind}: {@code [{sha256, kind}]}. */
    public static List<Map<String, Object>> document(String token, String kind) {
        return List.of(cite(upload(token, kind.toLowerCase() + ".pdf"), kind));
    }

    /** One citation. */
    public static Map<String, Object> cite(String sha256, String kind) {
        return Map.of("sha256", sha256, "kind", kind);
    }

    /** Private financing with Japan's share in basis points. */
    public static Map<String, Object> privately(int japanShareBasisPoints) {
        return Map.of("kind", "PRIVATE", "japanShareBasisPoints", japanShareBasisPoints);
    }

    /** Government financing by the JCM Model Projects of the Ministry of the Environment. */
    public static Map<String, Object> modelProject(int japanShareBasisPoints) {
        return Map.of("kind", "GOVERNMENT_FINANCED", "programme", "JCM Model Projects", "agency",
                "Ministry of the Environment, Japan", "japanShareBasisPoints", japanShareBasisPoints);
    }

    /** Participants: the representative, the others and an optional proxy (null: none). */
    public static Map<String, Object> participants(String representative, List<String> others, String proxy) {
        Map<String, Object> p = new HashMap<>();
        p.put("representative", representative);
        p.put("others", others);
        if (proxy != null) {
            p.put("proxy", proxy);
        }
        return p;
    }

    /** The body of {@code POST /applications}. */
    public static Map<String, Object> application(List<String> hosts, String methodologyId, Map<String, Object> financing,
                                                  Map<String, Object> participants, List<Map<String, Object>> documents) {
        Map<String, Object> body = idea(hosts, methodologyId, financing, documents);
        body.put("participants", participants);
        return body;
    }

    /** The body of {@code POST /applications/{id}/project-idea}. */
    public static Map<String, Object> idea(List<String> hosts, String methodologyId, Map<String, Object> financing,
                                           List<Map<String, Object>> documents) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Solar power for " + String.join(" and ", hosts));
        body.put("hostParties", hosts);
        body.put("methodologyId", methodologyId);
        body.put("financing", financing);
        body.put("documents", documents);
        return body;
    }

    /** A review body: verdict, reasons and documents. */
    public static Map<String, Object> review(String verdict, List<String> reasons, List<Map<String, Object>> documents) {
        return Map.of("verdict", verdict, "reasons", reasons, "documents", documents);
    }

    /** A registration decision body. */
    public static Map<String, Object> registration(String verdict, List<String> reasons, List<Map<String, Object>> documents) {
        return Map.of("verdict", verdict, "decisionReference", "JC-" + UUID.randomUUID().toString().substring(0, 8),
                "reasons", reasons, "documents", documents);
    }

    /** A monitoring report body. */
    public static Map<String, Object> report(String projectId, String start, String end, long claimed,
                                             List<Map<String, Object>> documents) {
        Map<String, Object> body = new HashMap<>();
        body.put("projectId", projectId);
        body.put("periodStart", start);
        body.put("periodEnd", end);
        body.put("claimedQuantity", claimed);
        body.put("documents", documents);
        return body;
    }

    /** A positive verification body. */
    public static Map<String, Object> verified(long quantity, List<Map<String, Object>> documents) {
        return Map.of("verdict", "ACCEPT", "verifiedQuantity", quantity, "documents", documents);
    }

    /** One share of an issuance decision, with one allocation per account. */
    public static Map<String, Object> share(String registryId, String numberingHost, int vintage, List<String> accounts,
                                            List<Long> quantities) {
        List<Map<String, Object>> allocations = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            allocations.add(Map.of("accountId", accounts.get(i), "quantity", quantities.get(i)));
        }
        return Map.of("registryId", registryId, "numberingHost", numberingHost, "vintage", vintage, "allocations", allocations);
    }

    /** A positive issuance decision body. */
    public static Map<String, Object> decision(List<Map<String, Object>> shares, String japanGovernmentAccount,
                                               List<Map<String, Object>> documents) {
        Map<String, Object> body = new HashMap<>();
        body.put("verdict", "ACCEPT");
        body.put("decisionReference", "JC-ISS-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("shares", shares);
        if (japanGovernmentAccount != null) {
            body.put("japanGovernmentAccount", japanGovernmentAccount);
        }
        body.put("documents", documents);
        return body;
    }

    /** Posts {@code body} as {@code token} and expects 201; returns the answer's id. */
    public static String ok(String token, String path, Object body) {
        return LedgerApi.created(token, path, body).path("id");
    }

    /** Posts {@code body} as {@code token}: the answer, to check a refusal. */
    public static Response post(String token, String path, Object body) {
        return LedgerApi.as(token).body(body).when().post(path);
    }

    /** The body of {@code POST /issuances} for a share of the cycle's request (period 2025-01-01 to 2025-06-30, vintage 2025). */
    public static Map<String, Object> issuance(String project, String request, List<String> accounts, List<Long> quantities) {
        List<Map<String, Object>> allocations = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < accounts.size(); i++) {
            allocations.add(Map.of("accountId", accounts.get(i), "quantity", quantities.get(i)));
            total += quantities.get(i);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("issuanceId", project + "-2025-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("projectId", project);
        body.put("monitoringPeriodStart", "2025-01-01");
        body.put("monitoringPeriodEnd", "2025-06-30");
        body.put("vintage", 2025);
        body.put("totalQuantity", total);
        body.put("allocations", allocations);
        body.put("issuanceRequestId", request);
        return body;
    }
}

package org.jcm.registry.testing;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jcm.testsupport.TestTokens;
import static io.restassured.RestAssured.given;

/**
 * Takes projects through the JCM project cycle's one route over the REST API, as the people of each
 * step would (docs/project-cycle.md): the applicant (account holder of the representative
 * participant) submits the Project Idea Note, the host government confirms it, the applicant
 * submits the design, a third-party entity validates it and the host's JC secretariat registers the
 * project; then per monitoring period the applicant reports, a second entity verifies, the applicant
 * requests issuance and the JC secretariat decides the shares that the registry administrators
 * issue.
 *
 * <p>What the route needs per host Party is set up once, on first use, and found again by reading
 * it (so it holds for every database the test JVM's services use): the host's methodology
 * {@code <alpha-2>_AM900} approved by its JC secretariat (scope 1, which every partner of the
 * reference file covers), and two entities accredited for scope 1 in the host, {@link #VALIDATOR}
 * and {@link #VERIFIER} (a project's verifier may not be its validator).
 */
public final class RouteFixture {

    /** The entity that validates the fixture's projects. */
    public static final String VALIDATOR = "TPE-0901";
    /** The entity that verifies their monitoring reports. */
    public static final String VERIFIER = "TPE-0902";
    private static final int SCOPE = 1;

    /** alpha-2 to alpha-3 of the Parties the fixture has used. */
    private static final Map<String, String> ALPHA3 = new ConcurrentHashMap<>();
    /** The monitoring cycle of each issuance request the fixture made, and whether it was decided since. */
    private static final Map<String, Cycle> CYCLES = new ConcurrentHashMap<>();

    private record Cycle(String id, String projectId, boolean decided) {
    }

    private RouteFixture() {
    }

    /** A token of the government of a Party (alpha-3). */
    public static String government(String party) {
        return TestTokens.government(party);
    }

    /** A token of the JC secretariat of a partner (alpha-3). */
    public static String secretariat(String party) {
        return TestTokens.jcSecretariat(party);
    }

    /** A token of a third-party entity. */
    public static String entity(String id) {
        return TestTokens.thirdPartyEntity(id);
    }

    /** The alpha-3 code of the Party whose alpha-2 is {@code iso2}, as the ledger knows it. */
    public static String alpha3(String iso2) {
        return ALPHA3.computeIfAbsent(iso2, code -> {
            List<Map<String, Object>> parties = given().when().get("/api/v1/parties").then().statusCode(200).extract().path("items");
            for (Map<String, Object> party : parties) {
                if (code.equals(party.get("iso2"))) {
                    return (String) party.get("code");
                }
            }
            throw new AssertionError("no Party with alpha-2 " + code);
        });
    }

    /** The host's approved methodology of the fixture, registered by its JC secretariat unless it is there. */
    public static String methodology(String iso2) {
        String id = iso2 + "_AM900";
        String party = alpha3(iso2);
        if (given().when().get("/api/v1/methodologies/" + id).statusCode() == 404) {
            LedgerApi.created(secretariat(party), "/api/v1/methodologies", Map.of("id", id, "hostParty", party,
                    "title", "Fixture methodology of " + party, "sectoralScope", SCOPE, "version", 1, "status", "APPROVED"));
        }
        return id;
    }

    /** Accredits the fixture's two entities for scope 1 in the host (alpha-3) unless they are. */
    public static void entities(String party) {
        for (String id : List.of(VALIDATOR, VERIFIER)) {
            Response found = given().when().get("/api/v1/third-party-entities/" + id);
            Set<String> hosts = new TreeSet<>(Set.of(party));
            if (found.statusCode() == 200) {
                List<String> known = found.path("hostParties");
                if (known.contains(party)) {
                    continue;
                }
                hosts.addAll(known);
                Response changed = LedgerApi.as(TestTokens.operator()).body(entityBody(id, hosts)).when()
                        .put("/api/v1/third-party-entities/" + id);
                if (changed.statusCode() / 100 != 2) {
                    throw new AssertionError("PUT third-party entity " + id + " answered " + changed.statusCode() + ": "
                            + changed.asString());
                }
            } else {
                LedgerApi.created(TestTokens.operator(), "/api/v1/third-party-entities", entityBody(id, hosts));
            }
        }
    }

    private static Map<String, Object> entityBody(String id, Set<String> hosts) {
        return Map.of("id", id, "name", "Fixture entity " + id, "sectoralScopes", List.of(SCOPE),
                "hostParties", new ArrayList<>(hosts), "status", "ACTIVE");
    }

    /** Uploads a small PDF as {@code token}; its SHA-256. */
    public static String document(String token) {
        return RouteApi.upload(token, "fixture.pdf");
    }

    /** A document citation of a request body. */
    public static List<Map<String, Object>> cite(String sha256, String kind) {
        return List.of(RouteApi.cite(sha256, kind));
    }

    /**
     * Submits the application of {@code participants} (the first the representative, the others
     * participants, no proxy) for a project in host {@code iso2}, privately financed with no
     * Japanese share; returns the application id ({@code AP…}).
     */
    public static String apply(String iso2, List<String> participants) {
        String party = alpha3(iso2);
        String methodology = methodology(iso2);
        entities(party);
        String applicant = TestTokens.accountHolder(participants.get(0));
        Map<String, Object> roles = new HashMap<>();
        roles.put("representative", participants.get(0));
        roles.put("others", participants.subList(1, participants.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Project of " + participants.get(0));
        body.put("hostParties", List.of(party));
        body.put("methodologyId", methodology);
        body.put("financing", Map.of("kind", "PRIVATE", "japanShareBasisPoints", 0));
        body.put("participants", roles);
        body.put("documents", cite(document(applicant), "PIN"));
        return LedgerApi.created(applicant, "/api/v1/applications", body).path("id");
    }

    /**
     * A project of {@code participants} hosted by the Party of alpha-2 {@code iso2}, through the whole
     * application route with every step accepted; returns the project id the JC secretariat's
     * registration gave it (the host's alpha-2 and its next number).
     */
    public static String project(String iso2, List<String> participants) {
        String party = alpha3(iso2);
        String application = apply(iso2, participants);
        String applicant = TestTokens.accountHolder(participants.get(0));
        String path = "/api/v1/applications/" + application;
        LedgerApi.created(government(party), path + "/project-idea-review", review());
        LedgerApi.created(applicant, path + "/design", Map.of("documents", cite(document(applicant), "PDD")));
        String validator = entity(VALIDATOR);
        Map<String, Object> validation = review();
        validation.put("documents", cite(document(validator), "VALIDATION_REPORT"));
        LedgerApi.created(validator, path + "/validation", validation);
        Map<String, Object> registration = review();
        registration.put("decisionReference", "JC-" + application);
        Response registered = LedgerApi.created(secretariat(party), path + "/registration-decision", registration);
        Integer seq = registered.path("events.find { it.type == 'ProjectRegistered' }.seq");
        if (seq == null) {
            throw new AssertionError("the registration of " + application + " wrote no ProjectRegistered: " + registered.asString());
        }
        return given().auth().oauth2(TestTokens.auditor()).queryParam("after", seq - 1).queryParam("limit", 1).when()
                .get("/api/v1/ledger/events").then().statusCode(200).extract().path("items[0].event.projectId");
    }

    /** An accepting review's body: verdict ACCEPT, no reasons, no documents. */
    private static Map<String, Object> review() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verdict", "ACCEPT");
        body.put("reasons", List.of());
        body.put("documents", List.of());
        return body;
    }

    /**
     * The project's applicant reports {@code claimed} units for the period, the verifier verifies
     * {@code verified} of them and the applicant requests their issuance; returns the issuance
     * request's id ({@code IR…}), whose cycle the fixture remembers for {@link #decide}.
     */
    public static String request(String projectId, String periodStart, String periodEnd, long claimed, long verified) {
        String participant = given().when().get("/api/v1/projects/" + projectId).then().statusCode(200).extract()
                .path("participants[0].organizationId");
        String applicant = TestTokens.accountHolder(participant);
        String cycle = LedgerApi.created(applicant, "/api/v1/monitoring-cycles", Map.of("projectId", projectId,
                "periodStart", periodStart, "periodEnd", periodEnd, "claimedQuantity", claimed,
                "documents", cite(document(applicant), "MONITORING_REPORT"))).path("id");
        String verifier = entity(VERIFIER);
        Map<String, Object> verification = review();
        verification.put("verifiedQuantity", verified);
        verification.put("documents", cite(document(verifier), "VERIFICATION_REPORT"));
        LedgerApi.created(verifier, "/api/v1/monitoring-cycles/" + cycle + "/verification", verification);
        String request = LedgerApi.created(applicant, "/api/v1/monitoring-cycles/" + cycle + "/issuance-request", Map.of())
                .path("id");
        CYCLES.put(request, new Cycle(cycle, projectId, false));
        return request;
    }

    /** The monitoring cycle ({@code MC…}) of an issuance request the fixture made. */
    public static String cycleOf(String issuanceRequestId) {
        return known(issuanceRequestId).id();
    }

    /** Whether the JC secretariat has decided an issuance request the fixture made. */
    public static boolean decided(String issuanceRequestId) {
        return known(issuanceRequestId).decided();
    }

    private static Cycle known(String issuanceRequestId) {
        Cycle cycle = CYCLES.get(issuanceRequestId);
        if (cycle == null) {
            throw new AssertionError("issuance request " + issuanceRequestId + " was not made by the fixture");
        }
        return cycle;
    }

    /**
     * One share of an issuance decision: the registry that issues it, its vintage and its
     * allocations (accounts of that registry); numbered in the project's (first) host's line.
     */
    public record Share(String registryId, int vintage, List<String> accounts, List<Long> quantities) {

        Map<String, Object> body(String numberingHost) {
            List<Map<String, Object>> allocations = new ArrayList<>();
            for (int i = 0; i < accounts.size(); i++) {
                allocations.add(Map.of("accountId", accounts.get(i), "quantity", quantities.get(i)));
            }
            return Map.of("registryId", registryId, "numberingHost", numberingHost, "vintage", vintage,
                    "allocations", allocations);
        }
    }

    /** The JC secretariat of the project's host accepts the request with these shares; returns its answer. */
    public static Response decide(String issuanceRequestId, List<Share> shares) {
        Cycle cycle = known(issuanceRequestId);
        String host = given().when().get("/api/v1/projects/" + cycle.projectId()).then().statusCode(200).extract()
                .path("hostParty");
        Map<String, Object> body = review();
        body.put("decisionReference", "JC-" + cycle.id());
        body.put("shares", shares.stream().map(share -> share.body(host)).toList());
        Response decided = LedgerApi.created(secretariat(host), "/api/v1/monitoring-cycles/" + cycle.id() + "/issuance-decision",
                body);
        CYCLES.put(issuanceRequestId, new Cycle(cycle.id(), cycle.projectId(), true));
        return decided;
    }
}

package org.jcm.bench.inproc;

import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link WritePathBench}'s world, set up through the service's REST API: one registry, 100
 * organizations with 10 accounts each, every account funded with 1,000,000 units (a project through
 * the project cycle's route, ten decided monitoring cycles); and what the
 * load needs to send requests in it (the accounts, each organization's token, fresh
 * Idempotency-Keys).
 */
final class WriteWorld {

    static final int ORGS = 100;
    static final int ACCOUNTS_PER_ORG = 10;
    static final int ACCOUNTS = ORGS * ACCOUNTS_PER_ORG;
    static final long UNITS_PER_ACCOUNT = 1_000_000;
    static final String REGISTRY = "MNG01";

    final String[] orgs = new String[ORGS];
    final String[] orgTokens = new String[ORGS];
    final String[] accounts = new String[ACCOUNTS];
    private final HttpClient setupClient;
    private final String base;
    private final AtomicLong keys = new AtomicLong();
    private final String keyPrefix = UUID.randomUUID().toString().substring(0, 8) + "-";
    /** The SHA-256 of the uploaded PDF every step of the route cites. */
    private String document;

    WriteWorld(HttpClient setupClient, String base) {
        this.setupClient = setupClient;
        this.base = base;
    }

    /**
     * Creates the registry, the organizations (each with a transfer policy of no approval and no
     * delay, so that every transfer executes at once), the accounts and the issuances that fund them
     * (each proposed by one administrator and approved by a second one).
     */
    void setUp() throws Exception {
        long started = System.nanoTime();
        String admin = token("admin@" + REGISTRY, "registry-admin", Map.of("registry", REGISTRY));
        String approver = token("approver@" + REGISTRY, "registry-admin", Map.of("registry", REGISTRY, "approver", true));
        post(token("operator", "operator", Map.of()), "/api/v1/registries",
                "{\"registryId\":\"" + REGISTRY + "\",\"name\":\"Mongolia registry\"}");
        for (int o = 0; o < ORGS; o++) {
            orgs[o] = field(post(admin, "/api/v1/organizations",
                    "{\"registryId\":\"" + REGISTRY + "\",\"name\":\"Bench org " + o + "\"}"), "id");
            orgTokens[o] = token("holder@" + orgs[o], "account-holder", Map.of("org", orgs[o]));
            send("PUT", admin, "/api/v1/organizations/" + orgs[o] + "/transfer-policy",
                    "{\"approvalThreshold\":null,\"untrustedNeedsApproval\":false,\"untrustedDelay\":\"PT0S\"}");
        }
        List<CompletableFuture<HttpResponse<String>>> opened = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            opened.add(postAsync(admin, "/api/v1/accounts", "{\"organizationId\":\"" + orgs[a / ACCOUNTS_PER_ORG]
                    + "\",\"name\":\"Bench account " + a + "\"}"));
        }
        for (int a = 0; a < ACCOUNTS; a++) {
            HttpResponse<String> r = opened.get(a).join();
            expect201(r, "/api/v1/accounts");
            accounts[a] = field(r.body(), "id");
        }
        String project = project(orgs[0], orgTokens[0]);
        for (int first = 0; first < ACCOUNTS; first += 100) {
            StringBuilder allocations = new StringBuilder();
            for (int a = first; a < first + 100; a++) {
                allocations.append(a == first ? "" : ",").append("{\"accountId\":\"").append(accounts[a])
                        .append("\",\"quantity\":").append(UNITS_PER_ACCOUNT).append('}');
            }
            int vintage = 2015 + first / 100;
            String request = decided(project, orgTokens[0], vintage, "[" + allocations + "]", 100 * UNITS_PER_ACCOUNT);
            String proposal = field(post(admin, "/api/v1/issuances", "{\"issuanceId\":\"" + project + "-" + vintage + "\",\"projectId\":\"" + project
                    + "\",\"monitoringPeriodStart\":\"" + vintage + "-01-01\",\"monitoringPeriodEnd\":\"" + vintage
                    + "-12-31\",\"vintage\":" + vintage + ","
                    + "\"totalQuantity\":" + 100 * UNITS_PER_ACCOUNT + ",\"allocations\":[" + allocations + "],"
                    + "\"issuanceRequestId\":\"" + request + "\"}"), "id");
            send("POST", approver, "/api/v1/proposals/" + proposal + "/approve", null);
        }
        WritePathBench.log("set up %d organizations, %d accounts with %,d units each in %d ms", ORGS, ACCOUNTS, UNITS_PER_ACCOUNT,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * A project of {@code organization} through the project cycle's route (docs/project-cycle.md):
     * Mongolia's methodology approved by its JC secretariat, two accredited entities, the PIN
     * confirmed by Mongolia's government, the design validated, the registration decided; its id.
     */
    private String project(String organization, String applicant) {
        String secretariat = token("secretariat@MNG", "jc-secretariat", Map.of("party", "MNG"));
        post(secretariat, "/api/v1/methodologies", "{\"id\":\"MN_AM001\",\"hostParty\":\"MNG\",\"title\":\"Bench\","
                + "\"sectoralScope\":1,\"version\":1,\"status\":\"APPROVED\"}");
        for (String entity : List.of("TPE-0001", "TPE-0002")) {
            post(token("operator", "operator", Map.of()), "/api/v1/third-party-entities", "{\"id\":\"" + entity
                    + "\",\"name\":\"Bench " + entity + "\",\"sectoralScopes\":[1],\"hostParties\":[\"MNG\"],\"status\":\"ACTIVE\"}");
        }
        document = field(setupClient.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents?fileName=bench.pdf"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + applicant).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofString("%PDF-1.4\n% bench " + keyPrefix + "\ntrailer << >>\n%%EOF\n")).build(),
                HttpResponse.BodyHandlers.ofString()).join().body(), "sha256");
        String application = field(post(applicant, "/api/v1/applications", "{\"title\":\"Bench project\",\"hostParties\":[\"MNG\"],"
                + "\"methodologyId\":\"MN_AM001\",\"financing\":{\"kind\":\"PRIVATE\",\"japanShareBasisPoints\":0},"
                + "\"participants\":{\"representative\":\"" + organization + "\",\"others\":[]},\"documents\":" + cite("PIN") + "}"),
                "id");
        String path = "/api/v1/applications/" + application;
        post(token("gov@MNG", "government", Map.of("party", "MNG")), path + "/project-idea-review", accept(""));
        post(applicant, path + "/design", "{\"documents\":" + cite("PDD") + "}");
        post(token("validator", "third-party-entity", Map.of("tpe", "TPE-0001")), path + "/validation",
                "{\"verdict\":\"ACCEPT\",\"reasons\":[],\"documents\":" + cite("VALIDATION_REPORT") + "}");
        String registered = post(secretariat, path + "/registration-decision", accept(",\"decisionReference\":\"JC-BENCH\""));
        Matcher seq = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)\\s*,\\s*\"type\"\\s*:\\s*\"ProjectRegistered\"").matcher(registered);
        if (!seq.find()) {
            throw new IllegalStateException("the registration wrote no ProjectRegistered: " + registered);
        }
        HttpResponse<String> entry = setupClient.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/ledger/events?limit=1&after="
                + (Long.parseLong(seq.group(1)) - 1))).header("Authorization", "Bearer " + token("auditor", "auditor", Map.of()))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).join();
        return field(entry.body(), "projectId");
    }

    /** A calendar-year monitoring cycle of the project, verified, requested and decided with one MNG01 share; the request's id. */
    private String decided(String project, String applicant, int vintage, String allocations, long total) {
        String cycle = field(post(applicant, "/api/v1/monitoring-cycles", "{\"projectId\":\"" + project + "\",\"periodStart\":\""
                + vintage + "-01-01\",\"periodEnd\":\"" + vintage + "-12-31\",\"claimedQuantity\":" + total
                + ",\"documents\":" + cite("MONITORING_REPORT") + "}"), "id");
        String path = "/api/v1/monitoring-cycles/" + cycle;
        post(token("verifier", "third-party-entity", Map.of("tpe", "TPE-0002")), path + "/verification",
                "{\"verdict\":\"ACCEPT\",\"verifiedQuantity\":" + total + ",\"reasons\":[],\"documents\":"
                        + cite("VERIFICATION_REPORT") + "}");
        String request = field(post(applicant, path + "/issuance-request", "{}"), "id");
        post(token("secretariat@MNG", "jc-secretariat", Map.of("party", "MNG")), path + "/issuance-decision",
                accept(",\"decisionReference\":\"JC-" + cycle + "\",\"shares\":[{\"registryId\":\"" + REGISTRY
                        + "\",\"numberingHost\":\"MNG\",\"vintage\":" + vintage + ",\"allocations\":" + allocations + "}]"));
        return request;
    }

    private String cite(String kind) {
        return "[{\"sha256\":\"" + document + "\",\"kind\":\"" + kind + "\"}]";
    }

    private static String accept(String more) {
        return "{\"verdict\":\"ACCEPT\",\"reasons\":[],\"documents\":[]" + more + "}";
    }

    private static String token(String subject, String group, Map<String, ?> claims) {
        // The longest lifetime the service accepts (jcm.security.max-token-lifetime); a run is shorter.
        var builder = Jwt.issuer("jcm-registry").audience("jcm-registry").subject(subject).upn(subject).groups(Set.of(group))
                .expiresIn(Duration.ofHours(1));
        claims.forEach(builder::claim);
        return builder.sign();
    }

    private String post(String token, String path, String json) {
        HttpResponse<String> r = postAsync(token, path, json).join();
        expect201(r, path);
        return r.body();
    }

    /** Sends a request with a JSON body (none if null) and expects a 2xx answer. */
    private void send(String method, String token, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", nextKey());
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> r = setupClient.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).join();
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void expect201(HttpResponse<String> r, String path) {
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String token, String path, String json) {
        return setupClient.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", nextKey())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** A fresh Idempotency-Key. */
    String nextKey() {
        return keyPrefix + keys.incrementAndGet();
    }
}

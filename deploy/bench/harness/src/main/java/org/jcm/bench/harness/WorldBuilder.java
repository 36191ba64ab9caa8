package org.jcm.bench.harness;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jcm.ledger.canonical.Json;
import org.jcm.embedded.JwtIssuer;

/**
 * Builds the benchmark's world through the real API, as the registry's users would: a registry,
 * holding organizations and their accounts, each organization's transfer policy (no approval, no
 * delay: every transfer executes at once, the one-request path), projects of organization 1 taken
 * through the JCM project cycle's route, decided issuances on verified monitoring cycles that fund
 * every account (each proposed by one administrator and approved by a second one), and an
 * account holding 1,000 live blocks (as HoldingsReadSanityTest builds it: issue 2,000 units, then
 * transfer every second unit away in one transfer of 1,000 serial ranges).
 */
final class WorldBuilder {

    static final String REGISTRY = "MNG01";
    /** Projects registered on the route; the issuance scenario's one-day monitoring cycles are spread over them. */
    static final int PROJECTS = 8;
    /** Funding issuances and the holdings account use their own vintages; the issuance scenario uses 2040 and later. */
    static final int FUNDING_VINTAGE = 2030;
    static final int HOLDINGS_VINTAGE = 2031;
    static final int HOLDINGS_BLOCKS = 1000;
    private static final int MAX_ALLOCATIONS = 100;
    private static final int IN_FLIGHT = 16;
    private static final Duration TOKEN_VALIDITY = Duration.ofDays(1);

    private final LoadClient client;
    private final JwtIssuer issuer;
    private final Console console;
    private final String keyPrefix;
    private long keys;

    WorldBuilder(LoadClient client, JwtIssuer issuer, Console console, String keyPrefix) {
        this.client = client;
        this.issuer = issuer;
        this.console = console;
        this.keyPrefix = keyPrefix;
    }

    /** One token per role and scope, valid for a day. */
    String authorization(String subject, String role, Map<String, ?> claims) {
        return "Bearer " + issuer.mint(subject, role, claims, Instant.now(), TOKEN_VALIDITY);
    }

    World build(int organizationCount, int accountCount, long unitsPerAccount) throws InterruptedException {
        String operator = authorization("bench-operator", "operator", Map.of());
        String admin = authorization("bench-admin@" + REGISTRY, "registry-admin", Map.of("registry", REGISTRY));
        String approver = authorization("bench-approver@" + REGISTRY, "registry-admin",
                Map.of("registry", REGISTRY, "approver", true));
        post(operator, "/api/v1/registries", body("registryId", REGISTRY, "name", "Mongolia JCM Registry"));

        List<String> organizations = new ArrayList<>();
        List<String> holders = new ArrayList<>();
        for (int o = 0; o < organizationCount; o++) {
            String id = id(post(admin, "/api/v1/organizations", body("registryId", REGISTRY, "name", "Bench holder " + (o + 1))));
            organizations.add(id);
            holders.add(authorization("bench-trader@" + id, "account-holder", Map.of("org", id)));
        }
        int[] accountOrganization = new int[accountCount];
        List<Map<String, Object>> accountBodies = new ArrayList<>();
        for (int a = 0; a < accountCount; a++) {
            accountOrganization[a] = a % organizationCount;
            accountBodies.add(body("organizationId", organizations.get(a % organizationCount), "name", "Bench account " + (a + 1)));
        }
        List<String> accounts = postAll(admin, "/api/v1/accounts", accountBodies).stream().map(WorldBuilder::id).toList();
        for (String organization : organizations) {
            sendAll(HttpMethod.PUT, admin, "/api/v1/organizations/" + organization + "/transfer-policy",
                    List.of(body("approvalThreshold", null, "untrustedNeedsApproval", false, "untrustedDelay", "PT0S")));
        }
        console.step("  registry " + REGISTRY + ", " + organizationCount + " organizations (transfer policy: no approval,"
                + " no delay), " + accountCount + " accounts");

        BenchRoute route = route(operator, organizations.get(0), holders.get(0));
        console.step("  projects " + String.join(", ", route.projectIds()) + " registered on the project cycle's route");
        // Each funding issuance is the share the JC secretariat decided on a verified monitoring cycle of project 1.
        List<List<Object>> allocationsByDecision = new ArrayList<>();
        for (int from = 0; from < accountCount; from += MAX_ALLOCATIONS) {
            List<Object> allocations = new ArrayList<>();
            for (int a = from; a < Math.min(accountCount, from + MAX_ALLOCATIONS); a++) {
                allocations.add(body("accountId", accounts.get(a), "quantity", unitsPerAccount));
            }
            allocationsByDecision.add(allocations);
        }
        List<Object> funded = issue(admin, approver, route, FUNDING_VINTAGE, allocationsByDecision, "fund-");
        console.step("  " + funded.size() + " decided issuances: " + unitsPerAccount + " units in every account");

        String holdingsAccount = holdingsAccount(admin, approver, route, organizations.get(0), holders.get(0));
        console.step("  account " + holdingsAccount + " holds " + HOLDINGS_BLOCKS + " live blocks");
        return new World(REGISTRY, route, List.copyOf(organizations), List.copyOf(holders), accounts, accountOrganization,
                admin, approver, holdingsAccount, keyPrefix);
    }

    /**
     * Mongolia's methodology (its JC secretariat), the two entities (the operator), the document every
     * step cites, and {@link #PROJECTS} projects of organization 1 through the application route: the
     * PIN confirmed by Mongolia's government, the design validated by the first entity, registered by
     * the JC secretariat.
     */
    private BenchRoute route(String operator, String representative, String applicant) throws InterruptedException {
        String secretariat = authorization("bench-secretariat@MNG", "jc-secretariat", Map.of("party", BenchRoute.HOST));
        String government = authorization("bench-gov@MNG", "government", Map.of("party", BenchRoute.HOST));
        String validator = authorization("bench-validator", "third-party-entity", Map.of("tpe", BenchRoute.VALIDATOR));
        String verifier = authorization("bench-verifier", "third-party-entity", Map.of("tpe", BenchRoute.VERIFIER));
        String auditor = authorization("bench-auditor", "auditor", Map.of());
        post(secretariat, "/api/v1/methodologies", body("id", BenchRoute.METHODOLOGY, "hostParty", BenchRoute.HOST,
                "title", "Benchmark methodology", "sectoralScope", 1L, "version", 1L, "status", "APPROVED"));
        for (String entity : List.of(BenchRoute.VALIDATOR, BenchRoute.VERIFIER)) {
            post(operator, "/api/v1/third-party-entities", body("id", entity, "name", "Benchmark entity " + entity,
                    "sectoralScopes", List.of(1L), "hostParties", List.of(BenchRoute.HOST), "status", "ACTIVE"));
        }
        BenchRoute cited = new BenchRoute(applicant, verifier, secretariat, upload(applicant), List.of());
        List<String> projects = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            String application = id(post(applicant, "/api/v1/applications", body("title", "Benchmark project " + (p + 1),
                    "hostParties", List.of(BenchRoute.HOST), "methodologyId", BenchRoute.METHODOLOGY,
                    "financing", body("kind", "PRIVATE", "japanShareBasisPoints", 0L),
                    "participants", body("representative", representative, "others", List.of()),
                    "documents", cited.cite("PIN"))));
            String path = "/api/v1/applications/" + application;
            post(government, path + "/project-idea-review", BenchRoute.accept());
            post(applicant, path + "/design", body("documents", cited.cite("PDD")));
            Map<String, Object> validation = BenchRoute.accept();
            validation.put("documents", cited.cite("VALIDATION_REPORT"));
            post(validator, path + "/validation", validation);
            Map<String, Object> registration = BenchRoute.accept();
            registration.put("decisionReference", "JC-BENCH-" + application);
            projects.add(registeredProject(auditor, post(secretariat, path + "/registration-decision", registration)));
        }
        return new BenchRoute(applicant, verifier, secretariat, cited.document(), List.copyOf(projects));
    }

    /** Uploads the benchmark's PDF as {@code uploader}; its SHA-256. */
    private String upload(String uploader) throws InterruptedException {
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >>"
                + " endobj\n% benchmark " + keyPrefix + "\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        LoadClient.Answer answer;
        try {
            answer = client.send(new LoadClient.Request(HttpMethod.POST, "/api/v1/documents?fileName=benchmark.pdf", uploader,
                    null, Buffer.buffer(pdf)), "application/pdf").toCompletableFuture().get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Setup failed at POST /api/v1/documents: " + e.getMessage(), e);
        }
        if (answer.status() / 100 != 2 || !(Json.parse(answer.text()) instanceof Map<?, ?> map)
                || !(map.get("sha256") instanceof String sha256)) {
            throw new IllegalStateException("POST /api/v1/documents answered " + answer.status() + ": " + answer.text());
        }
        return sha256;
    }

    /** The project id of the ProjectRegistered event a registration's answer names, read back as the auditor. */
    private String registeredProject(String auditor, Object registered) throws InterruptedException {
        long seq = -1;
        if (registered instanceof Map<?, ?> map && map.get("events") instanceof List<?> events) {
            for (Object event : events) {
                if (event instanceof Map<?, ?> e && "ProjectRegistered".equals(e.get("type")) && e.get("seq") instanceof Long s) {
                    seq = s;
                }
            }
        }
        if (seq < 0) {
            throw new IllegalStateException("The registration wrote no ProjectRegistered: " + Json.write(registered));
        }
        Object page = sendEach(HttpMethod.GET, auditor, List.of("/api/v1/ledger/events?limit=1&after=" + (seq - 1)),
                Collections.singletonList(null)).get(0);
        if (page instanceof Map<?, ?> map && map.get("items") instanceof List<?> items && !items.isEmpty()
                && items.get(0) instanceof Map<?, ?> entry && entry.get("event") instanceof Map<?, ?> event
                && event.get("projectId") instanceof String project) {
            return project;
        }
        throw new IllegalStateException("The ledger's event " + seq + " names no project: " + Json.write(page));
    }

    /**
     * One decided issuance per element of {@code allocationsByDecision}: decision {@code d} is a
     * monitoring cycle of project 1 on day {@code d} of {@code vintage}, reported and requested by the
     * applicant, verified, decided by the JC secretariat with that share of MNG01, then issued
     * (proposed and approved). Stage by stage, up to 16 requests in flight; the approvals' answers.
     */
    private List<Object> issue(String admin, String approver, BenchRoute route, int vintage, List<List<Object>> allocationsByDecision,
                               String idPrefix) throws InterruptedException {
        String project = route.projectIds().get(0);
        List<Map<String, Object>> reports = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (int d = 0; d < allocationsByDecision.size(); d++) {
            long total = 0;
            for (Object allocation : allocationsByDecision.get(d)) {
                total += (Long) ((Map<?, ?>) allocation).get("quantity");
            }
            totals.add(total);
            reports.add(route.report(project, LocalDate.of(vintage, 1, 1).plusDays(d), total));
        }
        List<String> cycles = postAll(route.applicant(), "/api/v1/monitoring-cycles", reports).stream().map(WorldBuilder::id).toList();
        List<String> paths = new ArrayList<>();
        List<Map<String, Object>> verifications = new ArrayList<>();
        List<Map<String, Object>> empty = new ArrayList<>();
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (int d = 0; d < cycles.size(); d++) {
            paths.add("/api/v1/monitoring-cycles/" + cycles.get(d));
            verifications.add(route.verification(totals.get(d)));
            empty.add(body());
            decisions.add(BenchRoute.decision(REGISTRY, vintage, allocationsByDecision.get(d), "JC-BENCH-" + cycles.get(d)));
        }
        sendEach(HttpMethod.POST, route.verifier(), suffixed(paths, "/verification"), verifications);
        List<String> requests = sendEach(HttpMethod.POST, route.applicant(), suffixed(paths, "/issuance-request"), empty).stream()
                .map(WorldBuilder::id).toList();
        sendEach(HttpMethod.POST, route.secretariat(), suffixed(paths, "/issuance-decision"), decisions);
        List<Map<String, Object>> issuances = new ArrayList<>();
        for (int d = 0; d < cycles.size(); d++) {
            issuances.add(BenchRoute.issuance(keyPrefix + idPrefix + d, project, LocalDate.of(vintage, 1, 1).plusDays(d),
                    allocationsByDecision.get(d), totals.get(d), requests.get(d)));
        }
        return approveAll(approver, postAll(admin, "/api/v1/issuances", issuances));
    }

    private static List<String> suffixed(List<String> paths, String suffix) {
        return paths.stream().map(path -> path + suffix).toList();
    }

    /** Issues 2 x 1,000 units to a new account, then moves every second unit to another: 1,000 one-unit blocks stay. */
    private String holdingsAccount(String admin, String approver, BenchRoute route, String organization, String holder)
            throws InterruptedException {
        String account = id(post(admin, "/api/v1/accounts", body("organizationId", organization, "name", "Bench holdings")));
        String sink = id(post(admin, "/api/v1/accounts", body("organizationId", organization, "name", "Bench holdings sink")));
        Object issued = issue(admin, approver, route, HOLDINGS_VINTAGE,
                List.of(List.of(body("accountId", account, "quantity", 2L * HOLDINGS_BLOCKS))), "holdings-").get(0);
        long first = firstUnit(issued, account);
        String project = route.projectIds().get(0);
        List<String> everySecondUnit = new ArrayList<>();
        for (long unit = first + 1; unit < first + 2L * HOLDINGS_BLOCKS; unit += 2) {
            everySecondUnit.add("JCM-" + project + "-" + HOLDINGS_VINTAGE + "-" + unit + "-" + unit);
        }
        post(holder, "/api/v1/transfers", body("fromAccountId", account, "toAccountId", sink,
                "quantity", (long) HOLDINGS_BLOCKS, "serialRanges", everySecondUnit));
        return account;
    }

    /** The first unit of the block an issuance answer placed in {@code account} (its serial's next-to-last field). */
    static long firstUnit(Object answer, String account) {
        String serial = serialIn(answer, account);
        if (serial == null) {
            throw new IllegalStateException("The issuance answer names no block for " + account + ": " + Json.write(answer));
        }
        String[] fields = serial.split("-");
        return Long.parseLong(fields[fields.length - 2]);
    }

    private static String serialIn(Object tree, String account) {
        if (tree instanceof Map<?, ?> map) {
            if (account.equals(map.get("accountId")) && map.get("serial") instanceof String serial) {
                return serial;
            }
            for (Object child : map.values()) {
                String found = serialIn(child, account);
                if (found != null) {
                    return found;
                }
            }
        } else if (tree instanceof List<?> list) {
            for (Object child : list) {
                String found = serialIn(child, account);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String id(Object answer) {
        if (answer instanceof Map<?, ?> map && map.get("id") instanceof String id) {
            return id;
        }
        throw new IllegalStateException("The answer has no id: " + Json.write(answer));
    }

    private Object post(String authorization, String path, Map<String, Object> body) throws InterruptedException {
        return postAll(authorization, path, List.of(body)).get(0);
    }

    /**
     * Approves, as {@code approver}, each proposal that {@code proposed} answered with; returns the
     * approvals' answers (the actions' events), in the same order.
     */
    private List<Object> approveAll(String approver, List<Object> proposed) throws InterruptedException {
        List<Object> approved = new ArrayList<>();
        for (Object proposal : proposed) {
            approved.addAll(sendAll(HttpMethod.POST, approver, "/api/v1/proposals/" + id(proposal) + "/approve",
                    Collections.singletonList(null)));
        }
        return approved;
    }

    /** Posts each body (up to 16 at a time), retrying while the answer is 503; every answer must be 2xx. */
    private List<Object> postAll(String authorization, String path, List<Map<String, Object>> bodies) throws InterruptedException {
        return sendAll(HttpMethod.POST, authorization, path, bodies);
    }

    /** Sends each body (none if null; up to 16 at a time), retrying while the answer is 503; every answer must be 2xx. */
    private List<Object> sendAll(HttpMethod method, String authorization, String path, List<Map<String, Object>> bodies)
            throws InterruptedException {
        return sendEach(method, authorization, Collections.nCopies(bodies.size(), path), bodies);
    }

    /** As {@link #sendAll}, body {@code i} to {@code paths.get(i)}. */
    private List<Object> sendEach(HttpMethod method, String authorization, List<String> paths, List<Map<String, Object>> bodies)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            Map<String, Object> body = bodies.get(i);
            String path = paths.get(i);
            inFlight.acquire();
            LoadClient.Request request = new LoadClient.Request(method, path, authorization, keyPrefix + "setup-" + (keys++),
                    body == null ? null : Buffer.buffer(Json.write(body)));
            CompletableFuture<Object> answer = send(request, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
            answer.whenComplete((result, failure) -> inFlight.release());
            answers.add(answer);
        }
        List<Object> results = new ArrayList<>();
        for (CompletableFuture<Object> answer : answers) {
            try {
                results.add(answer.get(2, TimeUnit.MINUTES));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IllegalStateException("Setup failed at " + method + " " + paths.get(answers.indexOf(answer)) + ": "
                        + cause.getMessage(), cause);
            }
        }
        return results;
    }

    private CompletableFuture<Object> send(LoadClient.Request request, long deadline) {
        Buffer body = request.body() == null ? null : request.body().copy();
        return client.send(new LoadClient.Request(request.method(), request.uri(), request.authorization(),
                        request.idempotencyKey(), body)).toCompletableFuture()
                .thenCompose(answer -> {
                    if (answer.status() >= 200 && answer.status() < 300) {
                        try {
                            return CompletableFuture.completedFuture(Json.parse(answer.text()));
                        } catch (RuntimeException e) {
                            return CompletableFuture.failedFuture(new IllegalStateException(request.method() + " "
                                    + request.uri() + " answered " + answer.status() + " with a body that is not JSON ("
                                    + e.getMessage() + "): '" + answer.text() + "'", e));
                        }
                    }
                    if ((answer.status() == 503 || answer.status() == 0) && System.nanoTime() < deadline) {
                        return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))
                                .thenCompose(ignored -> send(request, deadline));
                    }
                    return CompletableFuture.failedFuture(new IllegalStateException(request.method() + " " + request.uri()
                            + " answered "
                            + (answer.status() == 0 ? answer.failure() : answer.status() + ": " + answer.text())));
                });
    }

    /** A JSON object from alternating names and values, in order. */
    static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }
}

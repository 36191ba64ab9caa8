package org.jcm.bench.harness;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
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
import org.jcm.localstack.JwtIssuer;

/**
 * Builds the benchmark's world through the real API, as the registry's users would: a registry,
 * holding organizations and their accounts, each organization's transfer policy (no approval, no
 * delay: every transfer executes at once, the one-request path), a project (organization 1 its
 * participant), issuance requests and the issuances on them that fund every account (each proposed
 * by one administrator and approved by a second one), and an
 * account holding 1,000 live blocks (as HoldingsReadSanityTest builds it: issue 2,000 units, then
 * transfer every second unit away in one transfer of 1,000 serial ranges).
 */
final class WorldBuilder {

    static final String REGISTRY = "MNG01";
    static final String PROJECT = "MN001";
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

        post(admin, "/api/v1/projects", body("projectId", PROJECT, "title", "Benchmark project", "methodologyId", "MN_AM001",
                "registryId", REGISTRY, "participants", List.of(organizations.get(0))));
        // Each funding issuance is a Joint Committee decision that the participant requested first.
        List<List<Object>> allocationsByDecision = new ArrayList<>();
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int from = 0, decision = 0; from < accountCount; from += MAX_ALLOCATIONS, decision++) {
            List<Object> allocations = new ArrayList<>();
            for (int a = from; a < Math.min(accountCount, from + MAX_ALLOCATIONS); a++) {
                allocations.add(body("accountId", accounts.get(a), "quantity", unitsPerAccount));
            }
            allocationsByDecision.add(allocations);
            requests.add(issuanceRequest(FUNDING_VINTAGE, decision, unitsPerAccount * allocations.size()));
        }
        List<Object> requested = postAll(holders.get(0), "/api/v1/issuance-requests", requests);
        List<Map<String, Object>> issuances = new ArrayList<>();
        for (int decision = 0; decision < allocationsByDecision.size(); decision++) {
            List<Object> allocations = allocationsByDecision.get(decision);
            issuances.add(issuance(keyPrefix + "fund-" + decision, FUNDING_VINTAGE, decision, allocations,
                    unitsPerAccount * allocations.size(), id(requested.get(decision))));
        }
        approveAll(approver, postAll(admin, "/api/v1/issuances", issuances));
        console.step("  project " + PROJECT + ", " + issuances.size() + " issuances: " + unitsPerAccount + " units in every account");

        String holdingsAccount = holdingsAccount(admin, approver, organizations.get(0), holders.get(0));
        console.step("  account " + holdingsAccount + " holds " + HOLDINGS_BLOCKS + " live blocks");
        return new World(REGISTRY, PROJECT, List.copyOf(organizations), List.copyOf(holders), accounts, accountOrganization,
                admin, approver, holdingsAccount, keyPrefix);
    }

    /** Issues 2 x 1,000 units to a new account, then moves every second unit to another: 1,000 one-unit blocks stay. */
    private String holdingsAccount(String admin, String approver, String organization, String holder)
            throws InterruptedException {
        String account = id(post(admin, "/api/v1/accounts", body("organizationId", organization, "name", "Bench holdings")));
        String sink = id(post(admin, "/api/v1/accounts", body("organizationId", organization, "name", "Bench holdings sink")));
        String request = id(post(holder, "/api/v1/issuance-requests", issuanceRequest(HOLDINGS_VINTAGE, 0, 2L * HOLDINGS_BLOCKS)));
        Object issued = approveAll(approver, List.of(post(admin, "/api/v1/issuances", issuance(keyPrefix + "holdings",
                HOLDINGS_VINTAGE, 0, List.of(body("accountId", account, "quantity", 2L * HOLDINGS_BLOCKS)),
                2L * HOLDINGS_BLOCKS, request)))).get(0);
        long first = firstUnit(issued, account);
        List<String> everySecondUnit = new ArrayList<>();
        for (long unit = first + 1; unit < first + 2L * HOLDINGS_BLOCKS; unit += 2) {
            everySecondUnit.add("JCM-" + PROJECT + "-" + HOLDINGS_VINTAGE + "-" + unit + "-" + unit);
        }
        post(holder, "/api/v1/transfers", body("fromAccountId", account, "toAccountId", sink,
                "quantity", (long) HOLDINGS_BLOCKS, "serialRanges", everySecondUnit));
        return account;
    }

    /**
     * An issuance body for decision {@code decision} of a vintage, on the participant's request: the
     * Joint Committee decision (project, monitoring period, vintage) must be new, so the period
     * starts {@code decision} days into the vintage year.
     */
    static Map<String, Object> issuance(String issuanceId, int vintage, int decision, List<Object> allocations, long total,
                                        String issuanceRequestId) {
        LocalDate start = LocalDate.of(vintage, 1, 1).plusDays(decision);
        return body("issuanceId", issuanceId, "projectId", PROJECT, "monitoringPeriodStart", start.toString(),
                "monitoringPeriodEnd", LocalDate.of(vintage, 12, 31).toString(), "vintage", (long) vintage,
                "totalQuantity", total, "allocations", allocations, "issuanceRequestId", issuanceRequestId);
    }

    /** The participant's issuance request for decision {@code decision} of a vintage (its monitoring period, as above). */
    static Map<String, Object> issuanceRequest(int vintage, int decision, long verified) {
        LocalDate start = LocalDate.of(vintage, 1, 1).plusDays(decision);
        return body("projectId", PROJECT, "monitoringPeriodStart", start.toString(),
                "monitoringPeriodEnd", LocalDate.of(vintage, 12, 31).toString(), "verifiedQuantity", verified,
                "verificationReference", "VER-" + vintage + "-" + decision);
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
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (Map<String, Object> body : bodies) {
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
                throw new IllegalStateException("Setup failed at " + method + " " + path + ": " + cause.getMessage(), cause);
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

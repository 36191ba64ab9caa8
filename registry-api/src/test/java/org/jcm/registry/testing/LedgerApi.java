package org.jcm.registry.testing;

import io.quarkus.arc.Arc;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.registry.write.CommandResult;
import org.jcm.registry.write.Ledger;
import org.jcm.registry.write.LedgerWriter;
import org.jcm.testsupport.TestTokens;
import static io.restassured.RestAssured.given;

/**
 * Drives the registry through its REST API as clients would, to set up what a test needs: hosted
 * registries, organizations, accounts, projects and issued units. Ids that must be unique across
 * the test JVM (projects) are handed out here.
 */
public final class LedgerApi {

    private static final String[] PROJECT_HOSTS = {"MN", "TH", "VN", "ID", "KH", "LA", "BD", "KE", "PH", "MX"};
    private static final AtomicInteger NEXT_PROJECT = new AtomicInteger();

    private LedgerApi() {
    }

    /** A fresh idempotency key. */
    public static String key() {
        return UUID.randomUUID().toString();
    }

    /** A request with a bearer token and a fresh Idempotency-Key. */
    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key());
    }

    /** Posts {@code body} to {@code path} with a fresh key and expects 201. */
    public static Response created(String token, String path, Object body) {
        Response response = as(token).body(body).when().post(path);
        if (response.statusCode() != 201) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.asString());
        }
        return response;
    }

    /** Hosts a registry unless it is already hosted. */
    public static void registry(String registryId) {
        List<String> hosted = given().when().get("/api/v1/registries").then().statusCode(200).extract().path("items.id");
        if (!hosted.contains(registryId)) {
            created(TestTokens.operator(), "/api/v1/registries", Map.of("registryId", registryId, "name", registryId + " registry"));
        }
    }

    /** Records a new organization in a registry; returns its id. */
    public static String organization(String registryId) {
        return created(TestTokens.registryAdmin(registryId), "/api/v1/organizations",
                Map.of("registryId", registryId, "name", "Org " + UUID.randomUUID())).path("id");
    }

    /** Opens a holding account for an organization; returns its id. */
    public static String account(String organizationId) {
        String registry = organizationId.substring(0, 5);
        return created(TestTokens.registryAdmin(registry), "/api/v1/accounts",
                Map.of("organizationId", organizationId, "name", "Account of " + organizationId)).path("id");
    }

    /** A new project id, unique in this JVM, for one of a few partner hosts; {@code host} picks the alpha-2 prefix. */
    public static String projectId(String host) {
        return host + String.format("%03d", NEXT_PROJECT.incrementAndGet() % 1000);
    }

    /** Registers a project hosted by the Party of {@code projectId}'s prefix, in {@code registryId}. */
    public static String project(String registryId, String projectId, List<String> participants) {
        created(TestTokens.registryAdmin(registryId), "/api/v1/projects", Map.of("projectId", projectId,
                "title", "Project " + projectId, "methodologyId", projectId.substring(0, 2) + "_AM001",
                "registryId", registryId, "participants", participants));
        return projectId;
    }

    /**
     * Issues {@code quantities} (one allocation each, to {@code accounts}, all of them in
     * {@code registryId}: each side issues its share into its own registry) for a project and
     * vintage, with the calendar year as monitoring period: the project's first participant first
     * requests issuance of the total, then the registry's administrator issues on that request.
     * Returns the issuance's response.
     */
    public static Response issue(String registryId, String projectId, int vintage, List<String> accounts, List<Long> quantities) {
        long total = 0;
        for (Long q : quantities) {
            total += q;
        }
        return issueOn(registryId, projectId, vintage, request(projectId, vintage, total), accounts, quantities);
    }

    /**
     * The project's first participant asks for issuance of {@code verified} units for the calendar
     * year {@code vintage}; returns the request's id ({@code IR000001}, ...).
     */
    public static String request(String projectId, int vintage, long verified) {
        String participant = given().when().get("/api/v1/projects/" + projectId).then().statusCode(200).extract()
                .path("participants[0].organizationId");
        return created(TestTokens.accountHolder(participant), "/api/v1/issuance-requests", Map.of(
                "projectId", projectId,
                "monitoringPeriodStart", vintage + "-01-01",
                "monitoringPeriodEnd", vintage + "-12-31",
                "verifiedQuantity", verified,
                "verificationReference", "VER-" + projectId + "-" + vintage + "-" + UUID.randomUUID().toString().substring(0, 8)))
                .path("id");
    }

    /**
     * As {@link #issue}, on an existing issuance request (another registry's share of the same
     * decision, say). The registry's administrator proposes the issuance and a second one approves
     * it; returns the approval's response (events {@code ProposalApproved}, then {@code CreditsIssued}).
     */
    public static Response issueOn(String registryId, String projectId, int vintage, String issuanceRequestId, List<String> accounts,
                                   List<Long> quantities) {
        return approved(TestTokens.registryAdmin(registryId), TestTokens.registryApprover(registryId), "/api/v1/issuances",
                issuance(projectId, vintage, issuanceRequestId, accounts, quantities));
    }

    /**
     * A four-eyes action (docs/four-eyes.md): {@code proposer} posts {@code body} to the action's
     * usual {@code path}, which answers 201 with a proposal ({@code PR…}); {@code approver}, a second
     * subject of the same role and scope with {@code approver: true}, approves it. Returns the
     * approval's response: 201, the action's id, events {@code ProposalApproved} and the action's own.
     */
    public static Response approved(String proposer, String approver, String path, Object body) {
        return approve(approver, created(proposer, path, body).path("id"));
    }

    /** Approves a proposal ({@code POST /api/v1/proposals/{id}/approve}, no body) and expects 201. */
    public static Response approve(String approver, String proposalId) {
        String path = "/api/v1/proposals/" + proposalId + "/approve";
        Response response = given().auth().oauth2(approver).header("Idempotency-Key", key()).when().post(path);
        if (response.statusCode() != 201) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.asString());
        }
        return response;
    }

    /**
     * Sets the organization's transfer policy to no approval and no delay, so that its transfers to
     * accounts of other organizations execute at once, as they did before the transfer controls
     * (docs/four-eyes.md). The fixture's world, not what a test is about: it is submitted to the
     * service's own writer in this JVM as its registry's administrator ({@code SetTransferPolicy}).
     */
    public static void openTransfers(String organizationId) {
        OrganizationId org = OrganizationId.parse(organizationId);
        CommandResult result;
        try {
            result = Arc.container().instance(Ledger.class).get().writer().submit(new LedgerWriter.Item(
                    new SetTransferPolicy(org, Optional.empty(), false, Duration.ZERO),
                    Actor.registryAdmin("admin@" + org.registryId().value(), org.registryId()), null), Runnable::run)
                    .get(1, TimeUnit.MINUTES);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the writer did not answer", e);
        }
        if (!(result instanceof CommandResult.Accepted)) {
            throw new AssertionError("the transfer policy of " + organizationId + " was not set: " + result);
        }
    }

    /** A holding organization whose transfers execute at once ({@link #openTransfers}) with one account; [organizationId, accountId]. */
    public static String[] openHolder(String registryId) {
        String[] holder = holder(registryId);
        openTransfers(holder[0]);
        return holder;
    }

    /** The body of an issuance of {@code quantities} to {@code accounts} on a request, with a fresh issuance id. */
    public static Map<String, Object> issuance(String projectId, int vintage, String issuanceRequestId, List<String> accounts,
                                               List<Long> quantities) {
        List<Map<String, Object>> allocations = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < accounts.size(); i++) {
            allocations.add(Map.of("accountId", accounts.get(i), "quantity", quantities.get(i)));
            total += quantities.get(i);
        }
        return Map.of(
                "issuanceId", projectId + "-" + vintage + "-" + UUID.randomUUID().toString().substring(0, 8),
                "projectId", projectId,
                "monitoringPeriodStart", vintage + "-01-01",
                "monitoringPeriodEnd", vintage + "-12-31",
                "vintage", vintage,
                "totalQuantity", total,
                "allocations", allocations,
                "issuanceRequestId", issuanceRequestId);
    }

    /** A holding organization with one account in {@code registryId}; [organizationId, accountId]. */
    public static String[] holder(String registryId) {
        String org = organization(registryId);
        return new String[] {org, account(org)};
    }

    /** A transfer body of the first {@code quantity} units in selection order. */
    public static Map<String, Object> transfer(String from, String to, long quantity) {
        return Map.of("fromAccountId", from, "toAccountId", to, "quantity", quantity);
    }

    /** Unique project number source, for tests that need many. */
    public static int nextProjectNumber() {
        return NEXT_PROJECT.incrementAndGet();
    }

    /** The hosts project ids are drawn from. */
    public static String host(int i) {
        return PROJECT_HOSTS[i % PROJECT_HOSTS.length];
    }
}

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
 * registries, organizations, accounts, projects (through the project cycle's route,
 * {@link RouteFixture}) and issued units.
 */
public final class LedgerApi {

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

    /**
     * A project of {@code participants} (the first the representative, whose account holders apply)
     * hosted by the Party of alpha-2 {@code host}, taken through the project cycle's application route
     * ({@link RouteFixture#project}); returns the id its registration gave it (e.g. {@code MN004}).
     */
    public static String project(String host, List<String> participants) {
        return RouteFixture.project(host, participants);
    }

    /**
     * Issues {@code quantities} (one allocation each, to {@code accounts}, all of them in
     * {@code registryId}: each side issues its share into its own registry) for a project and
     * vintage, with the calendar year as monitoring period: a monitoring cycle of the total, verified
     * and requested ({@link #request}), decided with this one share, then issued by the registry's
     * administrators. Returns the issuance's response.
     */
    public static Response issue(String registryId, String projectId, int vintage, List<String> accounts, List<Long> quantities) {
        long total = 0;
        for (Long q : quantities) {
            total += q;
        }
        return issueOn(registryId, projectId, vintage, request(projectId, vintage, total), accounts, quantities);
    }

    /**
     * The project's applicant reports {@code verified} units for the calendar year {@code vintage},
     * the fixture's verifier verifies them all and the applicant requests issuance; returns the
     * request's id ({@code IR000001}, ...), not yet decided.
     */
    public static String request(String projectId, int vintage, long verified) {
        return RouteFixture.request(projectId, vintage + "-01-01", vintage + "-12-31", verified, verified);
    }

    /** The JC secretariat decides a request of {@link #request} with these shares. */
    public static Response decide(String issuanceRequestId, RouteFixture.Share... shares) {
        return RouteFixture.decide(issuanceRequestId, List.of(shares));
    }

    /**
     * A request of {@link #request} for the total of {@code quantities}, decided with one share: that
     * many units of {@code vintage} to {@code accounts} of {@code registryId}. Returns the request's id.
     */
    public static String decided(String registryId, String projectId, int vintage, List<String> accounts, List<Long> quantities) {
        String request = request(projectId, vintage, quantities.stream().mapToLong(Long::longValue).sum());
        decide(request, share(registryId, vintage, accounts, quantities));
        return request;
    }

    /** One share of a decision: {@code quantities} of {@code vintage} to {@code accounts} of {@code registryId}. */
    public static RouteFixture.Share share(String registryId, int vintage, List<String> accounts, List<Long> quantities) {
        return new RouteFixture.Share(registryId, vintage, accounts, quantities);
    }

    /**
     * As {@link #issue}, on an existing issuance request (another registry's share of the same
     * decision, say), decided first with this one share unless it was decided ({@link #decide}). The
     * registry's administrator proposes the issuance and a second one approves it; returns the approval's response (events {@code ProposalApproved}, then {@code CreditsIssued}).
     */
    public static Response issueOn(String registryId, String projectId, int vintage, String issuanceRequestId, List<String> accounts,
                                   List<Long> quantities) {
        if (!RouteFixture.decided(issuanceRequestId)) {
            decide(issuanceRequestId, share(registryId, vintage, accounts, quantities));
        }
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
}

package org.jcm.registry.proposal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proposals and approvals of four-eyes actions through the real API: an issuance proposed by one
 * registry administrator executes only when a second one of the same registry, whose token carries
 * {@code "approver": true}, approves it; rejection, withdrawal, approving one's own, from another
 * registry or Party, without the claim, twice, at the same time, and what no single credential can
 * do alone.
 */
@QuarkusTest
class ProposalApiTest {

    static final String ALICE = ApproverTokens.admin("alice@MNG01", "MNG01", true);
    static final String BOB = ApproverTokens.admin("bob@MNG01", "MNG01", true);
    static final String CAROL = ApproverTokens.admin("carol@MNG01", "MNG01", true);
    static final String DAVE_NO_CLAIM = ApproverTokens.admin("dave@MNG01", "MNG01", false);

    private static String holderOrg;
    private static String account;

    @BeforeEach
    void setUp() {
        if (account == null) {
            LedgerApi.registry("MNG01");
            LedgerApi.registry("THA01");
            String[] holder = LedgerApi.holder("MNG01");
            holderOrg = holder[0];
            account = holder[1];
        }
    }

    /** A fresh issuance of {@code quantity} units to an account of the holder, on a new project's decided request. */
    static Map<String, Object> issuance(String intoAccount, long quantity) {
        String project = LedgerApi.project("MN", List.of(holderOrg));
        String request = LedgerApi.decided(intoAccount.substring(0, 5), project, 2024, List.of(intoAccount), List.of(quantity));
        return LedgerApi.issuance(project, 2024, request, List.of(intoAccount), List.of(quantity));
    }

    /** Proposes {@code body} as {@code token}; returns the answer (201 expected). */
    static Response propose(String token, Map<String, Object> body) {
        return LedgerApi.created(token, "/api/v1/issuances", body);
    }

    static Response approve(String token, String proposalId) {
        return LedgerApi.as(token).post("/api/v1/proposals/" + proposalId + "/approve");
    }

    static Response reject(String token, String proposalId, String reason) {
        return LedgerApi.as(token).body(Map.of("reason", reason)).post("/api/v1/proposals/" + proposalId + "/reject");
    }

    static Response read(String token, String proposalId) {
        return given().auth().oauth2(token).get("/api/v1/proposals/" + proposalId);
    }

    /** The units held by the account, from its holdings. */
    static long held(String accountId) {
        List<Integer> quantities = given().auth().oauth2(TestTokens.registryAdmin("MNG01"))
                .get("/api/v1/accounts/" + accountId + "/holdings?limit=1000").then().statusCode(200).extract()
                .path("items.quantity");
        return quantities.stream().mapToLong(Integer::longValue).sum();
    }

    static String freshAccount() {
        return LedgerApi.account(holderOrg);
    }

    @Test
    void an_issuance_is_proposed_by_one_administrator_and_executes_only_when_a_second_one_approves() {
        String into = freshAccount();
        Map<String, Object> body = issuance(into, 700);
        Response proposed = propose(ALICE, body);
        String id = proposed.path("id");
        assertThat(id).matches("PR\\d{8}");
        assertThat(proposed.header("Location")).endsWith("/api/v1/proposals/" + id);
        assertThat(proposed.<List<String>>path("events.type")).containsExactly("ProposalMade");
        assertThat(held(into)).isZero();

        Response pending = read(BOB, id);
        pending.then().statusCode(200);
        assertThat(pending.<String>path("status")).isEqualTo("PENDING");
        assertThat(pending.<String>path("kind")).isEqualTo("ISSUANCE");
        assertThat(pending.<String>path("action.type")).isEqualTo("IssueCredits");
        assertThat(pending.<String>path("action.issuanceId")).isEqualTo(body.get("issuanceId"));
        assertThat(pending.<String>path("proposer.subject")).isEqualTo("alice@MNG01");
        assertThat(pending.<String>path("proposer.role")).isEqualTo("registry-admin");
        assertThat(pending.<String>path("approver.role")).isEqualTo("registry-admin");
        assertThat(pending.<String>path("approver.scope")).isEqualTo("MNG01");
        assertThat(pending.<String>path("expiresAt")).isGreaterThan(pending.<String>path("proposedAt"));
        assertThat(pending.<Object>path("outcome")).isNull();

        Response approved = approve(BOB, id);
        approved.then().statusCode(201);
        assertThat(approved.<List<String>>path("events.type")).containsExactly("ProposalApproved", "CreditsIssued");
        assertThat(approved.<String>path("id")).isEqualTo(body.get("issuanceId"));
        assertThat(held(into)).isEqualTo(700);

        Response ended = read(ALICE, id);
        assertThat(ended.<String>path("status")).isEqualTo("APPROVED");
        assertThat(ended.<String>path("outcome.by.subject")).isEqualTo("bob@MNG01");
    }

    @Test
    void the_replay_of_an_approval_answers_the_same_and_executes_nothing_more() {
        String into = freshAccount();
        String id = propose(ALICE, issuance(into, 40)).path("id");
        String key = LedgerApi.key();
        Response first = given().auth().oauth2(BOB).header("Idempotency-Key", key).post("/api/v1/proposals/" + id + "/approve");
        Response again = given().auth().oauth2(BOB).header("Idempotency-Key", key).post("/api/v1/proposals/" + id + "/approve");
        first.then().statusCode(201);
        again.then().statusCode(201);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(held(into)).isEqualTo(40);
    }

    @Test
    void a_rejected_proposal_never_executes_and_cannot_be_approved_afterwards() {
        String into = freshAccount();
        String id = propose(ALICE, issuance(into, 50)).path("id");
        Response rejected = reject(BOB, id, "The decision cites another monitoring period");
        rejected.then().statusCode(201);
        assertThat(rejected.<List<String>>path("events.type")).containsExactly("ProposalRejected");
        assertThat(rejected.<String>path("id")).isEqualTo(id);

        Response late = approve(CAROL, id);
        late.then().statusCode(409).contentType("application/problem+json");
        assertThat(late.<String>path("code")).isEqualTo("proposal_not_pending");
        assertThat(late.<String>path("detail")).contains("rejected");
        assertThat(held(into)).isZero();
        Response ended = read(CAROL, id);
        assertThat(ended.<String>path("status")).isEqualTo("REJECTED");
        assertThat(ended.<String>path("outcome.reason")).isEqualTo("The decision cites another monitoring period");
        assertThat(ended.<String>path("outcome.by.subject")).isEqualTo("bob@MNG01");
    }

    @Test
    void the_proposer_withdraws_its_own_proposal_without_the_approver_claim() {
        String proposer = ApproverTokens.admin("erin@MNG01", "MNG01", false);
        String into = freshAccount();
        String id = propose(proposer, issuance(into, 60)).path("id");
        reject(proposer, id, "Proposed by mistake").then().statusCode(201);
        assertThat(read(BOB, id).<String>path("status")).isEqualTo("WITHDRAWN");
        assertThat(held(into)).isZero();
    }

    @Test
    void approving_ones_own_proposal_is_refused_approval_by_proposer() {
        String into = freshAccount();
        String id = propose(ALICE, issuance(into, 70)).path("id");
        Response own = approve(ALICE, id);
        own.then().statusCode(403).contentType("application/problem+json");
        assertThat(own.<String>path("code")).isEqualTo("approval_by_proposer");
        // Another token of the same subject is the same person.
        Response again = approve(ApproverTokens.admin("alice@MNG01", "MNG01", true), id);
        assertThat(again.<String>path("code")).isEqualTo("approval_by_proposer");
        assertThat(read(BOB, id).<String>path("status")).isEqualTo("PENDING");
        assertThat(held(into)).isZero();
    }

    @Test
    void approving_or_rejecting_from_another_registry_or_as_a_government_is_refused_forbidden_scope() {
        String into = freshAccount();
        String id = propose(ALICE, issuance(into, 80)).path("id");
        Response otherRegistry = approve(ApproverTokens.admin("frank@THA01", "THA01", true), id);
        otherRegistry.then().statusCode(403);
        assertThat(otherRegistry.<String>path("code")).isEqualTo("forbidden_scope");
        Response government = approve(ApproverTokens.government("grace@MNG", "MNG", true), id);
        government.then().statusCode(403);
        assertThat(government.<String>path("code")).isEqualTo("forbidden_scope");
        Response rejectedElsewhere = reject(ApproverTokens.admin("frank@THA01", "THA01", true), id, "not ours");
        assertThat(rejectedElsewhere.<String>path("code")).isEqualTo("forbidden_scope");
        assertThat(read(BOB, id).<String>path("status")).isEqualTo("PENDING");
        assertThat(held(into)).isZero();
    }

    @Test
    void approving_or_rejecting_anothers_proposal_without_the_approver_claim_is_refused_not_an_approver() {
        String into = freshAccount();
        String id = propose(ALICE, issuance(into, 90)).path("id");
        Response approval = approve(DAVE_NO_CLAIM, id);
        approval.then().statusCode(403).contentType("application/problem+json");
        assertThat(approval.<String>path("code")).isEqualTo("not_an_approver");
        Response rejection = reject(DAVE_NO_CLAIM, id, "no");
        rejection.then().statusCode(403);
        assertThat(rejection.<String>path("code")).isEqualTo("not_an_approver");
        // The claim must be the boolean true, not a string.
        String stringClaim = TestTokens.token("dave@MNG01", java.util.Set.of("registry-admin"),
                Map.of("registry", "MNG01", "approver", "true"));
        assertThat(approve(stringClaim, id).<String>path("code")).isEqualTo("not_an_approver");
        assertThat(read(BOB, id).<String>path("status")).isEqualTo("PENDING");
        assertThat(held(into)).isZero();
    }

    @Test
    void approving_twice_is_refused_proposal_not_pending_and_executes_once() {
        String into = freshAccount();
        String id = propose(ALICE, issuance(into, 100)).path("id");
        approve(BOB, id).then().statusCode(201);
        Response twice = approve(CAROL, id);
        twice.then().statusCode(409);
        assertThat(twice.<String>path("code")).isEqualTo("proposal_not_pending");
        assertThat(twice.<String>path("detail")).contains("approved");
        Response sameApprover = approve(BOB, id);
        assertThat(sameApprover.<String>path("code")).isEqualTo("proposal_not_pending");
        assertThat(held(into)).isEqualTo(100);
    }

    @Test
    void of_two_approvals_at_the_same_time_exactly_one_wins_and_the_action_executes_once() throws Exception {
        String into = freshAccount();
        String id = propose(ALICE, issuance(into, 110)).path("id");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (String approver : List.of(BOB, CAROL)) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return approve(approver, id);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (CompletableFuture<Response> answer : answers) {
            Response response = answer.get();
            statuses.add(response.statusCode());
            if (response.statusCode() != 201) {
                codes.add(response.path("code"));
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(codes).containsExactly("proposal_not_pending");
        assertThat(held(into)).isEqualTo(110);
        List<String> types = given().auth().oauth2(TestTokens.registryAdmin("MNG01"))
                .get("/api/v1/accounts/" + into + "/transactions?order=oldest").then().statusCode(200).extract()
                .path("items.type");
        assertThat(types.stream().filter("CreditsIssued"::equals).count()).isEqualTo(1);
    }

    @Test
    void no_single_credential_completes_an_issuance_a_bystander_a_holder_the_operator_or_the_administrator_alone() {
        String into = freshAccount();
        Map<String, Object> body = issuance(into, 120);
        // A holder or the operator cannot even propose it.
        Response byHolder = LedgerApi.as(TestTokens.accountHolder(holderOrg)).body(body).post("/api/v1/issuances");
        assertThat(byHolder.<String>path("code")).isEqualTo("forbidden_role");
        Response byOperator = LedgerApi.as(TestTokens.operator()).body(body).post("/api/v1/issuances");
        assertThat(byOperator.<String>path("code")).isEqualTo("forbidden_role");

        String id = propose(ALICE, body).path("id");
        // The administrator alone: approving its own (with any token of its subject), proposing again.
        assertThat(approve(ALICE, id).<String>path("code")).isEqualTo("approval_by_proposer");
        String second = propose(ALICE, body).path("id");
        assertThat(second).isNotEqualTo(id);
        assertThat(approve(ALICE, second).<String>path("code")).isEqualTo("approval_by_proposer");
        // A bystander of another registry, a holder, the operator, an auditor, an exchange.
        assertThat(approve(ApproverTokens.admin("mallory@THA01", "THA01", true), id).<String>path("code"))
                .isEqualTo("forbidden_scope");
        assertThat(approve(ApproverTokens.token("holder@" + holderOrg, "account-holder", Map.of("org", holderOrg), true), id)
                .<String>path("code")).isEqualTo("forbidden_role");
        assertThat(approve(ApproverTokens.token("operator", "operator", Map.of(), true), id).<String>path("code"))
                .isEqualTo("forbidden_role");
        assertThat(approve(ApproverTokens.token("auditor", "auditor", Map.of(), true), id).<String>path("code"))
                .isEqualTo("forbidden_role");
        assertThat(given().header("Idempotency-Key", LedgerApi.key()).post("/api/v1/proposals/" + id + "/approve")
                .statusCode()).isEqualTo(401);
        assertThat(held(into)).isZero();
        assertThat(read(BOB, id).<String>path("status")).isEqualTo("PENDING");
    }

    @Test
    void a_freeze_is_proposed_and_executes_on_approval() {
        String target = freshAccount();
        Response proposed = LedgerApi.created(ALICE, "/api/v1/accounts/" + target + "/freeze", Map.of("reason", "court order"));
        String id = proposed.path("id");
        assertThat(proposed.header("Location")).endsWith("/api/v1/proposals/" + id);
        assertThat(read(BOB, id).<String>path("kind")).isEqualTo("FREEZE");
        Response approved = approve(BOB, id);
        approved.then().statusCode(201);
        assertThat(approved.<List<String>>path("events.type")).containsExactly("ProposalApproved", "AccountFrozen");
        assertThat(approved.<String>path("id")).isEqualTo(target);
        assertThat(approved.header("Location")).isNull();
    }

    @Test
    void approving_or_rejecting_an_unknown_proposal_is_refused_proposal_not_found() {
        Response approval = approve(BOB, "PR99999999");
        approval.then().statusCode(404).contentType("application/problem+json");
        assertThat(approval.<String>path("code")).isEqualTo("proposal_not_found");
        assertThat(reject(BOB, "PR99999999", "no").<String>path("code")).isEqualTo("proposal_not_found");
        Response badId = approve(BOB, "PR1");
        badId.then().statusCode(400);
        assertThat(badId.<String>path("code")).isEqualTo("invalid_field");
    }

    @Test
    void a_rejection_needs_a_reason_of_1_to_500_characters() {
        String id = propose(ALICE, issuance(freshAccount(), 10)).path("id");
        Response none = LedgerApi.as(BOB).body(Map.of()).post("/api/v1/proposals/" + id + "/reject");
        none.then().statusCode(400);
        Response tooLong = reject(BOB, id, "x".repeat(501));
        tooLong.then().statusCode(400);
        assertThat(read(BOB, id).<String>path("status")).isEqualTo("PENDING");
    }

    @Test
    void an_authorization_is_approved_by_a_second_official_of_the_party_and_never_by_another_partys() {
        String into = freshAccount();
        Map<String, Object> issuance = issuance(into, 20);
        approve(BOB, propose(ALICE, issuance).path("id")).then().statusCode(201);
        String authorizationId = "MNG-FE-" + LedgerApi.key().substring(0, 8);
        Response proposed = LedgerApi.created(ApproverTokens.government("hana@MNG", "MNG", true), "/api/v1/authorizations",
                Map.of("authorizationId", authorizationId, "party", "MNG", "cooperativeApproachId", "CA0001", "purpose", "NDC",
                        "issuanceId", issuance.get("issuanceId")));
        String id = proposed.path("id");
        assertThat(proposed.header("Location")).endsWith("/api/v1/proposals/" + id);
        Response otherParty = approve(ApproverTokens.government("ivan@JPN", "JPN", true), id);
        otherParty.then().statusCode(403);
        assertThat(otherParty.<String>path("code")).isEqualTo("forbidden_scope");
        Response administrator = approve(BOB, id);
        assertThat(administrator.<String>path("code")).isEqualTo("forbidden_scope");
        Response own = approve(ApproverTokens.government("hana@MNG", "MNG", true), id);
        assertThat(own.<String>path("code")).isEqualTo("approval_by_proposer");
        Response approved = approve(ApproverTokens.government("jun@MNG", "MNG", true), id);
        approved.then().statusCode(201);
        assertThat(approved.<List<String>>path("events.type")).startsWith("ProposalApproved", "UnitsAuthorized");
        assertThat(approved.<String>path("id")).isEqualTo(authorizationId);
        assertThat(read(TestTokens.government("MNG"), id).<String>path("kind")).isEqualTo("AUTHORIZATION");
    }

    @Test
    void an_administrators_cancellation_for_correction_reserves_its_units_until_a_second_one_approves() {
        String from = freshAccount();
        approve(BOB, propose(ALICE, issuance(from, 100)).path("id")).then().statusCode(201);
        Response proposed = LedgerApi.created(ALICE, "/api/v1/cancellations", Map.of("fromAccountId", from, "quantity", 5,
                "reason", "CORRECTION", "note", "double issuance"));
        String id = proposed.path("id");
        assertThat(proposed.header("Location")).endsWith("/api/v1/proposals/" + id);
        Response pending = read(BOB, id);
        assertThat(pending.<String>path("kind")).isEqualTo("CANCELLATION_FOR_CORRECTION");
        assertThat(pending.<Integer>path("reservedQuantity")).isEqualTo(5);
        assertThat(held(from)).isEqualTo(100);

        Response approved = approve(BOB, id);
        approved.then().statusCode(201);
        assertThat(approved.<List<String>>path("events.type")).containsExactly("ProposalApproved", "CreditsCancelled");
        assertThat(held(from)).isEqualTo(95);
        assertThat(read(BOB, id).<Integer>path("reservedQuantity")).isEqualTo(5);
    }
}

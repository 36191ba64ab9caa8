package org.jcm.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.jcm.registry.testing.LedgerApi.as;
import static org.jcm.registry.testing.LedgerApi.created;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.Management;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests the mutation endpoints end to end: each appends its events and answers with them. */
@QuarkusTest
class WritePathTest {

    @BeforeEach
    void hostRegistries() {
        LedgerApi.registry("JPN01");
        LedgerApi.registry("MNG01");
    }

    @Test
    void the_reference_parties_are_registered_with_their_cooperative_approach_ids() {
        given().when().get("/api/v1/parties").then()
                .statusCode(200)
                // Tests register Parties of their own with ISO 3166's user-assigned codes (X..): not the reference's.
                .body("items.findAll { !it.code.startsWith('X') }", hasSize(52))
                .body("items.find { it.code == 'MNG' }.cooperativeApproachId", equalTo("CA0001"))
                .body("items.find { it.code == 'IND' }.cooperativeApproachId", equalTo("CA0031"))
                .body("items.find { it.code == 'JPN' }.cooperativeApproachId", nullValue())
                .body("items.find { it.code == 'USA' }.parisAgreementParty", equalTo(false));
    }

    @Test
    void hosting_a_registry_opens_its_terminal_accounts() {
        given().when().get("/api/v1/registries").then()
                .statusCode(200)
                .body("items.id", hasItem("MNG01"))
                .body("items.find { it.id == 'MNG01' }.cancellationAccountId", equalTo("MNG01-CANCELLATION"));
    }

    @Test
    void issuing_and_transferring_answers_with_the_blocks_and_their_itmo_ids() {
        String[] seller = LedgerApi.openHolder("MNG01");
        String[] buyer = LedgerApi.openHolder("JPN01");
        String project = LedgerApi.project("MN", List.of(seller[0]));

        Response issued = LedgerApi.issue("MNG01", project, 2024, List.of(seller[1]), List.of(1000L));
        issued.then().body("events[0].type", equalTo("ProposalApproved"))
                .body("events[1].type", equalTo("CreditsIssued"))
                .body("events[1].blocks[0].accountId", equalTo(seller[1]))
                .body("events[1].blocks[0].quantity", equalTo(1000));
        String firstSerial = issued.path("events[1].blocks[0].serial");
        long first = Long.parseLong(firstSerial.split("-")[3]);

        Response moved = created(TestTokens.accountHolder(seller[0]), "/api/v1/transfers",
                LedgerApi.transfer(seller[1], buyer[1], 250));
        moved.then().body("events[0].type", equalTo("CreditsTransferred"))
                .body("events[0].blocks[0].serial", equalTo("JCM-" + project + "-2024-" + first + "-" + (first + 249)))
                .body("events[0].blocks[0].accountId", equalTo(buyer[1]))
                .body("events[0].blocks[0].quantity", equalTo(250))
                .body("events[0].blocks[0].firstItmoId", equalTo("CA0001-MNG01-MNG-" + first + "-2024"))
                .body("events[0].blocks[0].lastItmoId", equalTo("CA0001-MNG01-MNG-" + (first + 249) + "-2024"));

        assertThat(LedgerProbe.balance(seller[1])).isEqualTo(750);
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(250);
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void an_accepted_mutation_replayed_with_its_key_returns_the_same_bytes_and_appends_nothing() {
        String[] seller = LedgerApi.openHolder("MNG01");
        String[] buyer = LedgerApi.openHolder("MNG01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        LedgerApi.issue("MNG01", project, 2024, List.of(seller[1]), List.of(100L));
        String key = LedgerApi.key();
        String first = given().auth().oauth2(TestTokens.accountHolder(seller[0])).contentType("application/json")
                .header("Idempotency-Key", key).body("{\"fromAccountId\":\"" + seller[1] + "\",\"toAccountId\":\"" + buyer[1]
                        + "\",\"quantity\":10,\"memo\":\"first\"}")
                .when().post("/api/v1/transfers").then().statusCode(201).extract().asString();
        long head = LedgerProbe.headSeq();
        // The same request re-serialized (member order, whitespace, an explicit null) is recognized.
        String again = given().auth().oauth2(TestTokens.accountHolder(seller[0])).contentType("application/json")
                .header("Idempotency-Key", key).body("{ \"memo\": \"first\", \"quantity\": 10, \"toAccountId\": \"" + buyer[1]
                        + "\", \"fromAccountId\": \"" + seller[1] + "\", \"trade\": null }")
                .when().post("/api/v1/transfers").then().statusCode(201).extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(LedgerProbe.headSeq()).isEqualTo(head);
    }

    @Test
    void a_rejected_mutation_replayed_with_its_key_returns_the_same_problem() {
        String[] seller = LedgerApi.openHolder("MNG01");
        String[] buyer = LedgerApi.openHolder("MNG01");
        String key = LedgerApi.key();
        String first = given().auth().oauth2(TestTokens.accountHolder(seller[0])).contentType("application/json")
                .header("Idempotency-Key", key).body(LedgerApi.transfer(seller[1], buyer[1], 5))
                .when().post("/api/v1/transfers").then().statusCode(409).body("code", equalTo("insufficient_units"))
                .extract().asString();
        String again = given().auth().oauth2(TestTokens.accountHolder(seller[0])).contentType("application/json")
                .header("Idempotency-Key", key).body(LedgerApi.transfer(seller[1], buyer[1], 5))
                .when().post("/api/v1/transfers").then().statusCode(409).extract().asString();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void a_decided_issuance_request_then_each_side_s_issuance_on_it_split_into_allocations_in_order() {
        String[] participant = LedgerApi.openHolder("MNG01");
        participant = new String[] {participant[0], participant[1], LedgerApi.account(participant[0])};
        String[] japanese = LedgerApi.openHolder("JPN01");
        String project = LedgerApi.project("MN", List.of(participant[0]));
        // The project's monitoring cycle for 2024, verified and requested by the applicant.
        String requestId = LedgerApi.request(project, 2024, 1000);
        assertThat(requestId).startsWith("IR");
        LedgerApi.decide(requestId, LedgerApi.share("MNG01", 2024, List.of(participant[1], participant[2]), List.of(550L, 50L)),
                LedgerApi.share("JPN01", 2024, List.of(japanese[1]), List.of(400L)));

        // Each side issues its share of the Joint Committee's decision into its own registry, both on the
        // one request; one administrator proposes each issuance, a second one approves it.
        Response issued = LedgerApi.approved(TestTokens.registryAdmin("MNG01"), TestTokens.registryApprover("MNG01"),
                "/api/v1/issuances", Map.of(
                "issuanceId", project + "-2024-01", "projectId", project, "monitoringPeriodStart", "2024-01-01",
                "monitoringPeriodEnd", "2024-12-31", "vintage", 2024, "totalQuantity", 600,
                "allocations", List.of(Map.of("accountId", participant[1], "quantity", 550),
                        Map.of("accountId", participant[2], "quantity", 50)),
                "issuanceRequestId", requestId));
        issued.then().body("id", equalTo(project + "-2024-01"))
                .body("events[0].type", equalTo("ProposalApproved"))
                .body("events[1].blocks", hasSize(2))
                .body("events[1].blocks[0].accountId", equalTo(participant[1]))
                .body("events[1].blocks[0].quantity", equalTo(550))
                .body("events[1].blocks[1].accountId", equalTo(participant[2]))
                .body("events[1].blocks[1].quantity", equalTo(50));
        String low = issued.path("events[1].blocks[0].serial");
        String high = issued.path("events[1].blocks[1].serial");
        assertThat(Long.parseLong(high.split("-")[3])).isEqualTo(Long.parseLong(low.split("-")[4]) + 1);
        Response japanShare = LedgerApi.approved(TestTokens.registryAdmin("JPN01"), TestTokens.registryApprover("JPN01"),
                "/api/v1/issuances", Map.of(
                "issuanceId", project + "-2024-01-JPN01", "projectId", project, "monitoringPeriodStart", "2024-01-01",
                "monitoringPeriodEnd", "2024-12-31", "vintage", 2024, "totalQuantity", 400,
                "allocations", List.of(Map.of("accountId", japanese[1], "quantity", 400)),
                "issuanceRequestId", requestId));
        japanShare.then().body("events[1].blocks[0].accountId", equalTo(japanese[1]))
                .body("events[1].blocks[0].firstItmoId", org.hamcrest.Matchers.startsWith("CA0001-JPN01-MNG-"));
        assertThat(LedgerProbe.balance(japanese[1])).isEqualTo(400);
        assertThat(LedgerProbe.strings("SELECT issued_quantity::text FROM issuance_request WHERE id = '" + requestId + "'"))
                .containsExactly("1000");
    }

    @Test
    void cancelling_and_retiring_move_units_to_the_registrys_terminal_accounts() {
        String[] holder = LedgerApi.openHolder("JPN01");
        String project = LedgerApi.project("TH", List.of(holder[0]));
        LedgerApi.issue("JPN01", project, 2023, List.of(holder[1]), List.of(100L));
        long cancelledBefore = LedgerProbe.balance("JPN01-CANCELLATION");
        long retiredBefore = LedgerProbe.balance("JPN01-RETIREMENT");

        created(TestTokens.accountHolder(holder[0]), "/api/v1/cancellations", Map.of("fromAccountId", holder[1],
                "quantity", 30, "reason", "VOLUNTARY", "note", "offsetting")).then()
                .body("events[0].type", equalTo("CreditsCancelled"))
                .body("events[0].blocks[0].accountId", equalTo("JPN01-CANCELLATION"))
                .body("events[0].blocks[0].firstItmoId", equalTo(
                        "CA0016-JPN01-THA-" + LedgerProbe.strings("SELECT min(first_unit)::text FROM block WHERE account_id = 'JPN01-CANCELLATION' AND project_id = '" + project + "'").get(0) + "-2023"));
        created(TestTokens.accountHolder(holder[0]), "/api/v1/retirements", Map.of("fromAccountId", holder[1],
                "quantity", 20, "purpose", "VOLUNTARY", "beneficiary", "Example K.K.")).then()
                .body("events[0].type", equalTo("CreditsRetired"))
                .body("events[0].blocks[0].accountId", equalTo("JPN01-RETIREMENT"));

        assertThat(LedgerProbe.balance(holder[1])).isEqualTo(50);
        assertThat(LedgerProbe.balance("JPN01-CANCELLATION")).isEqualTo(cancelledBefore + 30);
        assertThat(LedgerProbe.balance("JPN01-RETIREMENT")).isEqualTo(retiredBefore + 20);
    }

    @Test
    void a_frozen_account_receives_but_cannot_send_until_unfrozen() {
        String[] holder = LedgerApi.openHolder("MNG01");
        String[] other = LedgerApi.openHolder("MNG01");
        String project = LedgerApi.project("MN", List.of(holder[0], other[0]));
        LedgerApi.issue("MNG01", project, 2024, List.of(holder[1], other[1]), List.of(10L, 10L));

        LedgerApi.approved(TestTokens.registryAdmin("MNG01"), TestTokens.registryApprover("MNG01"),
                "/api/v1/accounts/" + holder[1] + "/freeze", Map.of("reason", "inquiry"))
                .then().body("id", equalTo(holder[1])).body("events[1].type", equalTo("AccountFrozen"));
        created(TestTokens.accountHolder(other[0]), "/api/v1/transfers", LedgerApi.transfer(other[1], holder[1], 5));
        as(TestTokens.accountHolder(holder[0])).body(LedgerApi.transfer(holder[1], other[1], 1))
                .when().post("/api/v1/transfers").then().statusCode(409).body("code", equalTo("account_frozen"));

        // No body at all is fine for unfreezing (proposed, then approved by a second administrator).
        String unfreezing = given().auth().oauth2(TestTokens.registryAdmin("MNG01")).header("Idempotency-Key", LedgerApi.key())
                .when().post("/api/v1/accounts/" + holder[1] + "/unfreeze").then().statusCode(201)
                .body("events[0].type", equalTo("ProposalMade")).extract().path("id");
        LedgerApi.approve(TestTokens.registryApprover("MNG01"), unfreezing).then()
                .body("events[1].type", equalTo("AccountUnfrozen"));
        created(TestTokens.accountHolder(holder[0]), "/api/v1/transfers", LedgerApi.transfer(holder[1], other[1], 15));
        assertThat(LedgerProbe.balance(other[1])).isEqualTo(20);
    }

    @Test
    void a_registry_cannot_be_hosted_twice() {
        as(TestTokens.operator()).body(Map.of("registryId", "MNG01", "name", "again")).when().post("/api/v1/registries")
                .then().statusCode(409).contentType(equalTo("application/problem+json"))
                .body("code", equalTo("registry_already_registered"));
    }

    @Test
    void an_organization_and_an_account_get_ids_assigned_by_the_ledger_and_a_location() {
        as(TestTokens.registryAdmin("JPN01")).body(Map.of("registryId", "JPN01", "name", "Located Co."))
                .when().post("/api/v1/organizations").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.matchesPattern(".*/api/v1/organizations/JPN01-O\\d{4,}"))
                .body("id", org.hamcrest.Matchers.matchesPattern("JPN01-O\\d{4,}"))
                .body("events[0].type", equalTo("OrganizationRegistered"));
    }

    @Test
    void a_transfer_batch_answers_each_item_on_its_own_and_a_refused_item_does_not_undo_the_others() {
        String[] seller = LedgerApi.openHolder("MNG01");
        String[] buyer = LedgerApi.openHolder("JPN01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        LedgerApi.issue("MNG01", project, 2024, List.of(seller[1]), List.of(100L));
        String single = LedgerApi.key();
        // A key first used alone on /transfers is recognized inside a batch.
        created(TestTokens.accountHolder(seller[0]), "/api/v1/transfers", LedgerApi.transfer(seller[1], buyer[1], 5));
        given().auth().oauth2(TestTokens.accountHolder(seller[0])).contentType("application/json")
                .header("Idempotency-Key", single).body(LedgerApi.transfer(seller[1], buyer[1], 6))
                .when().post("/api/v1/transfers").then().statusCode(201);
        long head = LedgerProbe.headSeq();

        String batchKey = LedgerApi.key();
        List<Map<String, Object>> items = List.of(
                item("a-" + batchKey, seller[1], buyer[1], 10),
                item("b-" + batchKey, seller[1], buyer[1], 1000),
                item("c-" + batchKey, seller[1], "not-an-account", 1),
                item(single, seller[1], buyer[1], 6),
                item("e-" + batchKey, seller[1], buyer[1], 20));
        String first = given().auth().oauth2(TestTokens.accountHolder(seller[0])).contentType("application/json")
                .header("Idempotency-Key", batchKey).body(Map.of("items", items))
                .when().post("/api/v1/transfer-batches").then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.contains(201, 409, 400, 201, 201))
                .body("items[0].result.events[0].seq", equalTo((int) head + 1))
                .body("items[1].problem.code", equalTo("insufficient_units"))
                .body("items[2].problem.code", equalTo("invalid_field"))
                .body("items[3].result.events[0].seq", equalTo((int) head))
                .body("items[4].result.events[0].seq", equalTo((int) head + 2))
                .extract().asString();
        assertThat(LedgerProbe.headSeq()).isEqualTo(head + 2);
        assertThat(LedgerProbe.balance(buyer[1])).isEqualTo(5 + 6 + 10 + 20);

        String again = given().auth().oauth2(TestTokens.accountHolder(seller[0])).contentType("application/json")
                .header("Idempotency-Key", batchKey).body(Map.of("items", items))
                .when().post("/api/v1/transfer-batches").then().statusCode(200).extract().asString();
        assertThat(again).isEqualTo(first);
        assertThat(LedgerProbe.headSeq()).isEqualTo(head + 2);

        given().auth().oauth2(TestTokens.accountHolder(seller[0])).contentType("application/json")
                .header("Idempotency-Key", batchKey).body(Map.of("items", items.subList(0, 2)))
                .when().post("/api/v1/transfer-batches").then().statusCode(409)
                .contentType(equalTo("application/problem+json")).body("code", equalTo("idempotency_key_reused"));
    }

    @Test
    void the_openapi_document_lists_every_mutation_with_its_errors() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/transfers'.post.responses.'201'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/transfers'.post.responses.'409'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/transfers'.post.responses.'503'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/transfer-batches'.post.responses.'200'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/issuances'.post.summary", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/accounts/{accountId}/freeze'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/cancellations'.post.parameters.name", hasItem("Idempotency-Key"));
    }

    @Test
    void writer_metrics_and_health_are_exposed() {
        created(TestTokens.registryAdmin("MNG01"), "/api/v1/organizations", Map.of("registryId", "MNG01", "name", "Metered"));
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("jcm_writer_batch_commands"))
                .body(org.hamcrest.Matchers.containsString("jcm_writer_commands_total{outcome=\"accepted\""))
                .body(org.hamcrest.Matchers.containsString("jcm_writer_queue_depth"))
                .body(org.hamcrest.Matchers.containsString("jcm_writer_commit_seconds"));
        Management.given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItem("Ledger writer thread"));
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Ledger writer' }.data.status", equalTo("ACTIVE"));
    }

    private static Map<String, Object> item(String key, String from, String to, long quantity) {
        return Map.of("idempotencyKey", key, "fromAccountId", from, "toAccountId", to, "quantity", quantity);
    }
}

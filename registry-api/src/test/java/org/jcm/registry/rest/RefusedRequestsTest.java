package org.jcm.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.registry.testing.LedgerApi.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.CloseAccount;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.registry.write.CommandResult;
import org.jcm.registry.write.Ledger;
import org.jcm.registry.write.LedgerWriter;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.TestTokens;
import org.jcm.testsupport.Hostile;
import org.jcm.testsupport.HostileHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests that every kind of bad request is refused through the real API with the right status,
 * an application/problem+json body and a stable code, and that the ledger is left unchanged: same
 * head, same events, same blocks, same accounts.
 */
@QuarkusTest
class RefusedRequestsTest {

    private static World world;

    @Inject
    Ledger ledger;

    private Map<String, Object> before;

    /** Two holders in MNG01 (one with 1,000 units), a frozen and a closed account, and a holder in JPN01. */
    private record World(String sellerOrg, String seller, String buyerOrg, String buyer, String frozenOrg, String frozen,
                         String closed, String project, long firstUnit) {
    }

    @BeforeEach
    void setUp() {
        if (world == null) {
            LedgerApi.registry("MNG01");
            LedgerApi.registry("JPN01");
            String[] seller = LedgerApi.openHolder("MNG01");
            String[] buyer = LedgerApi.openHolder("JPN01");
            String[] frozen = LedgerApi.openHolder("MNG01");
            String closed = LedgerApi.account(seller[0]);
            String project = LedgerApi.project("MN", List.of(seller[0], frozen[0]));
            String serial = LedgerApi.issue("MNG01", project, 2024, List.of(seller[1], frozen[1]), List.of(1000L, 10L))
                    .path("events[1].blocks[0].serial");
            LedgerApi.approved(TestTokens.registryAdmin("MNG01"), TestTokens.registryApprover("MNG01"),
                    "/api/v1/accounts/" + frozen[1] + "/freeze", Map.of());
            CommandResult closing = ledger.submit(new LedgerWriter.Item(new CloseAccount(AccountId.parse(closed), Optional.empty()),
                    Actor.registryAdmin("admin@MNG01", RegistryId.parse("MNG01")), null))
                    .await().atMost(Duration.ofSeconds(10));
            assertThat(closing).isInstanceOf(CommandResult.Accepted.class);
            world = new World(seller[0], seller[1], buyer[0], buyer[1], frozen[0], frozen[1], closed, project,
                    Long.parseLong(serial.split("-")[3]));
        }
        before = LedgerProbe.fingerprint();
        before.remove("idempotency");
    }

    @AfterEach
    void theLedgerIsUnchanged() {
        Map<String, Object> after = LedgerProbe.fingerprint();
        after.remove("idempotency");
        assertThat(after).isEqualTo(before);
    }

    // ------------------------------------------------------------------ malformed bodies

    @Test
    void malformed_json_is_refused_with_malformed_json() {
        refused(post("{\"fromAccountId\": \"" + world.seller + "\", "), 400, "malformed_json");
    }

    @Test
    void a_string_for_a_quantity_is_refused_with_invalid_field() {
        refused(post(Map.of("fromAccountId", world.seller, "toAccountId", world.buyer, "quantity", "5")), 400, "invalid_field")
                .body("errors[0].field", equalTo("quantity"));
    }

    @Test
    void a_fractional_quantity_is_refused_with_invalid_field() {
        refused(post("{\"fromAccountId\":\"" + world.seller + "\",\"toAccountId\":\"" + world.buyer + "\",\"quantity\":2.5}"),
                400, "invalid_field");
    }

    @Test
    void an_unknown_field_is_refused_not_ignored() {
        refused(post(Map.of("fromAccountId", world.seller, "toAccountId", world.buyer, "quantity", 5, "amount", 5)),
                400, "unknown_field").body("errors[0].field", equalTo("amount"));
    }

    @Test
    void a_missing_quantity_is_refused_with_invalid_field() {
        refused(post(Map.of("fromAccountId", world.seller, "toAccountId", world.buyer)), 400, "invalid_field")
                .body("errors[0].field", equalTo("quantity"));
    }

    @Test
    void a_zero_quantity_is_refused_with_invalid_field() {
        refused(post(LedgerApi.transfer(world.seller, world.buyer, 0)), 400, "invalid_field")
                .body("errors[0].field", equalTo("quantity"));
    }

    @Test
    void a_negative_quantity_is_refused_with_invalid_field() {
        refused(post(LedgerApi.transfer(world.seller, world.buyer, -5)), 400, "invalid_field");
    }

    @Test
    void a_quantity_beyond_two_to_the_53rd_is_refused_with_invalid_field() {
        refused(post(LedgerApi.transfer(world.seller, world.buyer, (1L << 53))), 400, "invalid_field")
                .body("errors[0].field", equalTo("quantity"));
    }

    @Test
    void a_quantity_beyond_the_largest_long_is_refused_with_invalid_field() {
        refused(post("{\"fromAccountId\":\"" + world.seller + "\",\"toAccountId\":\"" + world.buyer
                + "\",\"quantity\":92233720368547758070}"), 400, "invalid_field");
    }

    @Test
    void an_unknown_enum_value_is_refused_with_invalid_field() {
        refused(as(TestTokens.accountHolder(world.sellerOrg)).body(Map.of("fromAccountId", world.seller, "quantity", 1,
                "reason", "BECAUSE")).when().post("/api/v1/cancellations").then(), 400, "invalid_field")
                .body("errors[0].field", equalTo("reason"));
    }

    @Test
    void a_malformed_account_id_is_refused_with_invalid_field() {
        refused(post(LedgerApi.transfer("not-an-account", world.buyer, 1)), 400, "invalid_field")
                .body("errors[0].field", equalTo("fromAccountId"));
    }

    @Test
    void serial_ranges_together_with_a_filter_are_refused_with_invalid_field() {
        refused(post(Map.of("fromAccountId", world.seller, "toAccountId", world.buyer, "quantity", 1,
                "serialRanges", List.of(serial(world.firstUnit, world.firstUnit)), "filter", Map.of("vintage", 2024))),
                400, "invalid_field");
    }

    @Test
    void a_body_over_one_mebibyte_is_refused_with_body_too_large() throws Exception {
        String memo = "x".repeat(1024 * 1024);
        byte[] body = Hostile.JSON.writeValueAsBytes(Map.of("fromAccountId", world.seller, "toAccountId", world.buyer,
                "quantity", 1, "memo", memo));
        // Refused by its declared length before it is read: with Expect: 100-continue the body is never
        // sent (a client that sends it anyway may see the connection closed under it).
        HostileHttp.Answer answer = HostileHttp.sendExpectingContinue(new HostileHttp.Case("1 MiB transfer", "POST",
                "/api/v1/transfers", Map.of("Authorization", "Bearer " + TestTokens.accountHolder(world.sellerOrg),
                        "Content-Type", "application/json", "Idempotency-Key", LedgerApi.key()), body));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("body_too_large");
    }

    // ------------------------------------------------------------------ idempotency keys

    @Test
    void a_mutation_without_an_idempotency_key_is_refused_with_idempotency_key_required() {
        refused(given().auth().oauth2(TestTokens.accountHolder(world.sellerOrg)).contentType("application/json")
                .body(LedgerApi.transfer(world.seller, world.buyer, 1)).when().post("/api/v1/transfers").then(),
                400, "idempotency_key_required");
    }

    @Test
    void an_idempotency_key_with_a_space_is_refused_with_invalid_idempotency_key() {
        refused(withKey("two words"), 400, "invalid_idempotency_key");
    }

    @Test
    void an_idempotency_key_of_129_characters_is_refused_with_invalid_idempotency_key() {
        refused(withKey("k".repeat(129)), 400, "invalid_idempotency_key");
    }

    @Test
    void an_idempotency_key_reused_for_another_body_is_refused_with_idempotency_key_reused() {
        String key = LedgerApi.key();
        refused(given().auth().oauth2(TestTokens.accountHolder(world.sellerOrg)).contentType("application/json")
                .header("Idempotency-Key", key).body(LedgerApi.transfer(world.seller, world.seller, 1))
                .when().post("/api/v1/transfers").then(), 422, "same_account");
        refused(given().auth().oauth2(TestTokens.accountHolder(world.sellerOrg)).contentType("application/json")
                .header("Idempotency-Key", key).body(LedgerApi.transfer(world.seller, world.seller, 2))
                .when().post("/api/v1/transfers").then(), 409, "idempotency_key_reused");
    }

    // ------------------------------------------------------------------ keys of a transfer batch

    @Test
    void a_transfer_batch_whose_item_uses_the_batch_key_is_refused_whole_with_duplicate_idempotency_key() {
        double rebuilds = org.jcm.testsupport.Metrics.sum("jcm_writer_rebuilds_total")
                + org.jcm.testsupport.Metrics.sum("jcm_writer_commit_failures_total");
        String batchKey = LedgerApi.key();
        List<Map<String, Object>> items = List.of(batchItem(LedgerApi.key()), batchItem(batchKey));

        refused(batch(batchKey, items), 400, "duplicate_idempotency_key")
                .body("errors.field", org.hamcrest.Matchers.contains("items[1].idempotencyKey"))
                .body("errors[0].detail", containsString("batch's own"));

        assertThat(org.jcm.testsupport.Metrics.sum("jcm_writer_rebuilds_total")
                + org.jcm.testsupport.Metrics.sum("jcm_writer_commit_failures_total")).isEqualTo(rebuilds);
        // Nothing was recorded against the batch's key: the same key with distinct items is a new batch.
        batch(batchKey, List.of(batchItem(LedgerApi.key()))).statusCode(200).body("items[0].status", equalTo(201));
        // That transfer moved a unit; the fingerprint taken before the test must expect it.
        before = LedgerProbe.fingerprint();
        before.remove("idempotency");
    }

    @Test
    void a_transfer_batch_whose_items_repeat_a_key_is_refused_whole_naming_every_repetition() {
        String repeated = LedgerApi.key();
        String other = LedgerApi.key();
        List<Map<String, Object>> items = List.of(batchItem(repeated), batchItem(other), batchItem(repeated),
                batchItem(LedgerApi.key()), batchItem(other), batchItem(repeated));

        refused(batch(LedgerApi.key(), items), 400, "duplicate_idempotency_key")
                .body("errors.field", org.hamcrest.Matchers.contains("items[2].idempotencyKey", "items[4].idempotencyKey",
                        "items[5].idempotencyKey"))
                .body("errors[0].detail", containsString("items[0]"))
                .body("errors[1].detail", containsString("items[1]"))
                .body("detail", containsString("3 items"));
    }

    @Test
    void a_key_that_differs_only_in_case_is_another_key() {
        String key = "Batch-" + LedgerApi.key();
        batch(LedgerApi.key(), List.of(batchItem(key), batchItem(key.toLowerCase()))).statusCode(200)
                .body("items.status", org.hamcrest.Matchers.contains(201, 201));
        before = LedgerProbe.fingerprint();
        before.remove("idempotency");
    }

    private static Map<String, Object> batchItem(String key) {
        return Map.of("idempotencyKey", key, "fromAccountId", world.seller, "toAccountId", world.buyer, "quantity", 1);
    }

    private static ValidatableResponse batch(String key, List<Map<String, Object>> items) {
        return given().auth().oauth2(TestTokens.accountHolder(world.sellerOrg)).contentType("application/json")
                .header("Idempotency-Key", key).body(Map.of("items", items)).when().post("/api/v1/transfer-batches").then();
    }

    // ------------------------------------------------------------------ the ledger's rules

    @Test
    void a_transfer_from_an_unknown_account_is_refused_with_unknown_account() {
        refused(post(LedgerApi.transfer("MNG01-H99999", world.buyer, 1)), 404, "unknown_account");
    }

    @Test
    void a_transfer_to_an_unknown_account_is_refused_with_unknown_account() {
        refused(post(LedgerApi.transfer(world.seller, "JPN01-H99999", 1)), 404, "unknown_account");
    }

    @Test
    void a_transfer_to_a_closed_account_is_refused_with_account_closed() {
        refused(post(LedgerApi.transfer(world.seller, world.closed, 1)), 409, "account_closed");
    }

    @Test
    void a_transfer_from_a_closed_account_is_refused_with_account_closed() {
        refused(post(LedgerApi.transfer(world.closed, world.buyer, 1)), 409, "account_closed");
    }

    @Test
    void a_transfer_to_the_same_account_is_refused_with_same_account() {
        refused(post(LedgerApi.transfer(world.seller, world.seller, 1)), 422, "same_account");
    }

    @Test
    void a_transfer_to_a_cancellation_account_is_refused_with_not_holding_account() {
        refused(post(LedgerApi.transfer(world.seller, "MNG01-CANCELLATION", 1)), 422, "not_holding_account");
    }

    @Test
    void a_retirement_account_as_the_source_is_refused_because_no_organization_holds_it() {
        refused(post(LedgerApi.transfer("MNG01-RETIREMENT", world.buyer, 1)), 403, "forbidden_scope");
    }

    @Test
    void a_cancellation_account_as_the_source_of_a_cancellation_is_refused() {
        refused(as(TestTokens.accountHolder(world.sellerOrg)).body(Map.of("fromAccountId", "MNG01-CANCELLATION",
                "quantity", 1, "reason", "VOLUNTARY")).when().post("/api/v1/cancellations").then(), 403, "forbidden_scope");
    }

    @Test
    void a_transfer_from_a_frozen_account_is_refused_with_account_frozen() {
        refused(as(TestTokens.accountHolder(world.frozenOrg)).body(LedgerApi.transfer(world.frozen, world.buyer, 1))
                .when().post("/api/v1/transfers").then(), 409, "account_frozen");
    }

    @Test
    void a_retirement_from_a_frozen_account_is_refused_with_account_frozen() {
        refused(as(TestTokens.accountHolder(world.frozenOrg)).body(Map.of("fromAccountId", world.frozen, "quantity", 1,
                "purpose", "VOLUNTARY")).when().post("/api/v1/retirements").then(), 409, "account_frozen");
    }

    @Test
    void transferring_more_than_held_is_rejected_with_insufficient_units() {
        refused(post(LedgerApi.transfer(world.seller, world.buyer, 1_000_000)), 409, "insufficient_units");
    }

    @Test
    void serial_ranges_the_source_does_not_hold_are_refused_with_units_not_held() {
        long frozenFirst = world.firstUnit + 1000;
        refused(post(Map.of("fromAccountId", world.seller, "toAccountId", world.buyer, "quantity", 5,
                "serialRanges", List.of(serial(frozenFirst, frozenFirst + 4)))), 409, "units_not_held");
    }

    @Test
    void overlapping_serial_ranges_in_one_request_are_refused_with_overlapping_serial_ranges() {
        refused(post(Map.of("fromAccountId", world.seller, "toAccountId", world.buyer, "quantity", 20,
                "serialRanges", List.of(serial(world.firstUnit, world.firstUnit + 9),
                        serial(world.firstUnit + 5, world.firstUnit + 14)))), 422, "overlapping_serial_ranges");
    }

    @Test
    void serial_ranges_that_do_not_add_up_to_the_quantity_are_refused_with_quantity_mismatch() {
        refused(post(Map.of("fromAccountId", world.seller, "toAccountId", world.buyer, "quantity", 7,
                "serialRanges", List.of(serial(world.firstUnit, world.firstUnit + 9)))), 422, "quantity_mismatch");
    }

    @Test
    void serial_ranges_never_issued_are_refused_with_unknown_units() {
        refused(post(Map.of("fromAccountId", world.seller, "toAccountId", world.buyer, "quantity", 10,
                "serialRanges", List.of(serial(900_000_000, 900_000_009)))), 404, "unknown_units");
    }

    // ------------------------------------------------------------------ tokens and scope

    @Test
    void a_mutation_without_a_token_is_refused_with_unauthorized() {
        refused(given().contentType("application/json").header("Idempotency-Key", LedgerApi.key())
                .body(LedgerApi.transfer(world.seller, world.buyer, 1)).when().post("/api/v1/transfers").then(),
                401, "unauthorized");
    }

    @Test
    void a_malformed_token_is_refused_with_unauthorized() {
        refused(as("not.a.jwt").body(LedgerApi.transfer(world.seller, world.buyer, 1)).when().post("/api/v1/transfers").then(),
                401, "unauthorized");
    }

    @Test
    void an_expired_token_is_refused_with_unauthorized() {
        refused(as(TestTokens.expired(Set.of("account-holder"))).body(LedgerApi.transfer(world.seller, world.buyer, 1))
                .when().post("/api/v1/transfers").then(), 401, "unauthorized");
    }

    @Test
    void a_token_signed_with_another_key_is_refused_with_unauthorized() {
        refused(as(TestTokens.signedByStranger(Set.of("account-holder"))).body(LedgerApi.transfer(world.seller, world.buyer, 1))
                .when().post("/api/v1/transfers").then(), 401, "unauthorized");
    }

    @Test
    void a_registry_administrator_may_not_transfer_and_is_refused_with_forbidden_role() {
        refused(as(TestTokens.registryAdmin("MNG01")).body(LedgerApi.transfer(world.seller, world.buyer, 1))
                .when().post("/api/v1/transfers").then(), 403, "forbidden_role");
    }

    @Test
    void an_account_holder_may_not_open_accounts_and_is_refused_with_forbidden_role() {
        refused(as(TestTokens.accountHolder(world.sellerOrg)).body(Map.of("organizationId", world.sellerOrg, "name", "x"))
                .when().post("/api/v1/accounts").then(), 403, "forbidden_role");
    }

    @Test
    void transferring_from_another_organisations_account_is_refused_with_forbidden_scope() {
        refused(as(TestTokens.accountHolder(world.buyerOrg)).body(LedgerApi.transfer(world.seller, world.buyer, 1))
                .when().post("/api/v1/transfers").then(), 403, "forbidden_scope");
    }

    @Test
    void an_administrator_of_another_registry_may_not_freeze_an_account_and_is_refused_with_forbidden_scope() {
        refused(as(TestTokens.registryAdmin("JPN01")).when().post("/api/v1/accounts/" + world.seller + "/freeze").then(),
                403, "forbidden_scope");
    }

    @Test
    void an_account_holder_token_without_an_org_claim_is_refused_with_forbidden_scope() {
        refused(as(TestTokens.token("nobody", Set.of("account-holder"), Map.of()))
                .body(LedgerApi.transfer(world.seller, world.buyer, 1)).when().post("/api/v1/transfers").then(),
                403, "forbidden_scope");
    }

    @Test
    void freezing_a_frozen_account_is_refused_with_account_frozen() {
        refused(as(TestTokens.registryAdmin("MNG01")).when().post("/api/v1/accounts/" + world.frozen + "/freeze").then(),
                409, "account_frozen");
    }

    @Test
    void unfreezing_an_account_that_is_not_frozen_is_refused_with_account_not_frozen() {
        refused(as(TestTokens.registryAdmin("MNG01")).body("{\"reason\":\"check\"}")
                .when().post("/api/v1/accounts/" + world.seller + "/unfreeze").then(), 409, "account_not_frozen");
    }

    @Test
    void an_issuance_whose_allocations_do_not_add_up_is_refused_with_invalid_allocation() {
        refused(as(TestTokens.registryAdmin("MNG01")).body(Map.of("issuanceId", "BAD-" + LedgerApi.key().substring(0, 8),
                "projectId", world.project, "monitoringPeriodStart", "2023-01-01", "monitoringPeriodEnd", "2023-12-31",
                "vintage", 2023, "totalQuantity", 100, "allocations", List.of(Map.of("accountId", world.seller, "quantity", 99)),
                "issuanceRequestId", LedgerProbe.strings("SELECT min(id) FROM issuance_request WHERE project_id = '"
                        + world.project + "'").get(0)))
                .when().post("/api/v1/issuances").then(), 422, "invalid_allocation");
    }

    @Test
    void an_issuance_with_a_malformed_date_is_refused_with_invalid_field() {
        refused(as(TestTokens.registryAdmin("MNG01")).body(Map.of("issuanceId", "BAD-1", "projectId", world.project,
                "monitoringPeriodStart", "2023-13-01", "monitoringPeriodEnd", "2023-12-31", "vintage", 2023,
                "totalQuantity", 100, "allocations", List.of(Map.of("accountId", world.seller, "quantity", 100))))
                .when().post("/api/v1/issuances").then(), 400, "invalid_field")
                .body("errors[0].field", equalTo("monitoringPeriodStart"));
    }

    @Test
    void a_batch_of_more_than_1000_items_is_refused_with_invalid_field() {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(Map.of("idempotencyKey", "k" + i, "fromAccountId", world.seller, "toAccountId", world.buyer, "quantity", 1));
        }
        refused(as(TestTokens.accountHolder(world.sellerOrg)).body(Map.of("items", items))
                .when().post("/api/v1/transfer-batches").then(), 400, "invalid_field")
                .body("detail", containsString("1 to 1000"));
    }

    // ------------------------------------------------------------------ helpers

    private static String serial(long first, long last) {
        return "JCM-" + world.project + "-2024-" + first + "-" + last;
    }

    private static ValidatableResponse post(Object body) {
        return as(TestTokens.accountHolder(world.sellerOrg)).body(body).when().post("/api/v1/transfers").then();
    }

    private static ValidatableResponse withKey(String key) {
        return given().auth().oauth2(TestTokens.accountHolder(world.sellerOrg)).contentType("application/json")
                .header("Idempotency-Key", key).body(LedgerApi.transfer(world.seller, world.buyer, 1))
                .when().post("/api/v1/transfers").then();
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .contentType(equalTo("application/problem+json"))
                .body("status", equalTo(status))
                .body("code", equalTo(code));
    }
}

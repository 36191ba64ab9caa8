package org.jcm.registry.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.registry.transparency.CheckpointReadTest.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /units/{id}/proof} through HTTP: exactly the entries that touched the units, each as
 * stored and with an inclusion proof that verifies against the served checkpoint; pages keep the
 * checkpoint of the first page; entries after the checkpoint come with the next one; who may read
 * it (the holders' registries and organizations, auditors, the operator) and who may not.
 */
@QuarkusTest
@TestProfile(TransparencyReadProfile.class)
class UnitProofTest {

    private ProofScenario s;

    @BeforeEach
    void provenUnits() {
        s = ProofScenario.get();
        LogReads.checkpointOfHead();
    }

    @Test
    void a_units_proof_lists_exactly_the_entries_that_touched_it_each_as_stored_and_proven() throws Exception {
        for (String token : List.of(TestTokens.registryAdmin("MNG01"), TestTokens.auditor(), TestTokens.operator())) {
            JsonPath proof = proof(token, s.serial, Map.of()).then().statusCode(200).extract().jsonPath();
            assertThat(proof.getString("query")).isEqualTo(s.serial);
            assertThat(proof.getString("next")).isNull();
            assertThat(verified(proof)).containsExactly(s.issuedSeq, s.transferSeq, s.retirementSeq, s.backSeq);
        }
        // B's units were issued and transferred to B, and touched by nothing else.
        JsonPath held = proof(TestTokens.accountHolder(s.orgB), s.heldByB, Map.of()).then().statusCode(200)
                .extract().jsonPath();
        assertThat(verified(held)).containsExactly(s.issuedSeq, s.transferSeq);
    }

    @Test
    void pages_keep_the_first_pages_checkpoint_and_later_entries_come_with_a_later_checkpoint() throws Exception {
        String admin = TestTokens.registryAdmin("MNG01");
        String holder = TestTokens.accountHolder(s.orgA);
        String project = LedgerApi.project("MN", List.of(s.orgA));
        var issued = LedgerApi.issue("MNG01", project, 2024, List.of(s.accountA), List.of(100L));
        String serial = issued.path("events[1].blocks[0].serial");
        long first = Long.parseLong(serial.split("-")[3]);
        String prefix = "JCM-" + project + "-2024-";
        long issuedSeq = ((Number) issued.path("events[1].seq")).longValue();
        long transferSeq = seq(LedgerApi.created(holder, "/api/v1/transfers", Map.of("fromAccountId", s.accountA,
                "toAccountId", s.accountB, "serialRanges", List.of(prefix + first + "-" + (first + 9)), "quantity", 10)));
        LogReads.checkpointOfHead();

        JsonPath page1 = proof(admin, serial, Map.of("limit", "1")).then().statusCode(200).extract().jsonPath();
        assertThat(verified(page1)).containsExactly(issuedSeq);
        long pinned = page1.getLong("checkpoint.treeSize");

        // A new entry touches the units, and a later checkpoint covers it.
        long retired = seq(LedgerApi.created(holder, "/api/v1/retirements", Map.of("fromAccountId", s.accountA,
                "serialRanges", List.of(prefix + (first + 99) + "-" + (first + 99)), "quantity", 1,
                "purpose", "VOLUNTARY", "beneficiary", "Proof test")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/v1/ledger/checkpoints/latest")
                .jsonPath().getLong("treeSize") >= retired);

        JsonPath page2 = proof(admin, serial, Map.of("limit", "1", "after", page1.getString("next"))).then()
                .statusCode(200).extract().jsonPath();
        assertThat(page2.getLong("checkpoint.treeSize")).isEqualTo(pinned);
        assertThat(verified(page2)).containsExactly(transferSeq);
        assertThat(page2.getString("next")).isNull();

        JsonPath fresh = proof(admin, serial, Map.of()).then().statusCode(200).extract().jsonPath();
        assertThat(fresh.getLong("checkpoint.treeSize")).isGreaterThanOrEqualTo(retired);
        assertThat(verified(fresh)).containsExactly(issuedSeq, transferSeq, retired);

        // A cursor is the units': another unit's proof refuses it.
        problem(proof(admin, s.heldByB, Map.of("after", page1.getString("next"))), 400, "invalid_cursor");
    }

    @Test
    void only_the_holders_side_auditors_and_the_operator_read_a_units_proof() {
        problem(given().get("/api/v1/units/" + s.serial + "/proof"), 401, "unauthorized");
        for (String token : List.of(TestTokens.government("MNG"), TestTokens.exchange("JPX"))) {
            problem(proof(token, s.serial, Map.of()), 403, "forbidden_role");
        }
        // The units are held by A, B and MNG01's retirement account: A and B alone do not cover them all.
        for (String token : List.of(TestTokens.accountHolder(s.orgA), TestTokens.accountHolder(s.orgB),
                TestTokens.registryAdmin("THA01"))) {
            problem(proof(token, s.serial, Map.of()), 403, "forbidden_scope");
        }
        problem(proof(TestTokens.accountHolder(s.orgA), s.heldByB, Map.of()), 403, "forbidden_scope");
        proof(TestTokens.accountHolder(s.orgB), s.heldByB, Map.of()).then().statusCode(200);

        String admin = TestTokens.registryAdmin("MNG01");
        problem(proof(admin, "JCM-MN999-2024-1-10", Map.of()), 404, "unknown_units");
        problem(proof(admin, "not-a-serial", Map.of()), 400, "invalid_unit_id");
        problem(proof(admin, s.serial, Map.of("limit", "0")), 400, "invalid_limit");
        problem(proof(admin, s.serial, Map.of("treeSize", "5")), 400, "invalid_query_parameter");
    }

    private static long seq(io.restassured.response.Response response) {
        return ((Number) response.path("events[0].seq")).longValue();
    }

    private static io.restassured.response.Response proof(String token, String units, Map<String, String> query) {
        return given().auth().oauth2(token).queryParams(query).get("/api/v1/units/" + units + "/proof");
    }

    /**
     * Checks a page of a unit's proof as a client would (the checkpoint with the served key, each
     * entry's canonical JSON against what is stored and its audit path against the root) and returns
     * the entries' seqs.
     */
    private static List<Long> verified(JsonPath page) throws Exception {
        Checkpoint checkpoint = LogReads.open(JsonPath.from(page.prettify()).setRootPath("checkpoint"));
        List<Map<String, Object>> items = page.getList("items");
        List<Long> seqs = new ArrayList<>();
        for (Map<String, Object> item : items) {
            long seq = ((Number) item.get("seq")).longValue();
            assertThat(((Number) item.get("leafIndex")).longValue()).isEqualTo(seq - 1);
            assertThat(seq).isLessThanOrEqualTo(checkpoint.size());
            String json = (String) item.get("eventJson");
            assertThat(json).isEqualTo(LogReads.storedEvent(seq));
            @SuppressWarnings("unchecked")
            List<String> hashes = (List<String>) item.get("hashes");
            assertThat(LogReads.included(json, seq, hashes, checkpoint)).as("entry %d", seq).isTrue();
            seqs.add(seq);
        }
        assertThat(Set.copyOf(seqs)).hasSize(seqs.size());
        return seqs;
    }
}

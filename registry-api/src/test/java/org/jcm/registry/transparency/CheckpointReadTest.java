package org.jcm.registry.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.Cosignature;
import org.jcm.ledger.proof.MerkleProofs;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.ledger.proof.SignedNote;
import org.jcm.registry.testing.Databases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transparency log's public reads through HTTP: the served checkpoint opens with the served key
 * (which is the key in the signing key file), its text form is the note byte for byte, stored
 * cosignatures are appended to the note and listed; inclusion and consistency proofs verify against
 * the served roots; the list pages in tree size order; bad requests are 400 and sizes that are not
 * checkpoints 404, all as problems.
 */
@QuarkusTest
@TestProfile(TransparencyReadProfile.class)
class CheckpointReadTest {

    private static final Path KEY_FILE = Path.of("target", "jcm-test", "checkpoint-signing-key");

    private JsonPath latest;

    @BeforeEach
    void aLedgerWithSeveralCheckpoints() {
        ProofScenario.get();
        latest = LogReads.checkpointOfHead();
    }

    @Test
    void the_keys_are_the_signing_files_verifier_key_and_the_configured_witness() throws Exception {
        given().get("/api/v1/ledger/keys").then().statusCode(200)
                .body("origin", equalTo("jcm.local/ledger"))
                .body("logKey", equalTo(NoteKeys.signer(Files.readString(KEY_FILE).strip()).verifierKey()))
                .body("witnessKeys", equalTo(List.of(TransparencyReadProfile.WITNESS_KEY)));
    }

    @Test
    void the_latest_checkpoint_opens_with_the_served_key_and_its_text_form_is_the_note_byte_for_byte() {
        Checkpoint checkpoint = LogReads.open(latest);
        assertThat(checkpoint.size()).isGreaterThanOrEqualTo(ProofScenario.get().backSeq);
        assertThat(latest.getString("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

        String size = Long.toString(checkpoint.size());
        given().get("/api/v1/ledger/checkpoints/" + size).then().statusCode(200).contentType("application/json")
                .body("treeSize", equalTo((int) checkpoint.size()))
                .body("note", equalTo(latest.getString("note")));
        for (String path : List.of("/api/v1/ledger/checkpoints/latest", "/api/v1/ledger/checkpoints/" + size)) {
            var text = given().accept("text/plain").get(path).then().statusCode(200)
                    .contentType("text/plain;charset=UTF-8").extract();
            assertThat(text.asByteArray()).isEqualTo(latest.getString("note").getBytes(StandardCharsets.UTF_8));
        }
        // A client that accepts anything gets JSON, the default.
        given().accept("*/*").get("/api/v1/ledger/checkpoints/latest").then().statusCode(200).contentType("application/json");
    }

    @Test
    void stored_cosignatures_are_appended_to_the_note_and_listed_and_a_malformed_row_is_left_out() throws Exception {
        JsonPath earliest = JsonPath.from(given().get("/api/v1/ledger/checkpoints?limit=1").then().statusCode(200)
                .extract().asString()).setRootPath("items[0]");
        Checkpoint checkpoint = LogReads.open(earliest);
        String storedNote = earliest.getString("note");
        NoteKeys.Signer witness = NoteKeys.signer(TransparencyReadProfile.WITNESS_SIGNER);
        String line = Cosignature.sign(checkpoint, witness, 1_767_225_600L);
        try (Connection c = Databases.connectToService(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO ledger_cosignature (tree_size, witness, key_id, signed_at, line, received_at)"
                        + " VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
            insert.setLong(1, checkpoint.size());
            insert.setString(2, witness.name());
            insert.setString(3, NoteKeys.keyIdHex(witness.keyId()));
            insert.setLong(4, 1_767_225_600L);
            insert.setString(5, line);
            insert.executeUpdate();
            insert.setString(2, "z.example/broken");
            insert.setString(5, "not a signature line");
            insert.executeUpdate();
        }

        String path = "/api/v1/ledger/checkpoints/" + checkpoint.size();
        JsonPath served = given().get(path).then().statusCode(200).extract().jsonPath();
        String note = served.getString("note");
        assertThat(note).isEqualTo(storedNote + line + "\n");
        assertThat(served.getList("cosignatures")).containsExactly(Map.of("witness", "jcm.local/witness",
                "keyId", "9426ceb9", "timestamp", 1_767_225_600, "line", line));
        assertThat(SignedNote.parse(note).signatures()).hasSize(2);
        assertThat(Checkpoint.open(note, LogReads.logKey())).isEqualTo(checkpoint);
        assertThat(Cosignature.verify(line, checkpoint, NoteKeys.verifier(TransparencyReadProfile.WITNESS_KEY))).isTrue();
        assertThat(given().accept("text/plain").get(path).then().statusCode(200).extract().asString()).isEqualTo(note);
    }

    @Test
    void inclusion_proofs_of_any_entry_verify_against_the_served_roots() throws Exception {
        Checkpoint head = LogReads.open(latest);
        List<Long> sizes = LogReads.storedSizes();
        Checkpoint earlier = LogReads.open(given().get("/api/v1/ledger/checkpoints/" + sizes.get(sizes.size() / 2))
                .then().statusCode(200).extract().jsonPath());
        for (Checkpoint checkpoint : List.of(head, earlier)) {
            for (long seq : List.of(1L, checkpoint.size() / 3, checkpoint.size() - 1, checkpoint.size())) {
                JsonPath proof = given().queryParam("seq", seq).queryParam("treeSize", checkpoint.size())
                        .get("/api/v1/ledger/proofs/inclusion").then().statusCode(200).extract().jsonPath();
                assertThat(proof.getLong("seq")).isEqualTo(seq);
                assertThat(proof.getLong("leafIndex")).isEqualTo(seq - 1);
                assertThat(proof.getLong("treeSize")).isEqualTo(checkpoint.size());
                List<String> hashes = proof.getList("hashes");
                assertThat(LogReads.included(LogReads.storedEvent(seq), seq, hashes, checkpoint))
                        .as("entry %d in checkpoint %d", seq, checkpoint.size()).isTrue();
                // The proof is of this entry: another entry's bytes do not verify with it.
                long other = seq == 1 ? 2 : 1;
                assertThat(LogReads.included(LogReads.storedEvent(other), seq, hashes, checkpoint)).isFalse();
            }
        }
    }

    @Test
    void consistency_proofs_between_served_checkpoints_verify() {
        List<JsonPath> checkpoints = allCheckpoints(3);
        assertThat(checkpoints.size()).isGreaterThanOrEqualTo(3);
        Checkpoint first = LogReads.open(checkpoints.get(0));
        Checkpoint middle = LogReads.open(checkpoints.get(checkpoints.size() / 2));
        Checkpoint last = LogReads.open(checkpoints.get(checkpoints.size() - 1));
        for (Checkpoint[] pair : List.of(new Checkpoint[] {first, last}, new Checkpoint[] {middle, last},
                new Checkpoint[] {first, middle}, new Checkpoint[] {last, last})) {
            JsonPath proof = given().queryParam("from", pair[0].size()).queryParam("to", pair[1].size())
                    .get("/api/v1/ledger/proofs/consistency").then().statusCode(200).extract().jsonPath();
            assertThat(proof.getLong("from")).isEqualTo(pair[0].size());
            assertThat(proof.getLong("to")).isEqualTo(pair[1].size());
            List<byte[]> hashes = LogReads.hashes(proof.getList("hashes"));
            assertThat(MerkleProofs.verifyConsistency(pair[0].size(), pair[1].size(), pair[0].root(), pair[1].root(), hashes))
                    .as("%d -> %d", pair[0].size(), pair[1].size()).isTrue();
            if (pair[0].size() == pair[1].size()) {
                assertThat(hashes).isEmpty();
            }
        }
    }

    @Test
    void the_list_pages_every_checkpoint_in_tree_size_order() throws Exception {
        List<Long> listed = allCheckpoints(2).stream().map(c -> c.getLong("treeSize")).toList();
        List<Long> stored = LogReads.storedSizes();
        assertThat(listed).isEqualTo(stored.subList(0, listed.size()));
        assertThat(listed).isSorted().doesNotHaveDuplicates();
        problem(given().queryParam("after", "MTIz").get("/api/v1/ledger/checkpoints"), 400, "invalid_cursor");
        problem(given().queryParam("limit", "0").get("/api/v1/ledger/checkpoints"), 400, "invalid_limit");
        problem(given().queryParam("size", "1").get("/api/v1/ledger/checkpoints"), 400, "invalid_query_parameter");
    }

    @Test
    void bad_proof_requests_are_400_and_sizes_that_are_no_checkpoints_404() throws Exception {
        long size = latest.getLong("treeSize");
        List<Long> sizes = LogReads.storedSizes();
        long notCheckpointed = 1;
        while (sizes.contains(notCheckpointed)) {
            notCheckpointed++;
        }
        String inclusion = "/api/v1/ledger/proofs/inclusion";
        String consistency = "/api/v1/ledger/proofs/consistency";
        problem(given().queryParam("treeSize", size).get(inclusion), 400, "invalid_proof_request")
                .body("errors[0].field", equalTo("seq"));
        for (String bad : List.of("0", "-1", "abc", "01", "1.0", "", "99999999999999999999")) {
            problem(given().queryParam("seq", bad).queryParam("treeSize", size).get(inclusion), 400, "invalid_proof_request");
            problem(given().queryParam("from", 1).queryParam("to", bad).get(consistency), 400, "invalid_proof_request")
                    .body("errors[0].field", equalTo("to"));
        }
        problem(given().queryParam("seq", size + 1).queryParam("treeSize", size).get(inclusion), 400, "invalid_proof_request");
        problem(given().queryParam("from", size).queryParam("to", sizes.get(0)).get(consistency), 400, "invalid_proof_request");
        problem(given().queryParam("seq", 1).queryParam("treeSize", size).queryParam("index", 0).get(inclusion), 400,
                "invalid_query_parameter");

        problem(given().queryParam("seq", 1).queryParam("treeSize", notCheckpointed).get(inclusion), 404, "checkpoint_not_found");
        problem(given().queryParam("seq", 1).queryParam("treeSize", size + 1_000_000).get(inclusion), 404,
                "checkpoint_not_found");
        problem(given().queryParam("from", notCheckpointed).queryParam("to", size).get(consistency), 404, "checkpoint_not_found");
        problem(given().queryParam("from", sizes.get(0)).queryParam("to", size + 1_000_000).get(consistency), 404,
                "checkpoint_not_found");
        for (String bad : List.of(Long.toString(notCheckpointed), "0", "abc", "-5", "01")) {
            problem(given().get("/api/v1/ledger/checkpoints/" + bad), 404, "checkpoint_not_found");
            problem(given().accept("text/plain").get("/api/v1/ledger/checkpoints/" + bad), 404, "checkpoint_not_found");
        }
    }

    @Test
    void the_openapi_document_lists_the_log_reads_with_their_problems() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/ledger/checkpoints/latest'.get.responses.keySet()", hasItems("200", "404"))
                .body("paths.'/api/v1/ledger/checkpoints/latest'.get.responses.'200'.content.keySet()",
                        hasItems("application/json", "text/plain"))
                .body("paths.'/api/v1/ledger/checkpoints/{treeSize}'.get.responses.keySet()", hasItems("200", "404"))
                .body("paths.'/api/v1/ledger/checkpoints'.get.responses.keySet()", hasItems("200", "400", "404"))
                .body("paths.'/api/v1/ledger/keys'.get.responses.keySet()", hasItems("200", "404"))
                .body("paths.'/api/v1/ledger/proofs/inclusion'.get.responses.keySet()", hasItems("200", "400", "404"))
                .body("paths.'/api/v1/ledger/proofs/consistency'.get.responses.'400'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/api/v1/units/{serialOrItmoId}/proof'.get.responses.keySet()",
                        hasItems("200", "400", "401", "403", "404"))
                .body("components.schemas.Checkpoint.properties.note", notNullValue())
                .body("components.schemas.UnitProofEntry.properties.eventJson", notNullValue());
    }

    /** Every checkpoint, following {@code next} with pages of {@code limit}. */
    private static List<JsonPath> allCheckpoints(int limit) {
        List<JsonPath> all = new ArrayList<>();
        String after = null;
        do {
            var request = given().queryParam("limit", limit);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/v1/ledger/checkpoints").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            for (int i = 0; i < items.size(); i++) {
                all.add(JsonPath.from(page.prettify()).setRootPath("items[" + i + "]"));
            }
            after = page.getString("next");
        } while (after != null);
        return all;
    }

    static ValidatableResponse problem(io.restassured.response.Response response, int status, String code) {
        return response.then().statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
    }
}

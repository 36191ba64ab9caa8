package org.jcm.registry.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.awaitility.Awaitility;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.MerkleHash;
import org.jcm.ledger.proof.MerkleProofs;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.registry.testing.Databases;

/**
 * What a client of the transparency log does, through the public API only: fetch the log's key,
 * wait for a checkpoint, open it with the key, and check proofs against its root. The stored events
 * are read from PostgreSQL only to compare them with what the API serves.
 */
final class LogReads {

    private LogReads() {
    }

    /** The log's verifier, from {@code GET /api/v1/ledger/keys}. */
    static NoteKeys.Verifier logKey() {
        return NoteKeys.verifier(given().get("/api/v1/ledger/keys").then().statusCode(200).extract().path("logKey"));
    }

    /** The ledger's head seq, from {@code GET /api/v1/ledger/head}. */
    static long head() {
        return given().get("/api/v1/ledger/head").then().statusCode(200).extract().jsonPath().getLong("seq");
    }

    /** Waits until the latest checkpoint covers the whole ledger as it is now, and returns it. */
    static JsonPath checkpointOfHead() {
        long head = head();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            var response = given().get("/api/v1/ledger/checkpoints/latest");
            return response.statusCode() == 200 && response.jsonPath().getLong("treeSize") >= head;
        });
        return given().get("/api/v1/ledger/checkpoints/latest").then().statusCode(200).extract().jsonPath();
    }

    /** Opens a served checkpoint's note with the served key and checks its JSON fields against it. */
    static Checkpoint open(JsonPath checkpoint) {
        Checkpoint opened = Checkpoint.open(checkpoint.getString("note"), logKey());
        assertThat(opened.size()).isEqualTo(checkpoint.getLong("treeSize"));
        assertThat(Base64.getEncoder().encodeToString(opened.root())).isEqualTo(checkpoint.getString("rootHash"));
        assertThat(opened.origin()).isEqualTo(checkpoint.getString("origin")).isEqualTo("jcm.local/ledger");
        return opened;
    }

    /** The hashes of a proof as served. */
    static List<byte[]> hashes(List<String> base64) {
        List<byte[]> hashes = new ArrayList<>(base64.size());
        for (String hash : base64) {
            hashes.add(Base64.getDecoder().decode(hash));
        }
        return hashes;
    }

    /** Whether the served audit path proves that {@code eventJson} is entry {@code seq} of the checkpoint. */
    static boolean included(String eventJson, long seq, List<String> path, Checkpoint checkpoint) {
        return MerkleProofs.verifyInclusion(MerkleHash.leaf(eventJson.getBytes(StandardCharsets.UTF_8)), seq - 1,
                checkpoint.size(), hashes(path), checkpoint.root());
    }

    /** The event JSON stored at {@code seq}. */
    static String storedEvent(long seq) throws SQLException {
        try (Connection c = Databases.connectToService();
             PreparedStatement select = c.prepareStatement("SELECT event_json FROM ledger_event WHERE seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("event %d is stored", seq).isTrue();
                return row.getString(1);
            }
        }
    }

    /** The tree sizes of the stored checkpoints, ascending. */
    static List<Long> storedSizes() throws SQLException {
        List<Long> sizes = new ArrayList<>();
        try (Connection c = Databases.connectToService();
             PreparedStatement select = c.prepareStatement("SELECT tree_size FROM ledger_checkpoint ORDER BY tree_size");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                sizes.add(rows.getLong(1));
            }
        }
        return sizes;
    }
}

package org.jcm.settlement.witness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.settlement.testing.TestLedger.B;
import static org.jcm.settlement.testing.TestLedger.C;
import static org.jcm.settlement.testing.TestLedger.trade;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.Cosignature;
import org.jcm.ledger.proof.MemoryTree;
import org.jcm.ledger.proof.MerkleHash;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.ledger.proof.SignedNote;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.settlement.testing.TestLog;
import org.jcm.testsupport.Management;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The witness through the real API and Kafka: checkpoints signed here with the test log key over the
 * entries published on the ledger topic, as the registry's checkpointer signs them. Owns vintage 2045
 * and the day 2025-11-20.
 */
@QuarkusTest
class WitnessTest {

    static final Instant DAY = Instant.parse("2025-11-20T09:00:00Z");

    @AfterEach
    void clearTheAlarm() {
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/admin/witness/alarm/clear").then()
                .statusCode(200).body("status", equalTo("OK"));
    }

    @Test
    void a_good_checkpoint_is_cosigned_and_its_cosignature_verifies() {
        long size = grow();
        Checkpoint checkpoint = TestLog.checkpoint(size);
        TestLog.publish(checkpoint);

        JsonPath cosigned = awaitCosigned(size);

        assertThat(cosigned.getString("rootHash")).isEqualTo(Base64.getEncoder().encodeToString(checkpoint.root()));
        assertThat(cosigned.getString("origin")).isEqualTo(TestLog.ORIGIN);
        String line = cosigned.getString("cosignature.line");
        assertThat(Cosignature.verify(line, checkpoint, witnessKey())).isTrue();
        assertThat(cosigned.getString("cosignature.keyId")).isEqualTo(NoteKeys.keyIdHex(witnessKey().keyId()));
        // The note carries the log's signature and the witness's line: a C2SP client verifies both.
        String note = cosigned.getString("note");
        assertThat(Checkpoint.open(note, NoteKeys.verifier(TestLog.verifierKey()))).isEqualTo(checkpoint);
        assertThat(SignedNote.parse(note).signatures()).hasSize(2);
        assertThat(SignedNote.parse(note).signatures().get(1).line()).isEqualTo(line);
        // The cosignature is on the cosignature topic in the registry's format.
        Map<?, ?> published = Cosignatures.await(size);
        assertThat(published.get("line")).isEqualTo(line);
        assertThat(published.get("witness")).isEqualTo("jcm.local/witness");
        assertThat(published.get("keyId")).isEqualTo(cosigned.getString("cosignature.keyId"));
        assertThat(published.get("timestamp")).isEqualTo(cosigned.getLong("cosignature.timestamp"));
        assertThat(given().when().get("/api/v1/witness/status").then().statusCode(200).extract().jsonPath()
                .getString("status")).isEqualTo("OK");
        assertThat(metric("jcm_witness_cosigned_size")).isGreaterThanOrEqualTo(size);
    }

    @Test
    void a_checkpoint_ahead_of_the_consumed_entries_waits_for_them_and_a_duplicate_is_harmless() {
        long before = grow();
        TestLog.publish(TestLog.checkpoint(before));
        JsonPath first = awaitCosigned(before);
        TestLedger ledger = TestLedger.get();
        ledger.applyWithoutPublishing(DAY.plusSeconds(120), ledger.holderOf(C),
                TestLedger.transfer(C, B, 1, 2045, java.util.Optional.empty(), null));
        long size = ledger.head();
        try {
            TestLog.publish(TestLog.checkpoint(size));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> String.valueOf(size).equals(String.valueOf((Object) status().get("waitingForTreeSize"))));
            given().when().get("/api/v1/witness/checkpoints/" + size).then().statusCode(404);
        } finally {
            ledger.publish(size);
        }
        awaitCosigned(size);
        TestLog.publish(TestLog.checkpoint(before));
        long after = grow();
        TestLog.publish(TestLog.checkpoint(after));
        awaitCosigned(after);

        assertThat(status().getString("status")).isEqualTo("OK");
        assertThat(awaitCosigned(before).getString("cosignature.line")).isEqualTo(first.getString("cosignature.line"));
    }

    @Test
    void a_checkpoint_over_a_rewritten_history_raises_the_alarm_and_is_not_cosigned_while_trades_still_settle() {
        TestLedger ledger = TestLedger.get();
        ledger.issue(DAY, 2045, C, 100);
        ledger.retire(DAY.plusSeconds(60), C, 5, 2045);
        Await.caughtUp();
        long size = ledger.head();
        Checkpoint rewritten = new Checkpoint(TestLog.ORIGIN, size, rewrittenRoot(ledger.entries(), size));
        TestLog.publish(rewritten);

        JsonPath alarm = awaitAlarm("root_mismatch");

        assertThat(alarm.getLong("alarm.treeSize")).isEqualTo(size);
        assertThat(alarm.getString("alarm.note")).contains(Base64.getEncoder().encodeToString(rewritten.root()));
        assertThat(alarm.getString("alarm.raisedAt")).isNotBlank();
        given().when().get("/api/v1/witness/checkpoints/" + size).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("checkpoint_not_found"));
        assertThat(metric("jcm_witness_alarm")).isEqualTo(1);
        assertThat(metric("jcm_witness_disagreements_total{reason=\"root_mismatch\"")).isGreaterThanOrEqualTo(1);
        Management.given().when().get("/q/health/well").then().statusCode(503).body("checks.find { it.name == 'Witness' }.status",
                equalTo("DOWN")).body("checks.find { it.name == 'Witness' }.data.reason", equalTo("root_mismatch"));
        Management.given().when().get("/q/health/ready").then().statusCode(200);
        Management.given().when().get("/q/health/live").then().statusCode(200);
        tradesStillSettle(ledger);
        // While the alarm is open, even the true checkpoint is not cosigned.
        TestLog.publish(TestLog.checkpoint(size));
        long later = grow();
        TestLog.publish(TestLog.checkpoint(later));
        // A malformed message after them: once it is counted, the witness has handled both.
        double malformed = metric("jcm_witness_disagreements_total{reason=\"malformed\"");
        TestLog.publishRaw("marker", "not json".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> metric("jcm_witness_disagreements_total{reason=\"malformed\"") > malformed);
        given().when().get("/api/v1/witness/checkpoints/" + size).then().statusCode(404);
        given().when().get("/api/v1/witness/checkpoints/" + later).then().statusCode(404);
        assertThat(status().getString("alarm.reason")).isEqualTo("root_mismatch");

        clearTheAlarm();
        assertThat(metric("jcm_witness_alarm")).isZero();
        long next = grow();
        TestLog.publish(TestLog.checkpoint(next));
        awaitCosigned(next);
    }

    @Test
    void a_checkpoint_signed_by_another_key_or_carrying_a_swapped_signature_raises_the_alarm() {
        long size = grow();
        Checkpoint checkpoint = TestLog.checkpoint(size);
        NoteKeys.Signer impostor = NoteKeys.signer(NoteKeys.generate(TestLog.ORIGIN, NoteKeys.ED25519).signerKey());
        TestLog.publish(checkpoint, checkpoint.sign(impostor).encode());
        assertThat(awaitAlarm("unknown_key").getLong("alarm.treeSize")).isEqualTo(size);
        clearTheAlarm();

        // The log's genuine signature of another checkpoint, put under this checkpoint's text.
        SignedNote other = TestLog.checkpoint(size - 1).sign(TestLog.signer());
        String swapped = checkpoint.text() + "\n" + other.signatures().get(0).line() + "\n";
        TestLog.publish(checkpoint, swapped);
        awaitAlarm("bad_signature");
        clearTheAlarm();

        // The log's key signing a checkpoint of another origin.
        Checkpoint otherLog = new Checkpoint("jcm.local/other-ledger", size, checkpoint.root());
        TestLog.publish(otherLog, SignedNote.sign(otherLog.text(), TestLog.signer()).encode());
        awaitAlarm("wrong_origin");
        clearTheAlarm();

        TestLog.publishRaw("x", "{\"treeSize\":1}".getBytes(StandardCharsets.UTF_8));
        awaitAlarm("malformed");
        clearTheAlarm();

        given().when().get("/api/v1/witness/checkpoints/" + size).then().statusCode(404);
        TestLog.publish(checkpoint);
        awaitCosigned(size);
    }

    @Test
    void a_checkpoint_below_the_latest_cosigned_one_or_a_second_one_for_its_size_raises_the_alarm() {
        long size = grow();
        TestLog.publish(TestLog.checkpoint(size));
        awaitCosigned(size);

        TestLog.publish(TestLog.checkpoint(size - 1));
        assertThat(awaitAlarm("rollback").getLong("alarm.treeSize")).isEqualTo(size - 1);
        clearTheAlarm();

        TestLog.publish(new Checkpoint(TestLog.ORIGIN, size, rewrittenRoot(TestLedger.get().entries(), size)));
        awaitAlarm("conflicting_checkpoint");
        clearTheAlarm();

        long next = grow();
        TestLog.publish(TestLog.checkpoint(next));
        awaitCosigned(next);
    }

    @Test
    void a_rebuild_applies_the_ledger_again_but_keeps_the_tree_as_it_was() {
        long size = grow();
        TestLog.publish(TestLog.checkpoint(size));
        awaitCosigned(size);
        JsonPath before = status();
        long generation = given().when().get("/api/v1/status").then().extract().jsonPath().getLong("generation");

        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/admin/rebuild").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonPath s = given().when().get("/api/v1/status").then().extract().jsonPath();
            return s.getLong("generation") > generation && s.getLong("lastAppliedSeq") == size
                    && "RUNNING".equals(s.getString("state"));
        });

        JsonPath after = status();
        assertThat(after.getLong("tree.size")).isEqualTo(before.getLong("tree.size")).isEqualTo(size);
        assertThat(after.getString("tree.rootHash")).isEqualTo(before.getString("tree.rootHash"))
                .isEqualTo(Base64.getEncoder().encodeToString(TestLog.checkpoint(size).root()));
        long next = grow();
        TestLog.publish(TestLog.checkpoint(next));
        awaitCosigned(next);
    }

    /** Registers a trade and delivers it: it settles although the witness is in alarm. */
    private static void tradesStillSettle(TestLedger ledger) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tradeId", "W-1");
        body.put("venue", "WITX");
        body.put("sellerAccountId", C.value());
        body.put("buyerAccountId", B.value());
        body.put("instrument", "JCM-MNG-2045-NONE");
        body.put("quantity", 7);
        body.put("pricePerTonne", "99.50");
        body.put("currency", "EUR");
        body.put("deliverBy", "2099-12-31T00:00:00Z");
        given().auth().oauth2(TestTokens.exchange("WITX")).header("Idempotency-Key", "witness-w-1")
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/trades").then().statusCode(201);
        ledger.transfer(DAY.plusSeconds(300), C, B, 7, 2045, trade("WITX", "W-1", "99.50", "EUR"));
        Await.caughtUp();
        given().auth().oauth2(TestTokens.exchange("WITX")).when().get("/api/v1/trades/WITX/W-1").then()
                .statusCode(200).body("status", equalTo("SETTLED"));
    }

    /** Adds entries to the ledger, waits until settlement applied them, and returns the head. */
    static long grow() {
        TestLedger ledger = TestLedger.get();
        ledger.issue(DAY, 2045, C, 10);
        Await.caughtUp();
        return ledger.head();
    }

    /** The root of the first {@code size} entries with the last retirement's beneficiary rewritten. */
    static byte[] rewrittenRoot(List<byte[]> entries, long size) {
        List<byte[]> leaves = new ArrayList<>();
        int rewritten = -1;
        for (int i = 0; i < size; i++) {
            leaves.add(TestLog.leaf(entries.get(i)));
            if (new String(leaves.get(i), StandardCharsets.UTF_8).contains("\"type\":\"CreditsRetired\"")) {
                rewritten = i;
            }
        }
        if (rewritten < 0) {
            rewritten = (int) size - 1;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) Json.parse(new String(leaves.get(rewritten),
                StandardCharsets.UTF_8));
        event.put("beneficiary", "Someone Else Ltd");
        leaves.set(rewritten, Jcs.canonicalBytes(event));
        MemoryTree tree = new MemoryTree();
        leaves.forEach(leaf -> tree.append(MerkleHash.leaf(leaf)));
        return tree.root();
    }

    static JsonPath awaitCosigned(long size) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> given().when()
                .get("/api/v1/witness/checkpoints/" + size).statusCode() == 200);
        return given().when().get("/api/v1/witness/checkpoints/" + size).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitAlarm(String reason) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> reason.equals(status().getString("alarm.reason")));
        JsonPath status = status();
        assertThat(status.getString("status")).isEqualTo("ALARM");
        return status;
    }

    static JsonPath status() {
        return given().when().get("/api/v1/witness/status").then().statusCode(200).extract().jsonPath();
    }

    static NoteKeys.Verifier witnessKey() {
        return NoteKeys.verifier(given().when().get("/api/v1/witness/key").then().statusCode(200).extract()
                .jsonPath().getString("verifierKey"));
    }

    /** The value of the first Prometheus sample whose name and labels start with {@code prefix}. */
    static double metric(String prefix) {
        String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : metrics.split("\n")) {
            if (line.startsWith(prefix) && (line.charAt(prefix.length()) == ' ' || line.charAt(prefix.length()) == '{'
                    || line.charAt(prefix.length()) == ',' || line.charAt(prefix.length()) == '}')) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no metric " + prefix + " in /q/metrics");
    }
}

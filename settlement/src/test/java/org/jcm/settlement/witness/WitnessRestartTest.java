package org.jcm.settlement.witness;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.Cosignature;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.settlement.testing.TestInfrastructure;
import org.jcm.settlement.testing.TestLog;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * After a restart with the ledger consumer switched off, so that nothing of the ledger is read again,
 * the witness still has its whole tree (from its tiles in PostgreSQL): its root equals the root of the
 * entries on the topic, and it verifies and cosigns checkpoints with it. Runs after the tests without a
 * profile (Quarkus orders test classes so), on the database they filled.
 */
@QuarkusTest
@TestProfile(WitnessRestartTest.ConsumerOff.class)
class WitnessRestartTest {

    /** The service restarted without its ledger consumer. */
    public static class ConsumerOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("settlement.consumer.enabled", "false");
        }
    }

    @Test
    void after_a_restart_the_tree_comes_from_the_database_without_reading_the_ledger_again() {
        given().when().get("/api/v1/status").then().statusCode(200).body("state", equalTo("STOPPED"));
        JsonPath status = given().when().get("/api/v1/witness/status").then().statusCode(200).extract().jsonPath();
        long size = status.getLong("tree.size");
        assertThat(size).as("the tests before the restart grew the tree").isPositive();
        List<byte[]> entries = topicEntries(size);
        byte[] root = TestLog.root(entries, size);
        assertThat(status.getString("tree.rootHash")).isEqualTo(Base64.getEncoder().encodeToString(root));
        NoteKeys.Verifier witness = NoteKeys.verifier(given().when().get("/api/v1/witness/key").then().statusCode(200)
                .extract().jsonPath().getString("verifierKey"));
        JsonPath latest = given().when().get("/api/v1/witness/checkpoints/latest").then().statusCode(200).extract()
                .jsonPath();
        long cosigned = latest.getLong("treeSize");
        Checkpoint before = new Checkpoint(TestLog.ORIGIN, cosigned, TestLog.root(entries, cosigned));
        assertThat(Cosignature.verify(latest.getString("cosignature.line"), before, witness)).isTrue();

        Checkpoint checkpoint = new Checkpoint(TestLog.ORIGIN, size, root);
        TestLog.publish(checkpoint);
        JsonPath cosignedNow = WitnessTest.awaitCosigned(size);
        assertThat(Cosignature.verify(cosignedNow.getString("cosignature.line"), checkpoint, witness)).isTrue();

        TestLog.publish(new Checkpoint(TestLog.ORIGIN, size, WitnessTest.rewrittenRoot(entries, size)));
        assertThat(WitnessTest.awaitAlarm("conflicting_checkpoint").getLong("alarm.treeSize")).isEqualTo(size);
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/admin/witness/alarm/clear").then()
                .statusCode(200).body("status", equalTo("OK"));
    }

    /** The entries with seq 1..size as the ledger topic holds them, read by this test, not the service. */
    private static List<byte[]> topicEntries(long size) {
        Map<Long, byte[]> bySeq = new TreeMap<>();
        Map<String, Object> config = Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(),
                "enable.auto.commit", false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(TestLedger.TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Map<?, ?> entry = (Map<?, ?>) Json.parse(new String(record.value(),
                            java.nio.charset.StandardCharsets.UTF_8));
                    bySeq.putIfAbsent((Long) entry.get("seq"), record.value());
                }
            }
        }
        List<byte[]> entries = new ArrayList<>();
        for (long seq = 1; seq <= size; seq++) {
            assertThat(bySeq).as("entry %d on the ledger topic", seq).containsKey(seq);
            entries.add(bySeq.get(seq));
        }
        return entries;
    }
}

package org.jcm.registry.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.Cosignature;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.ledger.proof.SignedNote;
import org.jcm.registry.testing.Databases;
import org.jcm.registry.testing.LedgerFixture;
import org.jcm.registry.write.Ledger;
import org.jcm.registry.write.WriterStatus;
import org.junit.jupiter.api.Test;

/**
 * The registry stores a witness's cosignature of a checkpoint only if the witness is configured
 * and the signature verifies over a checkpoint it stored: a forged cosignature (another key under
 * the witness's name), an unknown witness's and one of a checkpoint it never signed are not stored.
 */
@QuarkusTest
@TestProfile(CheckpointProfile.class)
class CosignatureCollectorTest {

    @Inject
    Ledger ledger;

    @Test
    void only_verified_cosignatures_of_configured_witnesses_over_stored_checkpoints_are_stored() throws Exception {
        if (ledger.writer().status() != WriterStatus.ACTIVE) {
            ledger.restartWriter();
        }
        assertThat(ledger.writer().awaitStarted(Duration.ofSeconds(60))).isEqualTo(WriterStatus.ACTIVE);
        try (LedgerFixture fixture = new LedgerFixture(ledger.writer())) {
            fixture.world();
            fixture.transfers(5);
        }
        long head = ledger.committedSeq();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> note(head) != null);
        Checkpoint checkpoint = Checkpoint.parse(SignedNote.parse(note(head)).text());
        long now = System.currentTimeMillis() / 1000;
        NoteKeys.Signer witness = NoteKeys.signer(CheckpointProfile.WITNESS.signerKey());
        NoteKeys.Signer impostor = NoteKeys.signer(NoteKeys.generate("jcm.local/witness", NoteKeys.COSIGNATURE_V1).signerKey());
        NoteKeys.Signer stranger = NoteKeys.signer(NoteKeys.generate("other.example/witness", NoteKeys.COSIGNATURE_V1)
                .signerKey());
        Checkpoint neverSigned = new Checkpoint(checkpoint.origin(), head + 1_000, checkpoint.root());

        publish(head + 1_000, Cosignature.sign(neverSigned, witness, now));
        publish(head, Cosignature.sign(checkpoint, impostor, now));
        publish(head, Cosignature.sign(checkpoint, stranger, now));
        publish(head, "not a cosignature");
        String genuine = Cosignature.sign(checkpoint, witness, now);
        publish(head, genuine);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !cosignatures(head).isEmpty());
        assertThat(cosignatures(head)).containsExactly(genuine);
        assertThat(cosignatures(head + 1_000)).isEmpty();
        assertThat(Cosignature.verify(cosignatures(head).get(0), checkpoint, witness.verifier())).isTrue();
    }

    private static void publish(long treeSize, String line) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("treeSize", treeSize);
        value.put("line", line);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                String.class));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(CheckpointProfile.COSIGNATURE_TOPIC, Long.toString(treeSize),
                    Jcs.canonicalize(value).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String note(long size) throws SQLException {
        try (Connection c = Databases.connectToService();
             PreparedStatement select = c.prepareStatement("SELECT note FROM ledger_checkpoint WHERE tree_size = ?")) {
            select.setLong(1, size);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static List<String> cosignatures(long size) throws SQLException {
        List<String> lines = new java.util.ArrayList<>();
        try (Connection c = Databases.connectToService();
             PreparedStatement select = c.prepareStatement("SELECT line FROM ledger_cosignature WHERE tree_size = ?")) {
            select.setLong(1, size);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lines.add(row.getString(1));
                }
            }
        }
        return lines;
    }
}

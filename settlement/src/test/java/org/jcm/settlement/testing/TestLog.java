package org.jcm.settlement.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.MemoryTree;
import org.jcm.ledger.proof.MerkleHash;
import org.jcm.ledger.proof.NoteKeys;

/**
 * The registry's checkpointer, for tests: a log key made once per JVM with {@link NoteKeys#generate}
 * (its verifier key is pinned in the service's {@code jcm.witness.log-key}), checkpoints computed from
 * the entries {@link TestLedger} published, signed and published on the checkpoint topic in the
 * message format of the registry (docs/transparency-log.md).
 */
public final class TestLog {

    public static final String ORIGIN = "jcm.local/ledger";
    public static final String CHECKPOINT_TOPIC = "jcm.ledger.checkpoints";
    public static final String COSIGNATURE_TOPIC = "jcm.ledger.cosignatures";

    /**
     * The log key, generated once per JVM and kept in a system property: a service restarted under a
     * test profile loads this class again, and must pin the same key.
     */
    private static final String KEY_PROPERTY = "jcm.test.log-signer-key";
    private static KafkaProducer<String, byte[]> producer;

    private TestLog() {
    }

    /** The log's verifier key string, which the service pins. */
    public static String verifierKey() {
        return signer().verifierKey();
    }

    /** The log's signer. */
    public static NoteKeys.Signer signer() {
        String key;
        synchronized (System.getProperties()) {
            key = System.getProperty(KEY_PROPERTY);
            if (key == null) {
                key = NoteKeys.generate(ORIGIN, NoteKeys.ED25519).signerKey();
                System.setProperty(KEY_PROPERTY, key);
            }
        }
        return NoteKeys.signer(key);
    }

    /** The canonical event bytes of a published entry: the leaf. */
    public static byte[] leaf(byte[] entry) {
        Map<?, ?> parsed = (Map<?, ?>) Json.parse(new String(entry, StandardCharsets.UTF_8));
        return Jcs.canonicalBytes(parsed.get("event"));
    }

    /** The root of the first {@code size} of these entries. */
    public static byte[] root(List<byte[]> entries, long size) {
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < size; i++) {
            tree.append(MerkleHash.leaf(leaf(entries.get(i))));
        }
        return tree.root();
    }

    /** The checkpoint of the test ledger's first {@code size} entries. */
    public static Checkpoint checkpoint(long size) {
        return new Checkpoint(ORIGIN, size, root(TestLedger.get().entries(), size));
    }

    /** Signs the checkpoint with the log key and publishes it. */
    public static String publish(Checkpoint checkpoint) {
        String note = checkpoint.sign(signer()).encode();
        publish(checkpoint, note);
        return note;
    }

    /** Publishes a checkpoint message with the given note, as the registry does. */
    public static void publish(Checkpoint checkpoint, String note) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("treeSize", checkpoint.size());
        json.put("rootHash", Base64.getEncoder().encodeToString(checkpoint.root()));
        json.put("origin", checkpoint.origin());
        json.put("note", note);
        json.put("createdAt", Instant.now().toString());
        publishRaw(Long.toString(checkpoint.size()), Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes any value on the checkpoint topic. */
    public static synchronized void publishRaw(String key, byte[] value) {
        if (producer == null) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(new ProducerRecord<>(CHECKPOINT_TOPIC, 0, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates the checkpoint and cosignature topics with one partition unless they exist. */
    public static void createTopics() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : List.of(CHECKPOINT_TOPIC, COSIGNATURE_TOPIC)) {
                topics.add(new NewTopic(topic, 1, (short) 1));
            }
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

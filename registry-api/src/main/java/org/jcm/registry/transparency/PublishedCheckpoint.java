package org.jcm.registry.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.NoteKeys;

/**
 * The latest checkpoint published on Kafka, a second store with credentials of its own: at
 * activation the writer checks the stored entries against whichever of it and the latest one in
 * PostgreSQL is larger, so that deleting checkpoint rows before rewriting history does not lower
 * the bar. Kafka being unreachable does not stop the writer (it logs it and uses PostgreSQL's).
 * Only a record whose note verifies with the log's key counts.
 */
final class PublishedCheckpoint {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private PublishedCheckpoint() {
    }

    /** The latest verified checkpoint on {@code topic}, or null if none could be read. */
    static Checkpoint latest(Map<String, Object> kafkaConfig, String topic, NoteKeys.Verifier logKey) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "jcm-writer-anchor-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, WAIT);
            if (partitions == null || partitions.isEmpty()) {
                return null;
            }
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            long end = consumer.position(partition, WAIT);
            // The last few records: a checkpoint published again at activation may follow a larger one.
            consumer.seek(partition, Math.max(0, end - 16));
            Checkpoint best = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (consumer.position(partition, WAIT) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Checkpoint checkpoint = open(record, logKey);
                    if (checkpoint != null && (best == null || checkpoint.size() > best.size())) {
                        best = checkpoint;
                    }
                }
            }
            return best;
        } catch (RuntimeException e) {
            LOG.warnf("The latest published checkpoint could not be read from %s; the writer checks against"
                    + " PostgreSQL's only: %s", topic, e.toString());
            return null;
        }
    }

    private static Checkpoint open(ConsumerRecord<String, byte[]> record, NoteKeys.Verifier logKey) {
        try {
            Object parsed = Json.parse(new String(record.value(), StandardCharsets.UTF_8));
            if (parsed instanceof Map<?, ?> fields && fields.get("note") instanceof String note) {
                return Checkpoint.open(note, logKey);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Record %d of the checkpoint topic is not a checkpoint signed by this log: %s", record.offset(),
                    e.getMessage());
        }
        return null;
    }
}

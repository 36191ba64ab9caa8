package org.jcm.registry.transparency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.registry.outbox.OnePartitionTopic;

/**
 * Publishes signed checkpoints on their own Kafka topic (one partition, key the tree size), where
 * witnesses read them: {@code {"treeSize", "rootHash", "origin", "note", "createdAt"}} in canonical
 * JSON. A checkpoint may be published more than once (after a failure, or again at activation);
 * the content is the same, so consumers keep the first. Checkpointer thread only.
 */
final class CheckpointPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CheckpointPublisher.class);

    private final String topic;
    private final Map<String, Object> kafkaConfig;
    private KafkaProducer<String, byte[]> producer;

    CheckpointPublisher(String topic, Map<String, Object> kafkaConfig) {
        this.topic = topic;
        this.kafkaConfig = kafkaConfig;
    }

    /** The message of a checkpoint, as published and as {@code GET /ledger/checkpoints} serves its fields. */
    static byte[] message(long treeSize, byte[] root, String origin, String note, Instant createdAt) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("treeSize", treeSize);
        value.put("rootHash", Base64.getEncoder().encodeToString(root));
        value.put("origin", origin);
        value.put("note", note);
        value.put("createdAt", createdAt.toString());
        return Jcs.canonicalize(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends one checkpoint and waits until Kafka has it; false (logged) if it could not. */
    boolean publish(long treeSize, byte[] message) {
        try {
            if (producer == null) {
                OnePartitionTopic.ensure(kafkaConfig, "jcm-checkpoints-admin", topic);
                producer = new KafkaProducer<>(producerConfig());
            }
            producer.send(new ProducerRecord<>(topic, 0, Long.toString(treeSize), message)).get(30, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("Checkpoint %d was not published on %s; it is sent again later: %s", treeSize, topic, e.toString());
            close();
            return false;
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "jcm-checkpoints");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    @Override
    public void close() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("Closing the checkpoint producer: %s", e.toString());
            }
            producer = null;
        }
    }
}

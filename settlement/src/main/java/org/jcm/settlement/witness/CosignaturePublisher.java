package org.jcm.settlement.witness;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jcm.ledger.canonical.Json;

/**
 * Publishes cosignatures on the cosignature topic: key = the tree size in decimal, value
 * {@code {"treeSize":N,"witness":"<name>","keyId":"<8 hex>","timestamp":T,"line":"— <name> <base64>"}}.
 * Each send waits for the broker's acknowledgement, so that a cosignature is marked published only
 * once it is on the topic.
 */
final class CosignaturePublisher implements AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    CosignaturePublisher(Map<String, Object> kafkaConfig, String topic, String clientId) {
        Map<String, Object> properties = new HashMap<>(kafkaConfig);
        properties.remove("group.id");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** The message value of a cosigned checkpoint. */
    static byte[] value(CosignedCheckpoint c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("treeSize", c.treeSize());
        json.put("witness", c.witness());
        json.put("keyId", c.keyIdHex());
        json.put("timestamp", c.timestamp());
        json.put("line", c.cosignature());
        return Json.write(json).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the cosignature and waits for the broker to acknowledge it. */
    void publish(CosignedCheckpoint c) throws InterruptedException {
        try {
            producer.send(new ProducerRecord<>(topic, Long.toString(c.treeSize()), value(c)))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publishing the cosignature of tree size " + c.treeSize() + " on " + topic
                    + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}

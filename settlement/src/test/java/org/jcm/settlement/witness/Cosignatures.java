package org.jcm.settlement.witness;

import org.awaitility.Awaitility;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jcm.ledger.canonical.Json;
import org.jcm.settlement.testing.TestInfrastructure;
import org.jcm.settlement.testing.TestLog;

/** Reads the cosignature topic as the registry does, for tests. */
final class Cosignatures {

    private Cosignatures() {
    }

    /** Waits for the cosignature of a tree size on the topic and returns its JSON value. */
    static Map<?, ?> await(long treeSize) {
        AtomicReference<Map<?, ?>> found = new AtomicReference<>();
        Map<String, Object> config = Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(),
                "enable.auto.commit", false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(TestLog.COSIGNATURE_TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(Long.toString(treeSize))) {
                        found.set((Map<?, ?>) Json.parse(new String(record.value(), StandardCharsets.UTF_8)));
                    }
                }
                return found.get() != null;
            });
        }
        return found.get();
    }
}

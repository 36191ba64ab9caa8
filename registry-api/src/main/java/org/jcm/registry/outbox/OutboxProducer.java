package org.jcm.registry.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The outbox's side of Kafka: creates the ledger topic with one partition if it is missing, and
 * sends each batch as one transaction of an idempotent, transactional producer ({@code acks=all}).
 * The producer is created on first use and dropped after a failure, so the next batch starts
 * with a fresh one that fences off whatever the previous one left open.
 *
 * <p>Used by the publisher thread only, so nothing here is synchronised.
 */
final class OutboxProducer implements AutoCloseable {

    /** Logged under the publisher's category, as all of the outbox's thread is. */
    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final OutboxSettings settings;
    private final Map<String, Object> kafkaConfig;
    private final OutboxTracing tracing;
    private KafkaProducer<String, byte[]> producer;

    OutboxProducer(OutboxSettings settings, Map<String, Object> kafkaConfig, OpenTelemetry openTelemetry) {
        this.settings = settings;
        this.kafkaConfig = kafkaConfig;
        this.tracing = new OutboxTracing(openTelemetry, settings.topic());
    }

    /** Makes sure a producer with its transactions initialised exists, creating the topic first if needed. */
    void ensureProducer() throws Exception {
        if (producer != null) {
            return;
        }
        ensureTopic();
        KafkaProducer<String, byte[]> created = new KafkaProducer<>(producerConfig());
        try {
            created.initTransactions();
        } catch (RuntimeException e) {
            created.close(Duration.ZERO);
            throw e;
        }
        producer = created;
    }

    /**
     * Sends the batch as one transaction; returns once it committed, and throws if any record
     * failed, in which case nothing of the batch is visible to {@code read_committed} consumers.
     */
    void sendInTransaction(List<OutboxDatabase.Pending> batch) {
        List<Span> spans = new ArrayList<>();
        try {
            producer.beginTransaction();
            for (OutboxDatabase.Pending event : batch) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(OutboxPublisher.SEQ_HEADER, Long.toString(event.seq()).getBytes(StandardCharsets.US_ASCII));
                if (event.trace() != null) {
                    spans.add(tracing.publishing(event, headers));
                }
                producer.send(new ProducerRecord<>(settings.topic(), null, settings.ledgerId(), event.value(), headers));
            }
            // Flushes, and throws if any record of the batch failed; nothing of the batch is then visible.
            producer.commitTransaction();
        } catch (RuntimeException e) {
            OutboxTracing.failed(spans, e);
            throw e;
        }
        OutboxTracing.ended(spans);
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "jcm-outbox-" + settings.ledgerId());
        // One transactional id per ledger and topic: a new producer with it (after a failure, or
        // on another instance that took over the lock) aborts whatever the previous one left open
        // and fences it off, so a stale publisher can never write after its successor.
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "jcm-outbox-" + settings.ledgerId() + "-" + settings.topic());
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // At most 5 requests in flight keeps order with idempotence: the broker refuses a batch
        // whose producer sequence number is not the next one, and the producer retries in order.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // A whole batch of entries (about 0.5 KB each) fits in one or two produce requests, which
        // is what makes catching up after an outage fast; the default 16 KB would need dozens.
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(30_000, settings.deliveryTimeout().toMillis() - 1));
        // send() must not block the thread for a minute waiting for metadata while the broker is down.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    /** Creates the topic with one partition unless it exists, so the ledger's total order survives. */
    private void ensureTopic() throws Exception {
        OnePartitionTopic.ensure(kafkaConfig, "jcm-outbox-admin-" + settings.ledgerId(), settings.topic());
    }

    /** Drops the producer without waiting; a batch in flight is abandoned, never committed. */
    @Override
    public void close() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Closing the outbox producer failed", e);
            }
            producer = null;
        }
    }
}

package org.jcm.registry.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a ledger topic from the beginning as a consumer must (docs/ledger-stream.md): it keeps the
 * first record of every seq, drops later records of a seq it has seen, and checks on the way that
 * each such duplicate carries the same bytes and that first sightings come in seq order.
 */
public final class TopicReader implements AutoCloseable {

    /** One record as received. */
    public record Received(long seq, String key, String value, long offset) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<Long, Received> bySeq = new HashMap<>();
    private final List<Received> all = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long lastFirstSeen;

    /** A reader of partition 0 of {@code topic}, from offset 0. */
    public TopicReader(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
    }

    /** Polls once for up to {@code timeout} and takes in what arrived. */
    public TopicReader poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            Header header = record.headers().lastHeader("seq");
            long seq = header == null ? -1 : Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII));
            Received received = new Received(seq, record.key(), new String(record.value(), StandardCharsets.UTF_8),
                    record.offset());
            all.add(received);
            Received first = bySeq.putIfAbsent(seq, received);
            if (first == null) {
                if (seq != lastFirstSeen + 1) {
                    problems.add("seq " + seq + " first seen after seq " + lastFirstSeen + " (offset " + record.offset() + ")");
                }
                lastFirstSeen = Math.max(lastFirstSeen, seq);
            } else if (!first.value.equals(received.value)) {
                problems.add("seq " + seq + " arrived again with other bytes at offset " + record.offset());
            }
        }
        return this;
    }

    /** The highest seq such that every seq from 1 to it has arrived. */
    public long contiguousThrough() {
        long seq = 0;
        while (bySeq.containsKey(seq + 1)) {
            seq++;
        }
        return seq;
    }

    /** The first record of each seq. */
    public Map<Long, Received> bySeq() {
        return bySeq;
    }

    /** Every record received, duplicates included, in offset order. */
    public List<Received> all() {
        return all;
    }

    /** What broke the consumer's expectations: a gap or reordering, or a duplicate with other bytes. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}

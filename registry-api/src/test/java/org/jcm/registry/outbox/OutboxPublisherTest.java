package org.jcm.registry.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jcm.embedded.EmbeddedKafkaBroker;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.embedded.SharedInfrastructure;
import org.jcm.registry.api.LedgerEntryJson;
import org.jcm.registry.testing.LedgerFixture;
import org.jcm.registry.testing.MigratedDatabase;
import org.jcm.registry.testing.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tests the outbox publisher against real brokers and a real PostgreSQL, outside the application:
 * normal publishing, a broker outage under write load, a publisher killed between commit and
 * publish, a position older than what was sent, and two instances competing for the lock. In
 * every case each seq arrives, in order, and any duplicate carries the same bytes.
 */
class OutboxPublisherTest {

    private static PostgresDatabase database;

    @BeforeAll
    static void migrate() {
        // The publisher and the fixture connect as the service role, as in a deployment.
        database = MigratedDatabase.create("outbox_publisher_test").service();
    }

    @Test
    void every_committed_event_arrives_once_in_order_with_key_header_and_the_api_entry_as_value() throws Exception {
        long head = commit(3, 50);
        String topic = "ledger-" + UUID.randomUUID();
        EmbeddedKafkaBroker broker = SharedInfrastructure.kafka();
        try (OutboxPublisher publisher = publisher(topic, broker, fastSettings(topic));
             TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            publisher.start();
            readThrough(reader, head);

            assertThat(reader.problems()).isEmpty();
            assertThat(reader.all()).hasSize((int) head);
            List<String> expected = storedEntries(head);
            long previousOffset = -1;
            for (long seq = 1; seq <= head; seq++) {
                TopicReader.Received received = reader.bySeq().get(seq);
                assertThat(received.key()).isEqualTo("jcm");
                // Offsets grow with seq; transaction markers take offsets too, so they are not seq - 1.
                assertThat(received.offset()).isGreaterThan(previousOffset);
                previousOffset = received.offset();
                assertThat(received.value()).isEqualTo(expected.get((int) seq - 1));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> position(topic) == head);
            assertThat(publisher.status().state()).isEqualTo(OutboxPublisher.State.PUBLISHING);
        }
    }

    @Test
    void a_broker_outage_under_write_load_delays_events_but_loses_and_reorders_none() throws Exception {
        commit(1, 1);
        String topic = "outage-" + UUID.randomUUID();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong head = new AtomicLong();
        List<Throwable> writerFailures = new ArrayList<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().start();
             LedgerFixture fixture = fixture()) {
            fixture.world();
            // The registry keeps committing whatever happens to Kafka: this thread plays its writer.
            Thread writer = new Thread(() -> {
                try {
                    while (writing.get()) {
                        head.set(fixture.transfers(20));
                        Thread.sleep(20);
                    }
                } catch (Throwable e) {
                    writerFailures.add(e);
                }
            }, "test-writer");
            // A short delivery timeout makes the publisher give up on in-flight batches during the
            // outage, so the test covers the restart-from-the-recorded-position path too.
            OutboxSettings settings = fastSettings(topic).withDeliveryTimeout(Duration.ofSeconds(3));
            try (OutboxPublisher publisher = publisher(topic, broker, settings);
                 TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
                writer.start();
                publisher.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> position(topic) > 0 && head.get() > 100);

                broker.stop();
                long headWhenStopped = head.get();
                await().atMost(Duration.ofSeconds(60)).until(() -> publisher.status().lastError() != null);
                await().atMost(Duration.ofSeconds(60)).until(() -> head.get() > headWhenStopped + 200);
                long positionDuringOutage = position(topic);
                assertThat(positionDuringOutage).isLessThan(head.get());
                broker.restart();

                await().atMost(Duration.ofSeconds(60)).until(() -> position(topic) > positionDuringOutage);
                writing.set(false);
                writer.join();
                assertThat(writerFailures).isEmpty();
                long finalHead = head.get();
                readThrough(reader, finalHead);

                assertThat(reader.problems()).isEmpty();
                assertThat(reader.bySeq()).hasSize((int) finalHead);
                List<String> expected = storedEntries(finalHead);
                for (long seq = 1; seq <= finalHead; seq++) {
                    assertThat(reader.bySeq().get(seq).value()).isEqualTo(expected.get((int) seq - 1));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> position(topic) == finalHead);
                assertThat(publisher.status().state()).isEqualTo(OutboxPublisher.State.PUBLISHING);
            } finally {
                writing.set(false);
            }
        }
    }

    @Test
    void a_publisher_killed_between_commit_and_publish_is_replaced_by_one_that_sends_the_backlog() throws Exception {
        commit(1, 1);
        String topic = "restart-" + UUID.randomUUID();
        EmbeddedKafkaBroker broker = SharedInfrastructure.kafka();
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            OutboxPublisher first = publisher(topic, broker, fastSettings(topic));
            first.start();
            long firstHead = commit(2, 30);
            readThrough(reader, firstHead);
            first.close();

            // Committed while no publisher runs, as if the registry died right after COMMIT.
            long backlogHead = commit(5, 30);
            assertThat(position(topic)).isEqualTo(firstHead);
            try (OutboxPublisher second = publisher(topic, broker, fastSettings(topic))) {
                second.start();
                readThrough(reader, backlogHead);
            }
            assertThat(reader.problems()).isEmpty();
            assertThat(reader.all()).hasSize((int) backlogHead);
            assertThat(position(topic)).isEqualTo(backlogHead);
        }
    }

    @Test
    void a_position_older_than_what_was_sent_causes_duplicates_with_the_same_seq_and_bytes_only() throws Exception {
        long head = commit(3, 40);
        String topic = "rewind-" + UUID.randomUUID();
        EmbeddedKafkaBroker broker = SharedInfrastructure.kafka();
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            try (OutboxPublisher publisher = publisher(topic, broker, fastSettings(topic))) {
                publisher.start();
                readThrough(reader, head);
                await().atMost(Duration.ofSeconds(30)).until(() -> position(topic) == head);
            }
            // As if the registry died after the broker acknowledged but before the position was
            // recorded: the recorded position is behind what the topic holds.
            long rewound = head / 2;
            setPosition(topic, rewound);
            long newHead = commit(1, 10);
            try (OutboxPublisher publisher = publisher(topic, broker, fastSettings(topic))) {
                publisher.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll(Duration.ofMillis(200)).all().size()
                        >= newHead + (head - rewound));
            }
            assertThat(reader.problems()).isEmpty();
            assertThat(reader.bySeq()).hasSize((int) newHead);
            assertThat(reader.all()).hasSize((int) (newHead + head - rewound));
            for (TopicReader.Received received : reader.all()) {
                assertThat(received.value()).isEqualTo(reader.bySeq().get(received.seq()).value());
            }
        }
    }

    @Test
    void of_two_publishers_one_publishes_and_the_other_takes_over_when_it_stops() throws Exception {
        long head = commit(1, 20);
        String topic = "lock-" + UUID.randomUUID();
        EmbeddedKafkaBroker broker = SharedInfrastructure.kafka();
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic);
             OutboxPublisher a = publisher(topic, broker, fastSettings(topic));
             OutboxPublisher b = publisher(topic, broker, fastSettings(topic))) {
            a.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> a.status().state() == OutboxPublisher.State.PUBLISHING);
            b.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> b.status().state() == OutboxPublisher.State.STANDBY);
            readThrough(reader, head);

            a.close();
            long newHead = commit(1, 20);
            await().atMost(Duration.ofSeconds(60)).until(() -> b.status().state() == OutboxPublisher.State.PUBLISHING);
            readThrough(reader, newHead);
            assertThat(reader.problems()).isEmpty();
            assertThat(reader.bySeq()).hasSize((int) newHead);
        }
    }

    private static OutboxSettings fastSettings(String topic) {
        return new OutboxSettings(topic, "jcm", 500, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(500),
                Duration.ofSeconds(30));
    }

    private static OutboxPublisher publisher(String topic, EmbeddedKafkaBroker broker, OutboxSettings settings) {
        return new OutboxPublisher(settings, OutboxPublisherTest::connect,
                Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    private static void readThrough(TopicReader reader, long seq) {
        await().atMost(Duration.ofSeconds(120)).until(() -> reader.poll(Duration.ofMillis(200)).contiguousThrough() >= seq);
    }

    /** Commits {@code batches} batches of {@code transfers} transfers; returns the head. */
    private static long commit(int batches, int transfers) throws SQLException {
        try (LedgerFixture fixture = fixture()) {
            fixture.world();
            long head = fixture.lastSeq();
            for (int i = 0; i < batches; i++) {
                head = fixture.transfers(transfers);
            }
            return head;
        }
    }

    private static LedgerFixture fixture() throws SQLException {
        return new LedgerFixture(connect());
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    /** The entries 1..head as the API and the topic must carry them. */
    private static List<String> storedEntries(long head) throws SQLException {
        List<String> entries = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement query = c.prepareStatement(
                "SELECT seq, prev_hash, hash, event_json FROM ledger_event WHERE seq <= ? ORDER BY seq")) {
            query.setLong(1, head);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new String(LedgerEntryJson.bytes(rows.getLong(1), rows.getBytes(2), rows.getBytes(3),
                            rows.getString(4)), StandardCharsets.UTF_8));
                }
            }
        }
        return entries;
    }

    private static long position(String topic) throws SQLException {
        try (Connection c = connect(); PreparedStatement query = c.prepareStatement(
                "SELECT last_seq FROM outbox_position WHERE topic = ?")) {
            query.setString(1, topic);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private static void setPosition(String topic, long seq) throws SQLException {
        try (Connection c = connect(); PreparedStatement update = c.prepareStatement(
                "UPDATE outbox_position SET last_seq = ? WHERE topic = ?")) {
            update.setLong(1, seq);
            update.setString(2, topic);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}

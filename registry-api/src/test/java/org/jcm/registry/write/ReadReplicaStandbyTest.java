package org.jcm.registry.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jcm.embedded.DatabaseRoles;
import org.jcm.embedded.EmbeddedKafkaBroker;
import org.jcm.embedded.EmbeddedPostgresServer;
import org.jcm.embedded.EmbeddedStandby;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.embedded.SharedInfrastructure;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.registry.outbox.OutboxPublisher;
import org.jcm.registry.outbox.OutboxSettings;
import org.jcm.registry.testing.LedgerFixture;
import org.jcm.registry.testing.MigratedDatabase;
import org.jcm.registry.testing.TopicReader;
import org.jcm.registry.write.store.LedgerStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The ledger writer and the outbox publisher of a misconfigured read replica (a lone administrator's
 * mistake: writer or outbox left on while the database is the hot standby {@code jcm-pg-ro}),
 * against a real standby streaming from a real primary. A standby grants advisory locks apart from
 * the primary, so the lock alone would let such an instance publish beside the real publisher with
 * the same transactional id, fencing it. Both must see {@code pg_is_in_recovery()} and refuse
 * ({@code DATABASE_IN_RECOVERY}), and take over once the standby is promoted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaStandbyTest {

    private static final String DATABASE = "registry";
    private static final RegistryId MNG01 = RegistryId.parse("MNG01");
    private static EmbeddedPostgresServer primaryServer;
    private static EmbeddedStandby standby;
    private static PostgresDatabase primary;
    private static PostgresDatabase replica;
    private static String topic;
    private static OutboxPublisher primaryPublisher;
    private static OutboxPublisher replicaPublisher;
    private static LedgerWriter replicaWriter;

    @BeforeAll
    static void primaryAndStandby() throws SQLException {
        primaryServer = EmbeddedPostgresServer.builder().start();
        primary = MigratedDatabase.create(primaryServer, DATABASE).service();
        try (LedgerFixture fixture = new LedgerFixture(connect(primary))) {
            fixture.world();
        }
        standby = EmbeddedStandby.of(primaryServer);
        standby.awaitReplay(Duration.ofSeconds(60));
        replica = standby.server().serviceCoordinates(DATABASE, DatabaseRoles.REGISTRY).service();
        topic = "replica-" + UUID.randomUUID();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {replicaPublisher, primaryPublisher}) {
            closeQuietly(closeable);
        }
        if (replicaWriter != null) {
            replicaWriter.stop();
        }
        closeQuietly(standby);
        closeQuietly(primaryServer);
    }

    @Test
    @Order(1)
    void the_standby_is_in_recovery_and_replays_what_the_primary_commits() throws SQLException {
        long before = head(replica);
        assertThat(before).isEqualTo(head(primary)).isPositive();

        long after = transfers(5);
        standby.awaitReplay(Duration.ofSeconds(60));

        assertThat(after).isGreaterThan(before);
        assertThat(head(replica)).isEqualTo(after);
        assertThat(standby.inRecovery()).isTrue();
    }

    @Test
    @Order(2)
    void a_publisher_on_the_standby_publishes_nothing_and_does_not_fence_the_real_one() throws SQLException {
        EmbeddedKafkaBroker broker = SharedInfrastructure.kafka();
        primaryPublisher = publisher(primary, broker);
        replicaPublisher = publisher(replica, broker);
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            primaryPublisher.start();
            replicaPublisher.start();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> replicaPublisher.status().state() == OutboxPublisher.State.DATABASE_IN_RECOVERY);
            // Events committed while both run: only the real publisher sends them, and it never fails.
            long head = transfers(20);
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll(Duration.ofMillis(200)).contiguousThrough() >= head);

            assertThat(primaryPublisher.status().state()).isEqualTo(OutboxPublisher.State.PUBLISHING);
            assertThat(primaryPublisher.status().lastError()).isNull();
            assertThat(replicaPublisher.status().state()).isEqualTo(OutboxPublisher.State.DATABASE_IN_RECOVERY);
            assertThat(replicaPublisher.status().acknowledgedSeq()).isEqualTo(-1);
            assertThat(reader.problems()).isEmpty();
            assertThat(reader.all()).as("each event once: the standby's publisher sent none").hasSize((int) head);
        }
    }

    @Test
    @Order(3)
    void a_writer_on_the_standby_refuses_with_not_the_writer() {
        replicaWriter = new LedgerWriter(new TestWriterConfig(100, 1000, 1000, 7171), store(replica), Clock.systemUTC(),
                new SimpleMeterRegistry(), List::of);
        replicaWriter.start();

        assertThat(replicaWriter.awaitStarted(Duration.ofSeconds(60))).isEqualTo(WriterStatus.DATABASE_IN_RECOVERY);
        assertThat(replicaWriter.statusDetail()).contains("pg_is_in_recovery()");
        CommandResult refused = replicaWriter.submit(organization("refused on the standby"), Runnable::run).join();
        assertThat(refused).isInstanceOfSatisfying(CommandResult.Unavailable.class,
                u -> assertThat(u.code()).isEqualTo(LedgerWriter.NOT_THE_WRITER));
    }

    @Test
    @Order(4)
    void once_promoted_the_standby_takes_the_writer_and_the_publisher() throws SQLException {
        // The failover: the old primary's publisher is gone, and the standby is promoted.
        primaryPublisher.close();
        standby.awaitReplay(Duration.ofSeconds(60));
        long published = head(replica);
        standby.promote();

        await().atMost(Duration.ofSeconds(60)).until(() -> replicaWriter.status() == WriterStatus.ACTIVE);
        CommandResult accepted = replicaWriter.submit(organization("after the promotion"), Runnable::run).join();
        assertThat(accepted).isInstanceOf(CommandResult.Accepted.class);
        long head = head(replica);
        assertThat(head).isGreaterThan(published);
        assertThat(head(primary)).as("the old primary no longer gets the new primary's writes").isEqualTo(published);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> replicaPublisher.status().state() == OutboxPublisher.State.PUBLISHING
                        && replicaPublisher.status().acknowledgedSeq() == head);
    }

    private static LedgerWriter.Item organization(String name) {
        return new LedgerWriter.Item(new RegisterOrganization(MNG01, name), Actor.registryAdmin("admin", MNG01), null);
    }

    private static OutboxPublisher publisher(PostgresDatabase database, EmbeddedKafkaBroker broker) {
        OutboxSettings settings = new OutboxSettings(topic, "jcm", 500, Duration.ofMillis(20), Duration.ofMillis(100),
                Duration.ofMillis(200), Duration.ofSeconds(30));
        return new OutboxPublisher(settings, () -> connect(database), Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    private static LedgerStore store(PostgresDatabase database) {
        return new LedgerStore(database.jdbcUrl(), database.user(), database.password(), LedgerConfig.DEFAULT);
    }

    /** Commits transfers on the primary, as its writer would; returns the new head. */
    private static long transfers(int count) throws SQLException {
        try (LedgerFixture fixture = new LedgerFixture(connect(primary))) {
            return fixture.transfers(count);
        }
    }

    private static long head(PostgresDatabase database) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT coalesce(max(seq), 0) FROM ledger_event")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Connection connect(PostgresDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing after the test; a failure here says nothing about what was tested.
        }
    }
}

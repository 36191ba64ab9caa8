package org.jcm.registry.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jcm.registry.write.Ledger;

/**
 * Runs the {@link OutboxPublisher} inside the application: starts it at start-up when
 * {@code jcm.outbox.enabled}, stops it at shutdown, passes on commit notifications, and measures
 * how far Kafka lags behind the committed ledger for the health check and the Prometheus gauges
 * {@code jcm_outbox_lag_events} and {@code jcm_outbox_lag_millis}.
 */
@ApplicationScoped
public class OutboxService {

    private static final Logger LOG = Logger.getLogger(OutboxService.class);
    /** Lag is measured at most this often, however often it is scraped or probed. */
    private static final Duration LAG_CACHE = Duration.ofSeconds(1);

    /**
     * How far the topic lags behind the committed ledger.
     *
     * @param headSeq the last committed seq
     * @param publishedSeq the last seq recorded as acknowledged by the broker
     * @param lagEvents committed events not yet acknowledged
     * @param lagMillis how long the oldest of them has waited, 0 when none waits
     * @param measuredAt when this was measured
     */
    public record Lag(long headSeq, long publishedSeq, long lagEvents, long lagMillis, Instant measuredAt) {
    }

    private final OutboxConfig config;
    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry meters;
    private final String jdbcUrl;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Instance<Ledger> ledger;
    private final OpenTelemetry openTelemetry;
    private volatile OutboxPublisher publisher;
    private volatile Lag lag;

    OutboxService(OutboxConfig config, AgroalDataSource dataSource,
                  @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry meters,
                  @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                  @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                  @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                  Instance<Ledger> ledger, OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.config = config;
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.meters = meters;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.ledger = ledger;
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("jcm.outbox.lag.events", this, s -> s.lag().lagEvents())
                .description("Committed ledger events that Kafka has not acknowledged yet").register(meters);
        Gauge.builder("jcm.outbox.lag.millis", this, s -> s.lag().lagMillis())
                .description("How long the oldest committed but unpublished ledger event has waited, in milliseconds")
                .register(meters);
        Gauge.builder("jcm.outbox.published.seq", this, s -> s.lag().publishedSeq())
                .description("The last ledger seq acknowledged by Kafka").register(meters);
        if (!config.enabled()) {
            LOG.info("The outbox publisher is disabled (jcm.outbox.enabled=false)");
            return;
        }
        publisher = new OutboxPublisher(config.settings(), this::openConnection, kafkaConfig, openTelemetry);
        publisher.start();
        // The writer tells the publisher about each commit, so events leave within milliseconds
        // rather than at the next poll; the poll interval covers commits made elsewhere (another
        // instance's writer, when this one publishes without writing).
        if (ledger.isResolvable()) {
            ledger.get().addCommitListener(batch -> committed(batch.toSeq()));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        OutboxPublisher running = publisher;
        if (running != null) {
            running.close();
        }
    }

    /**
     * Tells the publisher that events up to {@code seq} have committed, so that it sends them
     * now rather than at its next poll. The writer calls this after each commit.
     */
    public void committed(long seq) {
        OutboxPublisher running = publisher;
        if (running != null) {
            running.committed(seq);
        }
    }

    /** The publisher's status, or empty when it is disabled. */
    public Optional<OutboxPublisher.Status> status() {
        OutboxPublisher running = publisher;
        return running == null ? Optional.empty() : Optional.of(running.status());
    }

    /** The topic events are published to. */
    public String topic() {
        return config.topic();
    }

    /** The current lag, measured in the database at most once a second. */
    public Lag lag() {
        Lag cached = lag;
        Instant now = Instant.now();
        if (cached != null && cached.measuredAt().plus(LAG_CACHE).isAfter(now)) {
            return cached;
        }
        try {
            cached = measureLag(now);
        } catch (SQLException e) {
            LOG.debugf(e, "Measuring the outbox lag failed");
            cached = cached != null ? cached : new Lag(0, 0, 0, 0, now);
        }
        lag = cached;
        return cached;
    }

    private Lag measureLag(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT h.head, p.published,"
                     + " (SELECT at FROM ledger_event WHERE seq = p.published + 1)"
                     + " FROM (SELECT coalesce(max(seq), 0) AS head FROM ledger_event) h,"
                     + " (SELECT coalesce((SELECT last_seq FROM outbox_position WHERE topic = ?), 0) AS published) p")) {
            query.setString(1, config.topic());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long head = rows.getLong(1);
                long published = rows.getLong(2);
                OffsetDateTime oldest = rows.getObject(3, OffsetDateTime.class);
                long waitedMillis = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis());
                return new Lag(head, published, Math.max(0, head - published), waitedMillis, now);
            }
        }
    }

    private Connection openConnection() throws SQLException {
        // A connection of its own rather than one from the pool: it holds the publisher's advisory
        // lock for as long as it lives, and a pool would hand it to someone else.
        Properties properties = new Properties();
        user.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "jcm-outbox");
        return DriverManager.getConnection(jdbcUrl, properties);
    }
}

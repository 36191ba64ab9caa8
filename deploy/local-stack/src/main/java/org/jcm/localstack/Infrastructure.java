package org.jcm.localstack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jcm.embedded.DatabaseRoles;
import org.jcm.embedded.EmbeddedKafkaBroker;
import org.jcm.embedded.EmbeddedPostgresServer;
import org.jcm.embedded.ServiceDatabase;

/** The embedded PostgreSQL server (one database per service) and Kafka broker, started in this JVM. */
public final class Infrastructure {

    /** The ledger topic (API.md): one partition, so the ledger's total order survives. */
    public static final String LEDGER_TOPIC = "jcm.ledger.events";
    public static final String REGISTRY_DATABASE = "registry";
    public static final String SETTLEMENT_DATABASE = "settlement";

    private Infrastructure() {
    }

    /**
     * Starts PostgreSQL on the folder's {@code postgres} directory and creates both databases,
     * each with its owner and service role (docs/security.md, "Database roles"). A data folder
     * made before the roles existed is handed over to the owners.
     */
    public static EmbeddedPostgresServer startPostgres(DataFolder folder, int port) {
        try {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder()
                    .port(port)
                    .dataDirectory(folder.postgres())
                    .database(REGISTRY_DATABASE)
                    .start();
            try {
                createServiceDatabases(postgres);
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
            return postgres;
        } catch (RuntimeException e) {
            throw new StackException(StackException.START_FAILED, "PostgreSQL did not start on port " + port + ": "
                    + rootMessage(e) + "\n(details in " + folder.logs().resolve("infrastructure.log") + ")", e);
        }
    }

    /** Creates both services' databases with their owner and service roles, unless they exist. */
    public static void createServiceDatabases(EmbeddedPostgresServer postgres) {
        postgres.createServiceDatabase(REGISTRY_DATABASE, DatabaseRoles.REGISTRY);
        postgres.createServiceDatabase(SETTLEMENT_DATABASE, DatabaseRoles.SETTLEMENT);
    }

    /** The database of registry-api ({@link #REGISTRY_DATABASE}) or settlement ({@link #SETTLEMENT_DATABASE}). */
    public static ServiceDatabase serviceDatabase(EmbeddedPostgresServer postgres, String name) {
        if (REGISTRY_DATABASE.equals(name)) {
            return registryDatabase(postgres);
        }
        if (SETTLEMENT_DATABASE.equals(name)) {
            return settlementDatabase(postgres);
        }
        throw new IllegalArgumentException("No service uses the database " + name);
    }

    /** registry-api's database: the service connects as {@code jcm_service}, Flyway as {@code jcm_owner}. */
    public static ServiceDatabase registryDatabase(EmbeddedPostgresServer postgres) {
        return postgres.serviceCoordinates(REGISTRY_DATABASE, DatabaseRoles.REGISTRY);
    }

    /** settlement's database: the service connects as {@code jcm_settlement}, Flyway as {@code jcm_settlement_owner}. */
    public static ServiceDatabase settlementDatabase(EmbeddedPostgresServer postgres) {
        return postgres.serviceCoordinates(SETTLEMENT_DATABASE, DatabaseRoles.SETTLEMENT);
    }

    /** Starts the Kafka broker on the folder's {@code kafka} directory and creates the ledger topic. */
    public static EmbeddedKafkaBroker startKafka(DataFolder folder, int port) {
        EmbeddedKafkaBroker kafka;
        try {
            kafka = EmbeddedKafkaBroker.builder().port(port).logDirectory(folder.kafka()).start();
        } catch (RuntimeException e) {
            throw new StackException(StackException.START_FAILED, "Kafka did not start on port " + port + ": "
                    + rootMessage(e) + "\n(details in " + folder.logs().resolve("infrastructure.log") + ")", e);
        }
        try {
            createLedgerTopic(kafka.bootstrapServers());
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /**
     * Creates the ledger topic with one partition unless it exists, so that settlement can follow
     * it before registry-api has published anything.
     */
    private static void createLedgerTopic(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            admin.createTopics(List.of(new NewTopic(LEDGER_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new StackException(StackException.START_FAILED, "Cannot create the Kafka topic " + LEDGER_TOPIC
                        + ": " + rootMessage(e), e);
            }
        } catch (TimeoutException e) {
            throw new StackException(StackException.START_FAILED, "Kafka did not create the topic " + LEDGER_TOPIC
                    + " within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(StackException.STOPPED, "Interrupted while creating the Kafka topic", e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}

package org.jcm.embedded;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an embedded PostgreSQL server and Kafka broker until Ctrl-C or SIGTERM, printing their
 * addresses as {@code key=value} lines for people and scripts. The databases {@code registry}
 * and {@code settlement} get their owner and service roles (docs/security.md, "Database roles"),
 * which the services' default configuration uses.
 */
public final class EmbeddedMain {

    /** The roles of the services' databases, by database name. */
    static final Map<String, DatabaseRoles> SERVICE_ROLES = Map.of(
            "registry", DatabaseRoles.REGISTRY, "settlement", DatabaseRoles.SETTLEMENT);

    private EmbeddedMain() {
    }

    /** Starts both, prints their addresses and waits for the JVM to be told to stop. */
    public static void main(String[] args) throws InterruptedException {
        quietLibraryLoggingUnlessConfigured();
        EmbeddedStackOptions options;
        try {
            options = EmbeddedStackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(EmbeddedStackOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(EmbeddedStackOptions.USAGE);
            return;
        }
        EmbeddedStack stack = EmbeddedStack.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "embedded-stack-stop"));
        stack.describe(System.out);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static void quietLibraryLoggingUnlessConfigured() {
        // Kafka logs a great deal at INFO; warnings are what someone watching the console needs.
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.jcm", "info");
        // These two warn on every start and stop of a single-node KRaft broker, which is expected here.
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka.controller.QuorumController", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", "error");
        // Kafka touches the log4j API once; without a provider it would complain on every start.
        setIfAbsent("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** The running pair, closed together. */
    record EmbeddedStack(EmbeddedPostgresServer postgres, List<PostgresDatabase> databases, EmbeddedKafkaBroker kafka)
            implements AutoCloseable {

        static EmbeddedStack start(EmbeddedStackOptions options) {
            EmbeddedPostgresServer.Builder postgresBuilder = EmbeddedPostgresServer.builder()
                    .port(options.postgresPort())
                    .database(options.databases().get(0));
            options.postgresData().ifPresent(postgresBuilder::dataDirectory);
            EmbeddedPostgresServer postgres = postgresBuilder.start();
            try {
                List<PostgresDatabase> databases = new ArrayList<>();
                for (String name : options.databases()) {
                    DatabaseRoles roles = SERVICE_ROLES.get(name);
                    databases.add(roles == null ? postgres.createDatabase(name)
                            : postgres.createServiceDatabase(name, roles).owner());
                }
                EmbeddedKafkaBroker.Builder kafkaBuilder = EmbeddedKafkaBroker.builder().port(options.kafkaPort());
                options.kafkaLogs().ifPresent(kafkaBuilder::logDirectory);
                return new EmbeddedStack(postgres, List.copyOf(databases), kafkaBuilder.start());
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
        }

        void describe(PrintStream out) {
            out.println("# JCM embedded infrastructure is running; Ctrl-C stops it.");
            out.println("postgres.port=" + postgres.port());
            out.println("postgres.user=" + postgres.user());
            out.println("postgres.password=" + postgres.password());
            out.println("postgres.data=" + dataLabel(postgres.dataDirectory(), postgres.isPersistent()));
            for (PostgresDatabase database : databases) {
                out.println("postgres.db." + database.name() + ".jdbc-url=" + database.jdbcUrl());
                out.println("postgres.db." + database.name() + ".reactive-url=" + database.reactiveUrl());
                DatabaseRoles roles = SERVICE_ROLES.get(database.name());
                if (roles != null) {
                    out.println("postgres.db." + database.name() + ".owner=" + roles.owner());
                    out.println("postgres.db." + database.name() + ".service-role=" + roles.service());
                }
            }
            out.println("kafka.bootstrap-servers=" + kafka.bootstrapServers());
            out.println("kafka.logs=" + dataLabel(kafka.logDirectory(), kafka.isPersistent()));
            out.println("ready=true");
        }

        private static String dataLabel(Path directory, boolean persistent) {
            return persistent ? directory.toString() : directory + " (temporary)";
        }

        @Override
        public void close() {
            try {
                kafka.close();
            } finally {
                postgres.close();
            }
        }
    }
}

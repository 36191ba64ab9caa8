package org.jcm.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command-line options of {@link EmbeddedMain}.
 *
 * @param postgresPort the PostgreSQL port, 0 for a free one
 * @param postgresData the PostgreSQL data directory, empty for a temporary one
 * @param databases the databases to create, the first being the default
 * @param kafkaPort the Kafka client port, 0 for a free one
 * @param kafkaLogs the Kafka log directory, empty for a temporary one
 * @param help whether to print the usage and stop
 */
record EmbeddedStackOptions(int postgresPort, Optional<Path> postgresData, List<String> databases,
        int kafkaPort, Optional<Path> kafkaLogs, boolean help) {

    static final int DEFAULT_POSTGRES_PORT = 15432;
    static final int DEFAULT_KAFKA_PORT = 19092;
    static final Path DEFAULT_HOME = Path.of(".jcm-local");

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: EmbeddedMain [options]",
            "  --postgres-port N     PostgreSQL port (default " + DEFAULT_POSTGRES_PORT + ", 0 = free port)",
            "  --postgres-data DIR   PostgreSQL data directory (default .jcm-local/postgres)",
            "  --database NAME       database to create; repeat for more (default registry and settlement)",
            "  --kafka-port N        Kafka port (default " + DEFAULT_KAFKA_PORT + ", 0 = free port)",
            "  --kafka-logs DIR      Kafka log directory (default .jcm-local/kafka)",
            "  --ephemeral           temporary directories and free ports, all deleted on stop",
            "  --help                print this and stop");

    EmbeddedStackOptions {
        if (databases.isEmpty()) {
            throw new IllegalArgumentException("At least one database is needed");
        }
        databases = List.copyOf(databases);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for people. */
    static EmbeddedStackOptions parse(String... args) {
        Integer postgresPort = null;
        Integer kafkaPort = null;
        Path postgresData = null;
        Path kafkaLogs = null;
        List<String> databases = new ArrayList<>();
        boolean ephemeral = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--postgres-port" -> postgresPort = port(option, value(args, ++i, option));
                case "--postgres-data" -> postgresData = Path.of(value(args, ++i, option));
                case "--database" -> databases.add(value(args, ++i, option));
                case "--kafka-port" -> kafkaPort = port(option, value(args, ++i, option));
                case "--kafka-logs" -> kafkaLogs = Path.of(value(args, ++i, option));
                case "--ephemeral" -> ephemeral = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option: " + option);
            }
        }
        if (ephemeral && (postgresData != null || kafkaLogs != null)) {
            throw new IllegalArgumentException("--ephemeral cannot be combined with a data or log directory");
        }
        if (databases.isEmpty()) {
            databases = List.of("registry", "settlement");
        }
        return new EmbeddedStackOptions(
                postgresPort != null ? postgresPort : ephemeral ? 0 : DEFAULT_POSTGRES_PORT,
                ephemeral ? Optional.empty() : Optional.of(postgresData != null ? postgresData : DEFAULT_HOME.resolve("postgres")),
                databases,
                kafkaPort != null ? kafkaPort : ephemeral ? 0 : DEFAULT_KAFKA_PORT,
                ephemeral ? Optional.empty() : Optional.of(kafkaLogs != null ? kafkaLogs : DEFAULT_HOME.resolve("kafka")),
                help);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int port(String option, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(option + " must be between 0 and 65535: " + text);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number: " + text, e);
        }
    }
}

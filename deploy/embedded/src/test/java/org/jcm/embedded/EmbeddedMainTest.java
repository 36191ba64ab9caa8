package org.jcm.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests the command-line program, including a restart after it was killed without warning. */
class EmbeddedMainTest {

    @Test
    void without_options_the_stack_uses_fixed_ports_and_persistent_directories() {
        EmbeddedStackOptions options = EmbeddedStackOptions.parse();

        assertThat(options.postgresPort()).isEqualTo(15432);
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.postgresData()).contains(Path.of(".jcm-local", "postgres"));
        assertThat(options.kafkaLogs()).contains(Path.of(".jcm-local", "kafka"));
        assertThat(options.databases()).containsExactly("registry", "settlement");
    }

    @Test
    void ephemeral_means_free_ports_and_temporary_directories() {
        EmbeddedStackOptions options = EmbeddedStackOptions.parse("--ephemeral", "--database", "registry");

        assertThat(options.postgresPort()).isZero();
        assertThat(options.kafkaPort()).isZero();
        assertThat(options.postgresData()).isEmpty();
        assertThat(options.kafkaLogs()).isEmpty();
        assertThat(options.databases()).containsExactly("registry");
    }

    @Test
    void bad_options_are_refused_with_a_message() {
        assertThatThrownBy(() -> EmbeddedStackOptions.parse("--kafka-port", "99999"))
                .hasMessageContaining("--kafka-port must be between 0 and 65535");
        assertThatThrownBy(() -> EmbeddedStackOptions.parse("--postgres-port"))
                .hasMessageContaining("--postgres-port needs a value");
        assertThatThrownBy(() -> EmbeddedStackOptions.parse("--verbose"))
                .hasMessageContaining("Unknown option: --verbose");
        assertThatThrownBy(() -> EmbeddedStackOptions.parse("--ephemeral", "--kafka-logs", "x"))
                .hasMessageContaining("--ephemeral cannot be combined");
    }

    @Test
    void a_stack_killed_with_sigkill_starts_again_from_its_directories(@TempDir Path directory) throws Exception {
        Path postgresData = directory.resolve("postgres");
        Path kafkaLogs = directory.resolve("kafka");
        Path output = directory.resolve("main.out");
        Process main = startMain(output, "--postgres-port", "0", "--postgres-data", postgresData.toString(),
                "--kafka-port", "0", "--kafka-logs", kafkaLogs.toString(), "--database", "registry");
        long orphanPid;
        try {
            Map<String, String> printed = awaitReady(main, output, Duration.ofSeconds(90));
            assertThat(printed).containsEntry("postgres.db.registry.owner", "jcm_owner")
                    .containsEntry("postgres.db.registry.service-role", "jcm_service");
            try (Connection connection = DriverManager.getConnection(
                    printed.get("postgres.db.registry.jdbc-url"), "postgres", "postgres");
                    Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE survivor (name text)");
                sql.execute("INSERT INTO survivor VALUES ('committed before the kill')");
            }
            String servers = printed.get("kafka.bootstrap-servers");
            KafkaClients.createTopic(servers, "jcm.ledger.events");
            KafkaClients.produce(servers, "jcm.ledger.events", List.of("acknowledged before the kill"));
            orphanPid = new PostmasterPidFile(postgresData).pid().orElseThrow();
        } finally {
            main.destroyForcibly().waitFor();
        }
        // PostgreSQL runs on without the JVM that started it; the next start has to deal with it.
        assertThat(Processes.isRunning(orphanPid)).isTrue();

        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder()
                        .dataDirectory(postgresData).database("registry").start();
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().logDirectory(kafkaLogs).start();
                Connection connection = postgres.connect("registry");
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT name FROM survivor")) {
            assertThat(Processes.isRunning(orphanPid)).isFalse();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("committed before the kill");
            assertThat(KafkaClients.consume(kafka.bootstrapServers(), "jcm.ledger.events", "after-kill", 1,
                    Duration.ofSeconds(30))).containsExactly("acknowledged before the kill");
        }
    }

    private static Process startMain(Path output, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), EmbeddedMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    /** Waits for the {@code ready=true} line and returns the {@code key=value} lines printed before it. */
    private static Map<String, String> awaitReady(Process main, Path output, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Map<String, String>> printed = readyLines(output);
            if (printed.isPresent()) {
                return printed.get();
            }
            if (!main.isAlive()) {
                throw new AssertionError("EmbeddedMain exited early:\n" + Files.readString(output));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("EmbeddedMain was not ready in time:\n" + Files.readString(output));
    }

    private static Optional<Map<String, String>> readyLines(Path output) throws IOException {
        if (!Files.exists(output)) {
            return Optional.empty();
        }
        Map<String, String> printed = new HashMap<>();
        for (String line : Files.readAllLines(output)) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0 && !line.contains(" ")) {
                printed.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return "true".equals(printed.get("ready")) ? Optional.of(printed) : Optional.empty();
    }
}

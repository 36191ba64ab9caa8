package org.jcm.bench.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.embedded.EmbeddedKafkaBroker;
import org.jcm.embedded.EmbeddedPostgresServer;
import org.jcm.embedded.ServiceDatabase;
import org.jcm.localstack.CursorKeyFile;
import org.jcm.localstack.TransparencyKeys;
import org.jcm.localstack.DataFolder;
import org.jcm.localstack.Infrastructure;
import org.jcm.embedded.JwtIssuer;
import org.jcm.localstack.Ports;
import org.jcm.localstack.ServiceProcess;

/**
 * The stack under test, started as the local stack starts it (its {@link Infrastructure},
 * {@link ServiceProcess} and {@link JwtIssuer}): embedded PostgreSQL (durable: fsync and
 * synchronous_commit on) and Kafka in this JVM, registry-api and optionally settlement as child
 * JVMs, on a data folder that is wiped first. Also times each service from process start to
 * {@code /q/health/ready} answering 200.
 */
final class BenchStack implements AutoCloseable {

    static final String REGISTRY = "registry-api";
    static final String SETTLEMENT = "settlement";
    static final String HOST = "localhost";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    /**
     * Where and how to start it.
     *
     * @param projectDirectory the checkout whose services run ({@code target/quarkus-app})
     * @param dataFolder wiped and used for PostgreSQL, Kafka, keys and logs
     * @param registryPort registry-api's HTTP port; settlement, PostgreSQL and Kafka use the next three
     * @param withSettlement whether to start settlement too
     * @param serviceJavaOptions JVM options of the services
     */
    record Settings(Path projectDirectory, Path dataFolder, int registryPort, boolean withSettlement,
                    List<String> serviceJavaOptions) {

        int settlementPort() {
            return registryPort + 1;
        }

        int postgresPort() {
            return registryPort + 2;
        }

        int kafkaPort() {
            return registryPort + 3;
        }

        Path jar(String module) {
            return projectDirectory.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        }
    }

    /** A started service and how long it took from process start to ready. */
    record Service(ServiceProcess process, Duration ready) {
    }

    private final Settings settings;
    private final Console console;
    private final DataFolder folder;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Service> services = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private JwtIssuer issuer;

    private BenchStack(Settings settings, Console console) {
        this.settings = settings;
        this.console = console;
        this.folder = new DataFolder(settings.dataFolder());
    }

    static BenchStack start(Settings settings, Console console) throws InterruptedException {
        BenchStack stack = new BenchStack(settings, console);
        // Ctrl-C ends the JVM without leaving the caller's try block: the services run in their own
        // sessions and would outlive it, so the stack is also stopped from a shutdown hook.
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stop"));
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | InterruptedException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws InterruptedException {
        for (String module : settings.withSettlement() ? List.of(REGISTRY, SETTLEMENT) : List.of(REGISTRY)) {
            if (!Files.isRegularFile(settings.jar(module))) {
                throw new IllegalStateException(module + " is not built (" + settings.jar(module) + " is missing); "
                        + "deploy/bench/run builds it");
            }
        }
        LinkedHashMap<String, Integer> ports = new LinkedHashMap<>();
        ports.put("registry-api HTTP", settings.registryPort());
        ports.put("PostgreSQL", settings.postgresPort());
        ports.put("Kafka", settings.kafkaPort());
        if (settings.withSettlement()) {
            ports.put("settlement HTTP", settings.settlementPort());
        }
        Map<String, String> options = new LinkedHashMap<>();
        ports.keySet().forEach(label -> options.put(label, "--port-base (registry-api; the others use the next three)"));
        Ports.checkFree(ports, options);
        folder.prepare();
        folder.wipe();
        folder.prepare();
        issuer = JwtIssuer.loadOrCreate(folder.jwt());
        console.step("Starting PostgreSQL on port " + settings.postgresPort() + " (data in " + folder.postgres() + ") ...");
        postgres = Infrastructure.startPostgres(folder, settings.postgresPort());
        console.step("Starting Kafka on port " + settings.kafkaPort() + " ...");
        kafka = Infrastructure.startKafka(folder, settings.kafkaPort());
        startService(REGISTRY, settings.registryPort(), Infrastructure.REGISTRY_DATABASE);
        if (settings.withSettlement()) {
            startService(SETTLEMENT, settings.settlementPort(), Infrastructure.SETTLEMENT_DATABASE);
        }
    }

    private void startService(String name, int port, String database) throws InterruptedException {
        console.step("Starting " + name + " on port " + port + " ...");
        List<String> javaOptions = new ArrayList<>(settings.serviceJavaOptions());
        // Mutations may be rate-limited per token; a load test must not be (unknown properties are ignored).
        javaOptions.add("-Djcm.rate-limit.enabled=false");
        long startNanos = System.nanoTime();
        ServiceProcess process = ServiceProcess.start(new ServiceProcess.Spec(name, settings.jar(name), port,
                        environment(port, Infrastructure.serviceDatabase(postgres, database))), javaOptions,
                folder.serviceDirectory(name), folder.logs().resolve(name + ".log"), folder.root());
        services.add(new Service(process, Duration.ZERO));
        Duration ready = awaitReady(process, startNanos);
        services.set(services.size() - 1, new Service(process, ready));
        console.step(String.format(java.util.Locale.ROOT, "%s is ready after %.2f s (pid %d, log %s)", name,
                ready.toNanos() / 1e9, process.pid(), process.logFile()));
    }

    /**
     * Polls {@code /q/health/ready} on the management port every 20 ms from the process start: the
     * ready time is measured, not estimated.
     */
    private Duration awaitReady(ServiceProcess process, long startNanos) throws InterruptedException {
        URI uri = URI.create("http://" + HOST + ":" + process.managementPort() + "/q/health/ready");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited while starting; the end of " + process.logFile()
                        + ":\n" + process.logTail(40));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startNanos);
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            if (System.nanoTime() - startNanos > STARTUP_TIMEOUT.toNanos()) {
                throw new IllegalStateException(process.name() + " was not ready after " + STARTUP_TIMEOUT.toSeconds()
                        + " s; the end of " + process.logFile() + ":\n" + process.logTail(40));
            }
            Thread.sleep(20);
        }
    }

    /** Quarkus and MicroProfile settings of a service, as the local stack gives them. */
    private Map<String, String> environment(int port, ServiceDatabase database) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_HTTP_HOST", HOST);
        // The service connects as its service role; Flyway migrates as the database's owner.
        environment.putAll(database.quarkusEnvironment());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // The key, the issuer and the lifetime of the stack's tokens.
        environment.putAll(issuer.serviceEnvironment());
        // The key that seals list cursors, kept in the data folder.
        environment.putAll(CursorKeyFile.environment(folder.cursorKey()));
        // The transparency log's signing key for registry-api's checkpoints, kept in the data folder.
        environment.putAll(new TransparencyKeys(folder.keys()).registryEnvironment());
        return environment;
    }

    JwtIssuer issuer() {
        return issuer;
    }

    EmbeddedPostgresServer postgres() {
        return postgres;
    }

    Service registry() {
        return services.get(0);
    }

    Optional<Service> settlement() {
        return services.size() > 1 ? Optional.of(services.get(1)) : Optional.empty();
    }

    /** Runs SQL statements in one database of the stack's PostgreSQL (ANALYZE, CHECKPOINT). */
    void execute(String database, String... statements) throws SQLException {
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Stops the services, then Kafka, then PostgreSQL; a second call does nothing. */
    @Override
    public synchronized void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            ServiceProcess process = services.get(i).process();
            boolean graceful = process.stop(Duration.ofSeconds(20));
            console.step(process.name() + (graceful ? " stopped" : " did not stop in time and was killed"));
        }
        services.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
            console.step("Kafka and PostgreSQL stopped (data in " + folder.root() + ")");
        }
    }
}

package org.jcm.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jcm.embedded.EmbeddedPostgresServer;
import org.jcm.embedded.ServiceDatabase;
import org.jcm.localstack.CursorKeyFile;
import org.jcm.localstack.TransparencyKeys;
import org.jcm.localstack.DataFolder;
import org.jcm.localstack.DemoData;
import org.jcm.localstack.Infrastructure;
import org.jcm.embedded.JwtIssuer;
import org.jcm.localstack.Progress;
import org.jcm.localstack.ServiceProcess;

/**
 * The local stack as the fault harness needs it: the same pieces as {@code LocalStack} (embedded
 * PostgreSQL, the services as child JVMs with the stack's tokens, the demo data loaded through the
 * API), but every piece can be killed and started again on its own, the Kafka broker runs in a JVM
 * of its own (so that it can be killed with SIGKILL), and registry-api can run as two instances
 * on one database.
 *
 * <p>It is built from the launcher's public building blocks ({@link ServiceProcess}, {@link JwtIssuer},
 * {@link DataFolder}, {@link DemoData}, ...) rather than copies of them.
 */
public final class FaultStack implements AutoCloseable {

    /** Ports and places. */
    public record Settings(Path projectDirectory, Path dataFolder, int registryPort, int standbyPort, int settlementPort,
                           int postgresPort, int kafkaPort, List<String> serviceJavaOptions, Duration startupTimeout) {

        /** The runnable jar a Quarkus build leaves in a module. */
        Path quarkusRunJar(String module) {
            return projectDirectory.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        }
    }

    public static final String TOPIC = Infrastructure.LEDGER_TOPIC;
    private static final String HOST = "localhost";

    private final Settings settings;
    private final Progress progress = new Progress(System.out);
    private final DataFolder folder;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CountDownLatch never = new CountDownLatch(1);
    private final ServiceProcess[] registries = new ServiceProcess[2];
    private final int[] starts = new int[4];
    private ServiceProcess settlement;
    private Process broker;
    private EmbeddedPostgresServer postgres;
    private JwtIssuer issuer;
    private DemoData demo;

    public FaultStack(Settings settings) {
        this.settings = settings;
        this.folder = new DataFolder(settings.dataFolder());
    }

    /** Wipes the data folder, starts everything, loads the demo data; returns when all is ready. */
    public void start() throws InterruptedException, IOException {
        folder.prepare();
        folder.wipe();
        folder.prepare();
        issuer = JwtIssuer.loadOrCreate(folder.jwt());
        demo = new DemoData(issuer, Instant.now(), progress);
        step("Starting PostgreSQL on port " + settings.postgresPort());
        startPostgres();
        step("Starting the Kafka broker (own JVM) on port " + settings.kafkaPort());
        startBroker();
        startRegistry(0);
        startSettlement();
        step("Loading the demo data through the API");
        demo.seed(http, URI.create(registryUrl(0)), Optional.of(URI.create(settlementUrl())));
        // The load transfers between the two demo accounts in both directions, each executing at once.
        demo.openTransfersBothWays(http, URI.create(registryUrl(0)));
    }

    public void step(String text) {
        progress.step(text);
    }

    public String registryUrl(int instance) {
        return "http://" + HOST + ":" + (instance == 0 ? settings.registryPort() : settings.standbyPort());
    }

    /** The management interface of registry-api instance 0 or 1 (health, metrics; a port chosen at start). */
    public String registryManagementUrl(int instance) {
        return "http://" + HOST + ":" + registries[instance].managementPort();
    }

    public String settlementUrl() {
        return "http://" + HOST + ":" + settings.settlementPort();
    }

    public String bootstrapServers() {
        return HOST + ":" + settings.kafkaPort();
    }

    public Path logs() {
        return folder.logs();
    }

    /** The account of the Mongolian demo company and of the Japanese one. */
    public String mongolianAccount() {
        return demo.mongolianAccount();
    }

    public String japaneseAccount() {
        return demo.japaneseAccount();
    }

    /** A token of a demo actor by its tokens-file variable, e.g. {@code JCM_TOKEN_AUDITOR}. */
    public String token(String variable) {
        return demo.token(variable);
    }

    // ---- registry-api

    /** Starts registry-api instance 0 (the first) or 1 (the second, on the standby port) and waits until it is ready. */
    public void startRegistry(int instance) throws InterruptedException {
        int port = instance == 0 ? settings.registryPort() : settings.standbyPort();
        String name = DemoData.REGISTRY_SERVICE + (instance == 0 ? "" : "-2");
        ServiceProcess process = startService(name, settings.quarkusRunJar(DemoData.REGISTRY_SERVICE), port,
                Infrastructure.REGISTRY_DATABASE, instance);
        registries[instance] = process;
        await(process);
    }

    public boolean registryRunning(int instance) {
        return registries[instance] != null && registries[instance].isAlive();
    }

    /** SIGKILL to registry-api instance 0 or 1. */
    public void killRegistry(int instance) {
        kill(registries[instance]);
    }

    // ---- settlement

    public void startSettlement() throws InterruptedException {
        settlement = startService(DemoData.SETTLEMENT_SERVICE, settings.quarkusRunJar(DemoData.SETTLEMENT_SERVICE),
                settings.settlementPort(), Infrastructure.SETTLEMENT_DATABASE, 2);
        await(settlement);
    }

    public void killSettlement() {
        kill(settlement);
    }

    // ---- Kafka

    /** Starts the broker in its own JVM on the folder's Kafka directory and waits until the topic exists. */
    public void startBroker() throws InterruptedException, IOException {
        Path log = folder.logs().resolve("kafka-" + (++starts[3]) + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.jcm.faults.BrokerMain",
                Integer.toString(settings.kafkaPort()), folder.kafka().toString(), TOPIC));
        broker = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
        while (true) {
            if (Files.readAllLines(log, StandardCharsets.UTF_8).contains("ready")) {
                step("Kafka broker ready (pid " + broker.pid() + ")");
                return;
            }
            if (!broker.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The Kafka broker did not start; see " + log);
            }
            Thread.sleep(100);
        }
    }

    /** SIGKILL to the broker's JVM. */
    public void killBroker() throws InterruptedException {
        broker.destroyForcibly();
        broker.waitFor(30, TimeUnit.SECONDS);
        step("Kafka broker killed (SIGKILL, pid " + broker.pid() + ")");
    }

    // ---- PostgreSQL

    /** Starts PostgreSQL on the folder's data directory (again) with both databases and their roles. */
    public void startPostgres() {
        postgres = EmbeddedPostgresServer.builder().port(settings.postgresPort()).dataDirectory(folder.postgres())
                .database(Infrastructure.REGISTRY_DATABASE).start();
        Infrastructure.createServiceDatabases(postgres);
        step("PostgreSQL ready (postmaster pid " + postgres.postmasterPid() + ")");
    }

    /**
     * Immediate shutdown: SIGQUIT to the postmaster, which ends every backend at once without a
     * checkpoint (as {@code pg_ctl stop -m immediate}); the next start runs crash recovery.
     */
    public void stopPostgresImmediately() throws InterruptedException, IOException {
        long pid = postgres.postmasterPid();
        Process quit = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
        quit.waitFor();
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        if (postmaster.isPresent()) {
            postmaster.get().onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
        step("PostgreSQL stopped with an immediate shutdown (SIGQUIT to postmaster " + pid + ")");
        try {
            // Releases zonky's lock on the data directory; its pg_ctl stop finds no server and says so.
            postgres.close();
        } catch (RuntimeException e) {
            // Expected: there is no server left to stop.
        }
    }

    // ---- common

    private ServiceProcess startService(String name, Path jar, int port, String database, int slot) throws InterruptedException {
        step("Starting " + name + " on port " + port);
        Path log = folder.logs().resolve(name + "-" + (++starts[slot]) + ".log");
        return ServiceProcess.start(new ServiceProcess.Spec(name, jar, port, environment(port, Infrastructure.serviceDatabase(postgres, database))),
                settings.serviceJavaOptions(), folder.serviceDirectory(name), log, folder.root());
    }

    private void await(ServiceProcess process) throws InterruptedException {
        process.awaitReady(http, HOST, settings.startupTimeout(), never);
        step(process.name() + " ready (pid " + process.pid() + ", log " + process.logFile().getFileName() + ")");
    }

    private void kill(ServiceProcess process) {
        ProcessHandle.of(process.pid()).ifPresent(handle -> {
            List<ProcessHandle> children = handle.descendants().toList();
            handle.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
        step(process.name() + " killed (SIGKILL, pid " + process.pid() + ")");
    }

    private Map<String, String> environment(int port, ServiceDatabase database) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_HTTP_HOST", HOST);
        // The service connects as its service role; Flyway migrates as the database's owner.
        environment.putAll(database.quarkusEnvironment());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        // The key, the issuer and the lifetime of the stack's tokens.
        environment.putAll(issuer.serviceEnvironment());
        // The key that seals list cursors, kept in the data folder.
        environment.putAll(CursorKeyFile.environment(folder.cursorKey()));
        // The transparency log's signing key for registry-api's checkpoints, kept in the data folder.
        environment.putAll(new TransparencyKeys(folder.keys()).registryEnvironment());
        return environment;
    }

    /** Stops everything this stack started. */
    @Override
    public void close() {
        for (ServiceProcess process : new ServiceProcess[] {registries[0], registries[1], settlement}) {
            if (process != null && process.isAlive()) {
                process.stop(Duration.ofSeconds(20));
            }
        }
        if (broker != null && broker.isAlive()) {
            broker.destroy();
            try {
                if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                    broker.destroyForcibly();
                }
            } catch (InterruptedException e) {
                broker.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (UncheckedIOException | IllegalStateException e) {
                step("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}

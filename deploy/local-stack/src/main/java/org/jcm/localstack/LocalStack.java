package org.jcm.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jcm.embedded.EmbeddedKafkaBroker;
import org.jcm.embedded.EmbeddedPostgresServer;
import org.jcm.embedded.JwtIssuer;
import org.jcm.embedded.ServiceDatabase;

/**
 * The running stack: embedded PostgreSQL and Kafka in this JVM, registry-api and settlement as
 * child JVMs, the demo data and tokens; started in that order and stopped in the reverse one.
 */
final class LocalStack {

    static final String REGISTRY = "registry-api";
    static final String SETTLEMENT = "settlement";
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);

    private final StackSettings settings;
    private final Progress progress;
    private final DataFolder folder;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final List<ServiceProcess> services = new ArrayList<>();
    private InstanceLock lock;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private WebhookReceiver receiver;
    private TraceReceiver traces;
    private Supervisor supervisor;
    private volatile boolean stopping;
    private boolean closed;

    LocalStack(StackSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
        this.folder = new DataFolder(settings.dataFolder());
    }

    DataFolder folder() {
        return folder;
    }

    /** Starts everything, prints where it is, and waits for a stop request; returns the exit code. */
    int run() {
        try {
            start();
            if (stopRequested.getCount() == 0) {
                return StackException.STOPPED;
            }
            stopRequested.await();
            return 0;
        } catch (StackException e) {
            if (!stopping) {
                progress.plain("");
                progress.plain("ERROR: " + e.getMessage());
            }
            return stopping ? StackException.STOPPED : e.exitCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StackException.STOPPED;
        } finally {
            close();
        }
    }

    /** Asks the stack to stop (Ctrl-C, SIGTERM); the thread in {@link #run()} does the stopping. */
    void requestStop(String why) {
        if (stopping) {
            progress.plain("(already stopping; 'kill -9 " + ProcessHandle.current().pid() + "' if it hangs)");
            return;
        }
        stopping = true;
        progress.plain("");
        progress.step(why + ": stopping the local stack");
        stopRequested.countDown();
    }

    private void start() throws InterruptedException {
        folder.prepare();
        lock = InstanceLock.acquire(folder.lockFile());
        Leftovers.stop(lock.previous(), folder, progress);
        Ports.checkFree(ports(), portOptions());
        if (settings.fresh() && folder.wipe()) {
            folder.prepare();
            progress.step("Starting fresh: wiped " + folder.root());
        }
        progress.step((folder.isNew() ? "New data folder " : "Data folder ") + folder.root());
        ServiceJars jars = ServiceJars.locate(settings, progress);
        JwtIssuer issuer = JwtIssuer.loadOrCreate(folder.jwt());
        record("registry.url", settings.registryUrl());

        progress.step("Starting PostgreSQL on port " + settings.postgresPort() + " ...");
        postgres = Infrastructure.startPostgres(folder, settings.postgresPort());
        checkNotStopping();
        progress.step("Starting Kafka on port " + settings.kafkaPort() + " ...");
        kafka = Infrastructure.startKafka(folder, settings.kafkaPort());
        checkNotStopping();

        if (jars.settlement().isPresent()) {
            receiver = WebhookReceiver.start(settings.webhookPort(), folder.webhooksFile(), progress, Instant::now);
            progress.step("Webhook receiver listening on " + receiver.url("") + " (one line per delivery below)");
        }
        if (settings.observability().tracePort() > 0) {
            traces = TraceReceiver.start(settings.observability().tracePort(), folder.logs().resolve("traces.jsonl"));
            progress.step("Trace receiver listening on " + traces.endpoint() + " (traces at " + traces.endpoint()
                    + TraceReceiver.VIEW_PATH + ")");
        }
        startServices(jars, issuer);
        checkNotStopping();

        Instant now = Instant.now();
        DemoTokens tokens = new DemoTokens(issuer, now);
        DemoIds ids = demoData(tokens, jars.settlement().isPresent(), now);
        checkNotStopping();
        List<DemoActor> actors = DemoActor.all(ids);
        Map<String, String> minted = tokens.mint(actors);
        tokens.write(folder.tokensFile(), actors, minted, urls());
        boolean swaggerRegistry = services.get(0).answers200(http, settings.clientHost(), "/q/swagger-ui/");
        boolean swaggerSettlement = services.size() > 1 && services.get(1).answers200(http, settings.clientHost(), "/q/swagger-ui/");
        progress.plain(new Summary(settings, folder, postgres, kafka, services, ids, actors, minted, tokens.expiry(),
                swaggerRegistry, swaggerSettlement, progress.elapsedSeconds()).text());
    }

    private void startServices(ServiceJars jars, JwtIssuer issuer) throws InterruptedException {
        Map<String, String> registryEnvironment = serviceEnvironment(settings.registryPort(),
                Infrastructure.registryDatabase(postgres), issuer);
        // The explorer page (registry-api /explorer/) reads settlement's feeds from the browser; settlement allows its origin.
        registryEnvironment.put("JCM_EXPLORER_SETTLEMENT_URL", jars.settlement().isPresent() ? settings.settlementUrl() : "");
        // The log key signs checkpoints; settlement's witness pins its verifier key (TransparencyKeys).
        TransparencyKeys keys = new TransparencyKeys(folder.keys());
        registryEnvironment.putAll(keys.registryEnvironment());
        ServiceProcess registry = startService(new ServiceProcess.Spec(REGISTRY, jars.registry(), settings.registryPort(),
                registryEnvironment));
        Optional<ServiceProcess> settlement = jars.settlement().map(jar -> {
            Map<String, String> environment = serviceEnvironment(settings.settlementPort(),
                    Infrastructure.settlementDatabase(postgres), issuer);
            environment.put("QUARKUS_HTTP_CORS_ORIGINS", settings.registryUrl());
            environment.putAll(keys.settlementEnvironment());
            // The demo's webhook endpoints are the launcher's receiver on 127.0.0.1 (docs/local-stack.md): here only.
            environment.put("JCM_WEBHOOKS_ALLOW_LOOPBACK", "true");
            return startService(new ServiceProcess.Spec(SETTLEMENT, jar, settings.settlementPort(), environment));
        });
        for (ServiceProcess service : services) {
            if (!service.awaitReady(http, settings.clientHost(), settings.startupTimeout(), stopRequested) || stopping) {
                return;
            }
            progress.step(service.name() + " is ready on " + "http://" + settings.clientHost() + ":" + service.port()
                    + " (pid " + service.pid() + ", log " + service.logFile() + ")");
        }
        supervisor = new Supervisor(new Supervised(), settings.restartLimit(), progress, http, settings.clientHost(),
                settings.startupTimeout(), stopRequested, Instant::now);
        supervisor.watch(registry);
        settlement.ifPresent(supervisor::watch);
    }

    /** The stack as its supervisor sees it. */
    private final class Supervised implements Supervisor.Services {

        @Override
        public boolean stopping() {
            return stopping;
        }

        @Override
        public Optional<ServiceProcess> replace(ServiceProcess dead) {
            synchronized (LocalStack.this) {
                int index = services.indexOf(dead);
                if (stopping || index < 0) {
                    return Optional.empty();
                }
                progress.step("Restarting " + dead.name() + " on port " + dead.port() + " ...");
                ServiceProcess again = dead.restart();
                services.set(index, again);
                record(dead.name() + ".pid", Long.toString(again.pid()));
                return Optional.of(again);
            }
        }
    }

    private ServiceProcess startService(ServiceProcess.Spec spec) {
        checkNotStopping();
        progress.step("Starting " + spec.name() + " on port " + spec.port() + " ...");
        ServiceProcess service = ServiceProcess.start(spec, settings.serviceJavaOptions(),
                folder.serviceDirectory(spec.name()), folder.logs().resolve(spec.name() + ".log"), folder.root());
        synchronized (this) {
            services.add(service);
        }
        record(spec.name() + ".pid", Long.toString(service.pid()));
        return service;
    }

    /** Quarkus and MicroProfile settings of a service, as environment variables of its process. */
    private Map<String, String> serviceEnvironment(int port, ServiceDatabase database, JwtIssuer issuer) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_HTTP_HOST", settings.host());
        // The service connects as its service role; Flyway migrates as the database's owner.
        environment.putAll(database.quarkusEnvironment());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // The key, the issuer and the lifetime of the stack's tokens.
        environment.putAll(issuer.serviceEnvironment());
        // The key that seals list cursors, kept in the data folder.
        environment.putAll(CursorKeyFile.environment(folder.cursorKey()));
        // The Swagger UI is off in production builds unless asked for; the stack points people at it.
        environment.put("QUARKUS_SWAGGER_UI_ENABLED", "true");
        environment.putAll(observabilityEnvironment());
        return environment;
    }

    /** Traces to the launcher's receiver or a collector, and JSON logs if asked for (docs/local-stack.md). */
    private Map<String, String> observabilityEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        StackSettings.Observability observability = settings.observability();
        if (observability.jsonLogs()) {
            environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        }
        if (!observability.tracing()) {
            return environment;
        }
        environment.put("QUARKUS_OTEL_SDK_DISABLED", "false");
        // Spans reach the receiver a second after they end, instead of five.
        environment.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s");
        if (traces != null) {
            environment.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
            environment.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint());
        } else {
            environment.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", observability.otlpEndpoint());
        }
        return environment;
    }

    /** Loads the demo data on the first start of a data folder; later starts read the ids it recorded. */
    private DemoIds demoData(DemoTokens tokens, boolean withSettlement, Instant now) throws InterruptedException {
        Optional<DemoIds> recorded = DemoIds.load(folder.demoDataFile());
        if (recorded.isPresent()) {
            progress.step("Demo data: already loaded (" + folder.demoDataFile().getFileName() + ")");
            return recorded.get();
        }
        if (!settings.seed()) {
            progress.step("Demo data: skipped (--no-demo-data)");
            return DemoIds.EXPECTED;
        }
        progress.step("Loading demo data through the API ...");
        ApiClient registry = new ApiClient(http, URI.create(settings.registryUrl()));
        Optional<ApiClient> settlement = withSettlement
                ? Optional.of(new ApiClient(http, URI.create(settings.settlementUrl()))) : Optional.empty();
        try {
            DemoIds ids = new DemoSeeder(registry, settlement, tokens, progress, now, Optional.ofNullable(receiver)).seed();
            ids.save(folder.demoDataFile());
            return ids;
        } catch (SeedingException e) {
            progress.warn("demo data not (fully) loaded: " + e.getMessage()
                    + "\n         The stack runs without them; the next start tries again.");
        } catch (IOException e) {
            progress.warn("demo data not (fully) loaded: " + e + "\n         The next start tries again.");
        }
        return DemoIds.EXPECTED;
    }

    private Map<String, String> urls() {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("JCM_REGISTRY_URL", settings.registryUrl());
        if (services.size() > 1) {
            urls.put("JCM_SETTLEMENT_URL", settings.settlementUrl());
        }
        return urls;
    }

    private LinkedHashMap<String, Integer> ports() {
        LinkedHashMap<String, Integer> ports = new LinkedHashMap<>();
        ports.put("registry-api HTTP", settings.registryPort());
        ports.put("settlement HTTP", settings.settlementPort());
        ports.put("PostgreSQL", settings.postgresPort());
        ports.put("Kafka", settings.kafkaPort());
        ports.put("webhook receiver", settings.webhookPort());
        if (settings.observability().tracePort() > 0) {
            ports.put("trace receiver", settings.observability().tracePort());
        }
        return ports;
    }

    private static Map<String, String> portOptions() {
        return Map.of("registry-api HTTP", "--registry-port or JCM_REGISTRY_PORT",
                "settlement HTTP", "--settlement-port or JCM_SETTLEMENT_PORT",
                "PostgreSQL", "--postgres-port or JCM_POSTGRES_PORT",
                "Kafka", "--kafka-port or JCM_KAFKA_PORT",
                "webhook receiver", "--webhook-port or JCM_WEBHOOK_PORT",
                "trace receiver", "--trace-port or JCM_TRACE_PORT (--no-traces: none)");
    }

    private void record(String key, String value) {
        if (lock != null) {
            lock.put(key, value);
        }
    }

    private void checkNotStopping() {
        if (stopping) {
            throw new StackException(StackException.STOPPED, "stopped while starting");
        }
    }

    /** Stops the services, then Kafka, then PostgreSQL, then releases the data folder. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopping = true;
        boolean started = !services.isEmpty() || kafka != null || postgres != null;
        if (supervisor != null) {
            supervisor.close();
        }
        stopServices();
        if (traces != null) {
            traces.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        if (kafka != null) {
            kafka.close();
            progress.step("Kafka stopped");
        }
        if (postgres != null) {
            postgres.close();
            progress.step("PostgreSQL stopped");
        }
        if (lock != null) {
            lock.close();
        }
        if (started) {
            progress.step("Stopped. The data are kept in " + folder.root() + " (--fresh starts over).");
        }
    }

    private void stopServices() {
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess service : services) {
            Thread stopper = new Thread(() -> {
                boolean graceful = service.stop(SERVICE_STOP_GRACE);
                progress.step(service.name() + (graceful ? " stopped" : " did not stop in time and was killed"));
            }, "stop-" + service.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join(TimeUnit.SECONDS.toMillis(SERVICE_STOP_GRACE.toSeconds() + 15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

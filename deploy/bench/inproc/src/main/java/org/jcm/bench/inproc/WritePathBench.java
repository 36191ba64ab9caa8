package org.jcm.bench.inproc;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.jcm.embedded.DatabaseRoles;
import org.jcm.embedded.EmbeddedKafkaBroker;
import org.jcm.embedded.EmbeddedPostgresServer;
import org.jcm.embedded.ServiceDatabase;

/**
 * A profiling aid for the write path (a tool, not a test): starts a durable embedded PostgreSQL
 * ({@code synchronous_commit=on}, fsync on) and an embedded Kafka broker, runs the packaged
 * registry-api ({@code registry-api/target/quarkus-app/quarkus-run.jar}) as a child JVM against
 * them, sets up 1,000 funded accounts through the REST API, then drives one phase of load and
 * prints throughput, HdrHistogram latencies, the writer's batch sizes and the service's resident
 * memory. The official load harness lives in {@code deploy/bench/harness}; see docs/performance.md
 * ("Write path tuning") for how this one is run. The world is {@link WriteWorld}, the load
 * {@link WriteLoadDriver}, the readings of the service {@link ServiceProbe}.
 *
 * <p>Arguments, {@code name=value}: {@code mode} {@code single} (one transfer per POST /transfers,
 * random source and destination among the accounts), {@code hot} (every transfer out of one
 * account), {@code batch} (POST /transfer-batches of {@code batch} items from one organization's
 * accounts); {@code clients} concurrent requests in flight (closed loop, default 16); {@code rate}
 * requests per second instead (open loop: latency is measured from each request's intended start,
 * so a stall is not hidden); {@code seconds} measured (default 20) after {@code warmup} seconds
 * (default 10); {@code javaOpts} for the service JVM (default {@code -Xmx512m}); {@code jfr} a file
 * name: the service records a JFR profile of the measured phase there.
 *
 * <p>{@code poison} (a percentage, default 0) replaces that share of the single-transfer requests
 * by requests the writer must isolate, of {@code poisonKind}: {@code memo} (a transfer whose memo is
 * the lone surrogate {@code "\\ud800"} (JSON escape): its event cannot be encoded), {@code batchkey} (a
 * {@code POST /transfer-batches} of one transfer whose item key equals the batch's
 * {@code Idempotency-Key}: PostgreSQL refuses the duplicate key) or {@code mixed} (alternately).
 * Latencies and throughput are then those of the honest requests; the poison answers are counted
 * by status, and the writer's rebuilds are read from {@code /q/metrics}.
 */
public final class WritePathBench {

    private final Map<String, String> options;
    private final java.net.http.HttpClient setupClient = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    private String base;
    private String management;
    private WriteWorld world;
    private ServiceProbe probe;

    private WritePathBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are name=value: " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        // Tokens are signed with the test key pair (src/test/resources/jwt), whose public half the service is given.
        System.setProperty("smallrye.jwt.sign.key.location", "jwt/private-key.pem");
        new WritePathBench(options).run();
        System.exit(0);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private void run() throws Exception {
        Path keyDir = Files.createTempDirectory("write-bench-jwt");
        Path publicKey = keyDir.resolve("public-key.pem");
        try (var in = WritePathBench.class.getResourceAsStream("/jwt/public-key.pem")) {
            Files.write(publicKey, in.readAllBytes());
        }
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.builder().durable(true).database("registry").start();
             EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder().start()) {
            ServiceDatabase database = postgres.createServiceDatabase("registry", DatabaseRoles.REGISTRY);
            int port = freePort();
            base = "http://localhost:" + port;
            // Health and metrics are on the management interface's own port (docs/operations.md).
            int managementPort = freePort();
            management = "http://localhost:" + managementPort;
            world = new WriteWorld(setupClient, base);
            probe = new ServiceProbe(setupClient, management);
            Process service = startService(database, kafka.bootstrapServers(), port, managementPort, publicKey);
            try {
                world.setUp();
                load(service.pid(), postgres.postmasterPid());
            } finally {
                service.destroy();
                if (!service.waitFor(20, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
        }
    }

    // ------------------------------------------------------------------ the service

    private Process startService(ServiceDatabase database, String kafka, int port, int managementPort, Path publicKey)
            throws Exception {
        Path jar = Paths.get(option("jar", Files.exists(Paths.get("target/quarkus-app/quarkus-run.jar"))
                ? "target/quarkus-app/quarkus-run.jar" : "registry-api/target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package registry-api first (./mvnw -pl registry-api -am package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String opt : option("javaOpts", "-Xmx512m").trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        String jfr = options.get("jfr");
        if (jfr != null) {
            // Started later (jcmd JFR.start) so that set-up and warm-up stay out of the profile.
            command.add("-XX:+FlightRecorder");
        }
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        // The service connects as its service role; Flyway migrates as the database's owner.
        env.putAll(database.quarkusEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
        env.put("MP_JWT_VERIFY_ISSUER", "jcm-registry");
        // A production start needs the key that seals list cursors; one made up for the run will do.
        env.put("JCM_PAGING_CURSOR_KEY", java.util.Base64.getEncoder().encodeToString(org.jcm.support.paging.CursorSeal.randomKey()));
        // A load generator is one client sending far more than a token's rate limit allows.
        env.put("JCM_RATE_LIMIT_ENABLED", "false");
        Path log = Paths.get(option("log", "target/write-path-bench-service.log"));
        Files.createDirectories(log.toAbsolutePath().getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        Duration ready = awaitReady(process, Duration.ofMinutes(3), started);
        log("service pid %d ready after %d ms (/q/health/ready UP), log %s", process.pid(), ready.toMillis(), log);
        return process;
    }

    private Duration awaitReady(Process process, Duration timeout, long started) throws Exception {
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> r = setupClient.send(HttpRequest.newBuilder(URI.create(management + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the service was not ready within " + timeout);
    }

    private void load(long servicePid, long postmasterPid) throws Exception {
        String mode = option("mode", "single");
        int clients = Integer.parseInt(option("clients", "16"));
        int rate = Integer.parseInt(option("rate", "0"));
        int batch = Integer.parseInt(option("batch", "100"));
        int seconds = Integer.parseInt(option("seconds", "20"));
        int warmup = Integer.parseInt(option("warmup", "10"));
        Vertx vertx = Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(1));
        int connections = rate > 0 ? Math.max(clients, 64) : clients;
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("localhost")
                .setDefaultPort(URI.create(base).getPort()).setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        WriteLoadDriver driver = new WriteLoadDriver(world, vertx, http, mode, batch, Integer.parseInt(option("poison", "0")),
                option("poisonKind", "mixed"));
        log("load: mode=%s %s, %s, %d s warm-up, %d s measured", mode,
                rate > 0 ? "open loop at " + rate + " requests/s" : "closed loop with " + clients + " clients",
                mode.equals("batch") ? batch + " transfers per request" : "1 transfer per request", warmup, seconds);
        if (rate > 0) {
            driver.openLoop(rate);
        } else {
            driver.closedLoop(clients);
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
        measure(driver, servicePid, postmasterPid, seconds, mode + " " + (rate > 0 ? "rate=" + rate : "clients=" + clients));
        http.close();
        vertx.close();
    }

    /** The measured phase: {@code seconds} of the running load, then its figures, logged. */
    private void measure(WriteLoadDriver driver, long servicePid, long postmasterPid, int seconds, String run)
            throws Exception {
        String jfr = options.get("jfr");
        if (jfr != null) {
            ServiceProbe.jcmd(servicePid, "JFR.start", "name=bench", "settings=profile", "filename=" + Paths.get(jfr).toAbsolutePath());
        }
        double[] batchesBefore = probe.writerBatches();
        double rebuildsBefore = probe.metric("jcm_writer_rebuilds_total") + probe.metric("jcm_writer_commit_failures_total");
        long serviceCpuBefore = ServiceProbe.cpuTicks(servicePid);
        long postgresCpuBefore = ServiceProbe.postgresCpuTicks(postmasterPid);
        long benchCpuBefore = ServiceProbe.benchCpuNanos();
        driver.reset();
        long started = System.nanoTime();
        long rssMax = 0;
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1000);
            rssMax = Math.max(rssMax, ServiceProbe.rssKib(servicePid));
        }
        Histogram histogram = driver.snapshot();
        long elapsed = System.nanoTime() - started;
        long transfers = driver.transfers.get();
        long requests = histogram.getTotalCount();
        double[] batchesAfter = probe.writerBatches();
        double rebuilds = probe.metric("jcm_writer_rebuilds_total") + probe.metric("jcm_writer_commit_failures_total") - rebuildsBefore;
        double serviceCpu = (ServiceProbe.cpuTicks(servicePid) - serviceCpuBefore) / (double) ServiceProbe.TICKS_PER_SECOND;
        double postgresCpu = (ServiceProbe.postgresCpuTicks(postmasterPid) - postgresCpuBefore) / (double) ServiceProbe.TICKS_PER_SECOND;
        double benchCpu = (ServiceProbe.benchCpuNanos() - benchCpuBefore) / 1e9;
        if (jfr != null) {
            ServiceProbe.jcmd(servicePid, "JFR.stop", "name=bench");
        }
        driver.stop();
        double secs = elapsed / 1e9;
        log("RESULT mode=%s: %,.0f requests/s, %,.0f transfers/s (%,d requests, %,d transfers, %,d not 201 [%s]) in %.1f s",
                run, requests / secs, transfers / secs, requests, transfers, driver.failures.get(), driver.lastFailure, secs);
        log("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f", ms(histogram, 50), ms(histogram, 90),
                ms(histogram, 99), ms(histogram, 99.9), histogram.getMaxValue() / 1000.0);
        if (driver.poisonPercent > 0) {
            log("poison: %d%% of requests (%s), %,d sent, answered by status %s; writer rebuilds and failed commits"
                    + " during the measured phase: %.0f", driver.poisonPercent, driver.poisonKind, driver.poisonSent.get(),
                    driver.poisonAnswers, rebuilds);
        }
        double batches = batchesAfter[0] - batchesBefore[0];
        if (batches > 0) {
            log("writer: %,.0f batches, %.1f commands per batch, mean commit %.2f ms", batches,
                    (batchesAfter[1] - batchesBefore[1]) / batches, (batchesAfter[2] - batchesBefore[2]) * 1000 / batches);
        }
        log("service resident memory: max %,d MiB during the measured phase", rssMax / 1024);
        // CPU seconds spent per transfer do not depend on how many other programs share the cores,
        // unlike throughput and latency on a shared machine.
        if (transfers > 0) {
            log("CPU per transfer: service %.0f us, PostgreSQL %.0f us, this load generator %.0f us"
                    + " (service %.1f s, PostgreSQL %.1f s, load generator %.1f s of CPU in %.1f s)",
                    serviceCpu * 1e6 / transfers, postgresCpu * 1e6 / transfers, benchCpu * 1e6 / transfers,
                    serviceCpu, postgresCpu, benchCpu, secs);
            log("(2 cores at this CPU per transfer: about %,.0f transfers/s; at low rates fixed costs such as JIT"
                    + " and background threads dominate, so this is a floor, not a capacity)",
                    2.0 * transfers / (serviceCpu + postgresCpu));
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[write-path-bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}

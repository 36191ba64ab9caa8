package org.jcm.registry.bench;

import io.smallrye.jwt.build.Jwt;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.jcm.embedded.EmbeddedKafkaBroker;
import org.jcm.embedded.EmbeddedPostgresServer;
import org.jcm.embedded.PostgresDatabase;

/**
 * A profiling aid for the write path (a tool, not a test): starts a durable embedded PostgreSQL
 * ({@code synchronous_commit=on}, fsync on) and an embedded Kafka broker, runs the packaged
 * registry-api ({@code registry-api/target/quarkus-app/quarkus-run.jar}) as a child JVM against
 * them, sets up 1,000 funded accounts through the REST API, then drives one phase of load and
 * prints throughput, HdrHistogram latencies, the writer's batch sizes and the service's resident
 * memory. The official load harness lives in {@code deploy/bench}; see docs/performance.md
 * ("Write path tuning") for how this one is run.
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

    private static final int ORGS = 100;
    private static final int ACCOUNTS_PER_ORG = 10;
    private static final int ACCOUNTS = ORGS * ACCOUNTS_PER_ORG;
    private static final long UNITS_PER_ACCOUNT = 1_000_000;
    private static final String REGISTRY = "MNG01";

    private final Map<String, String> options;
    private final java.net.http.HttpClient setupClient = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    private final String[] orgs = new String[ORGS];
    private final String[] orgTokens = new String[ORGS];
    private final String[] accounts = new String[ACCOUNTS];
    private final AtomicLong keys = new AtomicLong();
    private final String keyPrefix = UUID.randomUUID().toString().substring(0, 8) + "-";
    private String base;

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
            PostgresDatabase database = postgres.database();
            int port = freePort();
            base = "http://localhost:" + port;
            Process service = startService(database, kafka.bootstrapServers(), port, publicKey);
            try {
                setUp();
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

    private Process startService(PostgresDatabase database, String kafka, int port, Path publicKey) throws Exception {
        Path jar = Paths.get(option("jar", Files.exists(Paths.get("target/quarkus-app/quarkus-run.jar"))
                ? "target/quarkus-app/quarkus-run.jar" : "registry-api/target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package registry-api first (mvn -pl registry-api -am package -DskipTests)");
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
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:" + database.port() + "/" + database.name());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
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
                HttpResponse<String> r = setupClient.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
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

    // ------------------------------------------------------------------ set-up through the API

    private void setUp() throws Exception {
        long started = System.nanoTime();
        String admin = token("admin@" + REGISTRY, "registry-admin", Map.of("registry", REGISTRY));
        post(token("operator", "operator", Map.of()), "/api/v1/registries",
                "{\"registryId\":\"" + REGISTRY + "\",\"name\":\"Mongolia registry\"}");
        for (int o = 0; o < ORGS; o++) {
            orgs[o] = field(post(admin, "/api/v1/organizations",
                    "{\"registryId\":\"" + REGISTRY + "\",\"name\":\"Bench org " + o + "\"}"), "id");
            orgTokens[o] = token("holder@" + orgs[o], "account-holder", Map.of("org", orgs[o]));
        }
        List<CompletableFuture<HttpResponse<String>>> opened = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            opened.add(postAsync(admin, "/api/v1/accounts", "{\"organizationId\":\"" + orgs[a / ACCOUNTS_PER_ORG]
                    + "\",\"name\":\"Bench account " + a + "\"}"));
        }
        for (int a = 0; a < ACCOUNTS; a++) {
            HttpResponse<String> r = opened.get(a).join();
            expect201(r, "/api/v1/accounts");
            accounts[a] = field(r.body(), "id");
        }
        String project = "MN" + String.format("%03d", new SplittableRandom().nextInt(1000));
        post(admin, "/api/v1/projects", "{\"projectId\":\"" + project + "\",\"title\":\"Bench project\",\"methodologyId\":"
                + "\"MN_AM001\",\"registryId\":\"" + REGISTRY + "\",\"participants\":[\"" + orgs[0] + "\"]}");
        for (int first = 0; first < ACCOUNTS; first += 100) {
            StringBuilder allocations = new StringBuilder();
            for (int a = first; a < first + 100; a++) {
                allocations.append(a == first ? "" : ",").append("{\"accountId\":\"").append(accounts[a])
                        .append("\",\"quantity\":").append(UNITS_PER_ACCOUNT).append('}');
            }
            int vintage = 2015 + first / 100;
            // The participant requests each decision; the registry issues on the request.
            String request = field(post(orgTokens[0], "/api/v1/issuance-requests", "{\"projectId\":\"" + project
                    + "\",\"monitoringPeriodStart\":\"" + vintage + "-01-01\",\"monitoringPeriodEnd\":\"" + vintage
                    + "-12-31\",\"verifiedQuantity\":" + 100 * UNITS_PER_ACCOUNT + ",\"verificationReference\":\"VER-"
                    + vintage + "\"}"), "id");
            post(admin, "/api/v1/issuances", "{\"issuanceId\":\"" + project + "-" + vintage + "\",\"projectId\":\"" + project
                    + "\",\"monitoringPeriodStart\":\"" + vintage + "-01-01\",\"monitoringPeriodEnd\":\"" + vintage
                    + "-12-31\",\"vintage\":" + vintage + ","
                    + "\"totalQuantity\":" + 100 * UNITS_PER_ACCOUNT + ",\"allocations\":[" + allocations + "],"
                    + "\"issuanceRequestId\":\"" + request + "\"}");
        }
        log("set up %d organizations, %d accounts with %,d units each in %d ms", ORGS, ACCOUNTS, UNITS_PER_ACCOUNT,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static String token(String subject, String group, Map<String, String> claims) {
        // The longest lifetime the service accepts (jcm.security.max-token-lifetime); a run is shorter.
        var builder = Jwt.issuer("jcm-registry").audience("jcm-registry").subject(subject).upn(subject).groups(Set.of(group))
                .expiresIn(Duration.ofHours(1));
        claims.forEach(builder::claim);
        return builder.sign();
    }

    private String post(String token, String path, String json) {
        HttpResponse<String> r = postAsync(token, path, json).join();
        expect201(r, path);
        return r.body();
    }

    private static void expect201(HttpResponse<String> r, String path) {
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String token, String path, String json) {
        return setupClient.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", nextKey())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private String nextKey() {
        return keyPrefix + keys.incrementAndGet();
    }

    // ------------------------------------------------------------------ load

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
        Driver driver = new Driver(vertx, http, mode, batch, Integer.parseInt(option("poison", "0")),
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
        String jfr = options.get("jfr");
        if (jfr != null) {
            jcmd(servicePid, "JFR.start", "name=bench", "settings=profile", "filename=" + Paths.get(jfr).toAbsolutePath());
        }
        double[] batchesBefore = writerBatches();
        double rebuildsBefore = metric("jcm_writer_rebuilds_total") + metric("jcm_writer_commit_failures_total");
        long serviceCpuBefore = cpuTicks(servicePid);
        long postgresCpuBefore = postgresCpuTicks(postmasterPid);
        long benchCpuBefore = benchCpuNanos();
        driver.reset();
        long started = System.nanoTime();
        long rssMax = 0;
        for (int s = 0; s < seconds; s++) {
            Thread.sleep(1000);
            rssMax = Math.max(rssMax, rssKib(servicePid));
        }
        Histogram histogram = driver.snapshot();
        long elapsed = System.nanoTime() - started;
        long transfers = driver.transfers.get();
        long requests = histogram.getTotalCount();
        double[] batchesAfter = writerBatches();
        double rebuilds = metric("jcm_writer_rebuilds_total") + metric("jcm_writer_commit_failures_total") - rebuildsBefore;
        double serviceCpu = (cpuTicks(servicePid) - serviceCpuBefore) / (double) TICKS_PER_SECOND;
        double postgresCpu = (postgresCpuTicks(postmasterPid) - postgresCpuBefore) / (double) TICKS_PER_SECOND;
        double benchCpu = (benchCpuNanos() - benchCpuBefore) / 1e9;
        if (jfr != null) {
            jcmd(servicePid, "JFR.stop", "name=bench");
        }
        driver.stop();
        double secs = elapsed / 1e9;
        log("RESULT mode=%s %s: %,.0f requests/s, %,.0f transfers/s (%,d requests, %,d transfers, %,d not 201 [%s]) in %.1f s",
                mode, rate > 0 ? "rate=" + rate : "clients=" + clients, requests / secs, transfers / secs, requests, transfers,
                driver.failures.get(), driver.lastFailure, secs);
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
        http.close();
        vertx.close();
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The sum of every series of one metric in /q/metrics (0 if absent). */
    private double metric(String name) {
        double sum = 0;
        try {
            String body = setupClient.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : body.split("\n")) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException | InterruptedException | NumberFormatException e) {
            log("metrics unavailable: %s", e);
        }
        return sum;
    }

    /** The writer's batch count, command count and commit seconds from /q/metrics (zeros if absent). */
    private double[] writerBatches() {
        double[] out = new double[3];
        try {
            String body = setupClient.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : body.split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                if (space < 0) {
                    continue;
                }
                String name = line.substring(0, space);
                double value = Double.parseDouble(line.substring(space + 1));
                if (name.startsWith("jcm_writer_batch_commands_count")) {
                    out[0] = value;
                } else if (name.startsWith("jcm_writer_batch_commands_sum")) {
                    out[1] = value;
                } else if (name.startsWith("jcm_writer_commit_seconds_sum")) {
                    out[2] = value;
                }
            }
        } catch (IOException | InterruptedException | NumberFormatException e) {
            log("metrics unavailable: %s", e);
        }
        return out;
    }

    /** Clock ticks per second of /proc/[pid]/stat (USER_HZ, 100 on Linux). */
    private static final int TICKS_PER_SECOND = 100;

    /** User plus system CPU of a process, in clock ticks (0 if it is gone). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Paths.get("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state ppid ... utime is field 14 of the whole line, index 11 here
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU of the postmaster and its children (backends, WAL writer, checkpointer, ...). */
    private static long postgresCpuTicks(long postmasterPid) {
        long total = cpuTicks(postmasterPid);
        try (var dirs = Files.list(Paths.get("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == postmasterPid) {
                        total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    private static long benchCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static void jcmd(long pid, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        log("jcmd %s: %s", String.join(" ", args), out.trim().replace('\n', ' '));
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[write-path-bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    /** Sends requests on one Vert.x event loop and records their latencies. */
    private final class Driver {
        private final Vertx vertx;
        private final HttpClient http;
        private final String mode;
        private final int batch;
        private final SplittableRandom random = new SplittableRandom(42);
        private volatile boolean running = true;
        private Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
        final AtomicLong transfers = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile String lastFailure = "";
        private long timer = -1;
        final int poisonPercent;
        final String poisonKind;
        final AtomicLong poisonSent = new AtomicLong();
        final java.util.concurrent.ConcurrentSkipListMap<Integer, AtomicLong> poisonAnswers =
                new java.util.concurrent.ConcurrentSkipListMap<>();
        private long poisoned;

        Driver(Vertx vertx, HttpClient http, String mode, int batch, int poisonPercent, String poisonKind) {
            this.vertx = vertx;
            this.http = http;
            this.mode = mode;
            this.batch = batch;
            this.poisonPercent = poisonPercent;
            this.poisonKind = poisonKind;
        }

        void closedLoop(int clients) {
            vertx.runOnContext(v -> {
                for (int c = 0; c < clients; c++) {
                    next();
                }
            });
        }

        private void next() {
            if (!running) {
                return;
            }
            long start = System.nanoTime();
            send().onComplete(ar -> {
                record(start, ar.succeeded() ? ar.result() : 0);
                next();
            });
        }

        /** A request the writer must isolate (see the class comment); its answer is counted, not timed. */
        private Future<Integer> sendPoison() {
            poisonSent.incrementAndGet();
            int from = random.nextInt(ACCOUNTS);
            String token = orgTokens[from / ACCOUNTS_PER_ORG];
            String key = nextKey();
            boolean memo = poisonKind.equals("memo") || poisonKind.equals("mixed") && poisoned++ % 2 == 0;
            String path;
            String body;
            if (memo) {
                path = "/api/v1/transfers";
                body = "{\"fromAccountId\":\"" + accounts[from] + "\",\"toAccountId\":\"" + accounts[other(from)]
                        + "\",\"quantity\":1,\"memo\":\"\\ud800\"}";
            } else {
                path = "/api/v1/transfer-batches";
                body = "{\"items\":[{\"idempotencyKey\":\"" + key + "\",\"fromAccountId\":\"" + accounts[from]
                        + "\",\"toAccountId\":\"" + accounts[other(from)] + "\",\"quantity\":1}]}";
            }
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                    .putHeader("Authorization", "Bearer " + token).putHeader("Idempotency-Key", key)
                    .putHeader("Content-Type", "application/json");
            return http.request(request).compose(r -> r.send(Buffer.buffer(body))).compose(response -> response.body().map(b -> {
                poisonAnswers.computeIfAbsent(response.statusCode(), k -> new AtomicLong()).incrementAndGet();
                return -1;
            })).recover(e -> {
                poisonAnswers.computeIfAbsent(0, k -> new AtomicLong()).incrementAndGet();
                return Future.succeededFuture(-1);
            });
        }

        /** Open loop: requests leave on schedule, whatever the answers; latency counts from the scheduled time. */
        void openLoop(int rate) {
            long intervalNanos = 1_000_000_000L / rate;
            long origin = System.nanoTime();
            long[] sent = {0};
            vertx.runOnContext(v -> timer = vertx.setPeriodic(1, id -> {
                if (!running) {
                    return;
                }
                long due = (System.nanoTime() - origin) / intervalNanos;
                for (; sent[0] < due; sent[0]++) {
                    long intended = origin + sent[0] * intervalNanos;
                    if (poisonPercent > 0 && random.nextInt(100) < poisonPercent) {
                        sendPoison();
                        continue;
                    }
                    send().onComplete(ar -> record(intended, ar.succeeded() ? ar.result() : 0));
                }
            }));
        }

        private void record(long start, int transferred) {
            histogram.recordValue(Math.min((System.nanoTime() - start) / 1000, histogram.getHighestTrackableValue()));
            transfers.addAndGet(transferred);
        }

        /** One request; completes with the number of transfers it made (0 if it failed). */
        private Future<Integer> send() {
            String path;
            String body;
            String token;
            int items;
            if (mode.equals("batch")) {
                int org = random.nextInt(ORGS);
                token = orgTokens[org];
                StringBuilder json = new StringBuilder(batch * 120).append("{\"items\":[");
                for (int i = 0; i < batch; i++) {
                    int from = org * ACCOUNTS_PER_ORG + random.nextInt(ACCOUNTS_PER_ORG);
                    json.append(i == 0 ? "" : ",").append("{\"idempotencyKey\":\"").append(nextKey()).append("\",\"fromAccountId\":\"")
                            .append(accounts[from]).append("\",\"toAccountId\":\"").append(accounts[other(from)])
                            .append("\",\"quantity\":1}");
                }
                body = json.append("]}").toString();
                path = "/api/v1/transfer-batches";
                items = batch;
            } else {
                int from = mode.equals("hot") ? 0 : random.nextInt(ACCOUNTS);
                token = orgTokens[from / ACCOUNTS_PER_ORG];
                body = "{\"fromAccountId\":\"" + accounts[from] + "\",\"toAccountId\":\"" + accounts[other(from)] + "\",\"quantity\":1}";
                path = "/api/v1/transfers";
                items = 1;
            }
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI(path)
                    .putHeader("Authorization", "Bearer " + token).putHeader("Idempotency-Key", nextKey())
                    .putHeader("Content-Type", "application/json");
            return http.request(request).compose(r -> r.send(Buffer.buffer(body))).compose(response -> response.body().map(b -> {
                // A transfer answers 201; a batch answers 200 with each item's own status.
                if (response.statusCode() != (items == 1 ? 201 : 200)) {
                    failures.incrementAndGet();
                    lastFailure = response.statusCode() + " " + b.toString().substring(0, Math.min(200, b.length()));
                    return 0;
                }
                if (items == 1) {
                    return 1;
                }
                // Items answer on their own; count the accepted ones.
                int accepted = 0;
                String text = b.toString();
                for (int i = text.indexOf("\"status\":201"); i >= 0; i = text.indexOf("\"status\":201", i + 1)) {
                    accepted++;
                }
                return accepted;
            })).recover(e -> {
                failures.incrementAndGet();
                lastFailure = e.toString();
                return Future.succeededFuture(0);
            });
        }

        private int other(int from) {
            int to = random.nextInt(ACCOUNTS - 1);
            return to >= from ? to + 1 : to;
        }

        void reset() throws Exception {
            CompletableFuture<Void> done = new CompletableFuture<>();
            vertx.runOnContext(v -> {
                histogram = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
                transfers.set(0);
                failures.set(0);
                poisonSent.set(0);
                poisonAnswers.clear();
                done.complete(null);
            });
            done.get();
        }

        Histogram snapshot() throws Exception {
            CompletableFuture<Histogram> done = new CompletableFuture<>();
            vertx.runOnContext(v -> done.complete(histogram.copy()));
            return done.get();
        }

        void stop() {
            running = false;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
        }
    }
}

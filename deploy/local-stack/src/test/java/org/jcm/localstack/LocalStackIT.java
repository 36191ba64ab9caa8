package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jcm.ledger.canonical.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged launcher as a user would (a child JVM, {@code --fresh}, its own folder and
 * free ports), uses the printed tokens against both services, and checks that SIGTERM leaves no
 * process behind. One start only, so that the suite stays fast.
 */
@Tag("local-stack")
class LocalStackIT {


    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final List<ProcessHandle> started = new ArrayList<>();
    private Process launcher;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void the_stack_serves_the_demo_data_to_the_printed_tokens_and_sigterm_leaves_nothing_running(@TempDir Path temporary)
            throws Exception {
        Path data = temporary.resolve("data");
        Path output = temporary.resolve("launcher.out");
        List<String> arguments = Launcher.arguments(data, Launcher.freePorts(6));
        int registryPort = Integer.parseInt(arguments.get(arguments.indexOf("--registry-port") + 1));
        int settlementPort = Integer.parseInt(arguments.get(arguments.indexOf("--settlement-port") + 1));

        launcher = Launcher.launch(arguments, output);
        Launcher.awaitReady(launcher, output);
        Map<String, String> tokens = tokens(data.resolve("tokens.env"));
        assertThat(tokens).containsKeys("JCM_TOKEN_OPERATOR", "JCM_TOKEN_ADMIN_JPN01", "JCM_TOKEN_ADMIN_MNG01",
                "JCM_TOKEN_GOV_JPN", "JCM_TOKEN_GOV_MNG", "JCM_TOKEN_GOBI_SOLAR", "JCM_TOKEN_SAKURA_TRADING",
                "JCM_TOKEN_EXCHANGE", "JCM_TOKEN_AUDITOR");
        assertThat(Files.readString(output)).contains(tokens.get("JCM_TOKEN_SAKURA_TRADING"));

        // A company's printed token reads its own account's holdings: the demo issuance and trades are there.
        String registry = "http://localhost:" + registryPort;
        HttpResponse<String> holdings = get(registry + "/api/v1/accounts/JPN01-H00001/holdings", tokens.get("JCM_TOKEN_SAKURA_TRADING"));
        assertThat(holdings.statusCode()).as(holdings.body()).isEqualTo(200);
        assertThat(holdings.body()).contains("JCM-MN001-2024-");
        assertThat(get(registry + "/api/v1/accounts/JPN01-H00001/holdings", null).statusCode()).isEqualTo(401);

        // The seeder printed the demo retirement's certificate; the company's token reads it once a checkpoint covers it.
        Matcher printed = Pattern.compile("its certificate [^:]*: (/api/v1/retirements/[0-9]+/certificate)")
                .matcher(Files.readString(output));
        assertThat(printed.find()).as("the seeder prints the certificate's path").isTrue();
        HttpResponse<String> certificate = awaitCertificate(registry + printed.group(1), tokens.get("JCM_TOKEN_SAKURA_TRADING"));
        assertThat(certificate.statusCode()).as(certificate.body()).isEqualTo(200);
        assertThat(certificate.body()).contains("\"beneficiary\":\"" + DemoScenario.JAPANESE_COMPANY + "\"", "\"inclusion\":");

        // Both services serve the Swagger UI in their production build.
        assertThat(Files.readString(output)).contains("Swagger UI http://localhost:" + registryPort + "/q/swagger-ui",
                "Swagger UI http://localhost:" + settlementPort + "/q/swagger-ui");
        assertThat(get(registry + "/q/swagger-ui", null).statusCode()).isEqualTo(200);

        // Health and metrics are on each service's management port, which the summary prints; not on the API port.
        Matcher health = Pattern.compile("registry-api (http://localhost:[0-9]+)/q/health").matcher(Files.readString(output));
        assertThat(health.find()).as("the summary prints registry-api's management port").isTrue();
        assertThat(get(health.group(1) + "/q/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(get(health.group(1) + "/q/metrics", null).body()).contains("jcm_writer_queue_depth");
        assertThat(get(registry + "/q/health/ready", null).statusCode()).isEqualTo(404);

        // Settlement's public trade feed shows the demo trades that reached it through Kafka: the
        // exchange registered each before the seller delivered it, so all four settled and price it.
        HttpResponse<String> feed = get("http://localhost:" + settlementPort + "/api/v1/feeds/trades", null);
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.body()).contains("T-0001", "T-0002", "T-0003", "T-0004", "980.00", "1250.50");

        disclosureIsPublished(registry, Files.readString(output));
        webhookDeliveriesAreVerifiedAndLogged(Files.readString(output), tokens.get("JCM_TOKEN_SAKURA_TRADING"),
                tokens.get("JCM_TOKEN_EXCHANGE"));

        oneTransferIsOneTraceThroughBothServices(Files.readString(output));

        registryIsRestartedAfterItDies(output, registry, health.group(1), tokens.get("JCM_TOKEN_SAKURA_TRADING"), holdings.body());

        // Each service is connected as its own service role; Flyway migrated as the databases' owners.
        int postgresPort = Integer.parseInt(arguments.get(arguments.indexOf("--postgres-port") + 1));
        assertThat(sessions(postgresPort)).containsExactlyInAnyOrder("registry jcm_service", "settlement jcm_settlement");
        assertThat(migratedBy(postgresPort, "registry")).containsExactly("jcm_owner");
        assertThat(migratedBy(postgresPort, "settlement")).containsExactly("jcm_settlement_owner");

        // A second start on the same folder is refused, and its --fresh wipes nothing.
        Path secondOutput = temporary.resolve("second.out");
        Process second = Launcher.launch(arguments, secondOutput);
        assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("second launcher exits").isTrue();
        assertThat(second.exitValue()).isEqualTo(StackException.ALREADY_RUNNING);
        assertThat(Files.readString(secondOutput)).contains("already running", "launcher pid " + launcher.pid());
        assertThat(get(registry + "/api/v1/accounts/JPN01-H00001/holdings", tokens.get("JCM_TOKEN_SAKURA_TRADING")).body())
                .isEqualTo(holdings.body());

        // SIGTERM stops everything: the service JVMs and the PostgreSQL server (not a child: pg_ctl daemonizes it).
        List<ProcessHandle> services = launcher.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).toList();
        assertThat(services).as("registry-api and settlement JVMs").hasSize(2);
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid(data)).orElseThrow();
        started.addAll(services);
        started.add(postmaster);

        launcher.destroy();
        assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("launcher exits after SIGTERM").isTrue();
        assertThat(launcher.exitValue()).isZero();
        for (ProcessHandle process : started) {
            assertThat(awaitStopped(process, Duration.ofSeconds(10))).as("process %d stopped", process.pid()).isTrue();
        }
        assertThat(data.resolve("stack.lock")).doesNotExist();
        assertThat(Files.readString(output)).contains("registry-api stopped", "settlement stopped", "Kafka stopped",
                "PostgreSQL stopped");
    }

    /**
     * The services trace to the launcher's receiver, which the summary prints: a transfer's trace
     * runs from registry-api's HTTP span through the writer and the Kafka record into settlement.
     */
    private void oneTransferIsOneTraceThroughBothServices(String output) throws Exception {
        Matcher receiver = Pattern.compile("traces +(http://127\\.0\\.0\\.1:[0-9]+/traces)").matcher(output);
        assertThat(receiver.find()).as("the summary prints the trace receiver").isTrue();
        String trace = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (trace == null && System.nanoTime() < deadline) {
            Matcher line = Pattern.compile("(?m)^([0-9a-f]{32}) .*registry-api,settlement +registry-api POST /api/v1/transfers")
                    .matcher(get(receiver.group(1), null).body());
            trace = line.find() ? line.group(1) : null;
            Thread.sleep(trace == null ? 500 : 0);
        }
        assertThat(trace).as("a demo transfer's trace reaches settlement").isNotNull();
        assertThat(get(receiver.group(1) + "/" + trace, null).body()).containsSubsequence("registry-api POST /api/v1/transfers",
                "registry-api ledger.submission", "registry-api kafka publish", "settlement kafka process");
    }

    /**
     * kill -9 of registry-api: the launcher says so, starts it again after a second on the same
     * ports and data, and says when it is ready; it then serves the same holdings.
     */
    private void registryIsRestartedAfterItDies(Path output, String registry, String management, String token,
                                                String holdings) throws Exception {
        ProcessHandle dead = launcher.descendants().filter(p -> p.info().commandLine().orElse("").contains("registry-api"))
                .filter(p -> p.info().command().orElse("").endsWith("java")).findFirst().orElseThrow();
        dead.destroyForcibly();
        assertThat(dead.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();

        long deadline = System.nanoTime() + Launcher.READY_TIMEOUT.toNanos();
        while (!Files.readString(output).contains("registry-api is ready again") && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(Files.readString(output)).contains("registry-api (pid " + dead.pid() + ") exited unexpectedly with code 137;"
                + " restarting it in 1 s (restart 1 of at most 5 in 10 minutes)", "registry-api is ready again");
        assertThat(get(management + "/q/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(get(registry + "/api/v1/accounts/JPN01-H00001/holdings", token).body()).isEqualTo(holdings);
    }

    /**
     * The seeder recorded Sakura Trading's emissions for its retirement's fiscal year (version 1,
     * then a correction as version 2) and published the statement: anyone reads it, with the net
     * figure of the corrected scope 2 less the demo retirement, and the printable page shows it.
     */
    private void disclosureIsPublished(String registry, String output) throws Exception {
        Matcher fiscal = Pattern.compile("emissions of fiscal ([0-9]{4}) recorded").matcher(output);
        assertThat(fiscal.find()).as("the seeder prints the disclosure").isTrue();
        String statement = "/api/v1/organizations/JPN01-O0001/disclosure/" + fiscal.group(1);
        assertThat(output).contains("statement (printable): " + registry + statement + "?format=html");
        HttpResponse<String> json = get(registry + statement, null);
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        Map<?, ?> answer = (Map<?, ?>) Json.parse(json.body());
        Map<?, ?> gross = (Map<?, ?>) answer.get("gross");
        assertThat(gross.get("version")).isEqualTo(2L);
        assertThat(gross.get("scope2")).isEqualTo(DemoScenario.SCOPE_2_CORRECTED);
        Map<?, ?> net = (Map<?, ?>) answer.get("net");
        assertThat(net.get("creditsCounted")).isEqualTo(DemoScenario.RETIRED);
        assertThat(net.get("net")).isEqualTo(DemoDisclosure.expectedNet()).isEqualTo(5_080L);
        HttpResponse<String> page = get(registry + statement + "?format=html", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(DemoScenario.JAPANESE_COMPANY, "5080 t-CO2e");
        HttpResponse<String> versions = get(registry + "/api/v1/organizations/JPN01-O0001/emissions/" + fiscal.group(1), null);
        assertThat(versions.body()).contains(DemoScenario.ASSURANCE_REFERENCE);
        assertThat(get(registry + "/api/v1/publications", null).body()).contains("\"scope\":\"STATEMENT\"", "JPN01-O0001");
    }

    /**
     * The launcher's receiver verified a signed delivery for each demo trade to both endpoints and
     * logged one line each; the endpoints' delivery logs on settlement show them delivered.
     */
    private void webhookDeliveriesAreVerifiedAndLogged(String output, String company, String exchange) throws Exception {
        assertThat(output).doesNotContain("signature verified: no");
        for (String type : List.of("transfer.incoming", "trade.settled")) {
            assertThat(Pattern.compile("webhook delivery to [^\n]*webhook-id [^,]+, type " + Pattern.quote(type)
                    + ", signature verified: yes").matcher(output).results().count()).as(type).isGreaterThanOrEqualTo(4);
        }
        for (Map.Entry<String, String> owner : Map.of(DemoScenario.JAPANESE_COMPANY, company, "exchange JCMX", exchange).entrySet()) {
            Matcher log = Pattern.compile("delivery log of " + Pattern.quote(owner.getKey()) + ": (http\\S+)").matcher(output);
            assertThat(log.find()).as("the delivery log of %s is printed", owner.getKey()).isTrue();
            HttpResponse<String> deliveries = get(log.group(1), owner.getValue());
            assertThat(deliveries.statusCode()).as(deliveries.body()).isEqualTo(200);
            List<?> items = (List<?>) ((Map<?, ?>) Json.parse(deliveries.body())).get("items");
            assertThat(items).hasSizeGreaterThanOrEqualTo(4);
            for (Object item : items.subList(0, 4)) {
                Map<?, ?> delivery = (Map<?, ?>) item;
                assertThat(delivery.get("state")).as(deliveries.body()).isEqualTo("DELIVERED");
                List<?> attempts = (List<?>) delivery.get("attempts");
                assertThat(((Map<?, ?>) attempts.get(attempts.size() - 1)).get("statusCode")).isEqualTo(204L);
            }
        }
    }

    /** The certificate, asked for again while no signed checkpoint covers the retirement yet (409, for seconds). */
    private HttpResponse<String> awaitCertificate(String url, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> answer = get(url, token);
        while (answer.statusCode() == 409 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            answer = get(url, token);
        }
        return answer;
    }

    @AfterEach
    void killWhatIsLeft() {
        if (launcher != null && launcher.isAlive()) {
            started.addAll(launcher.descendants().toList());
            launcher.destroyForcibly();
        }
        started.forEach(ProcessHandle::destroyForcibly);
    }




    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> tokens(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    /** The database and role of every session on the stack's databases, once each. */
    private static List<String> sessions(int port) throws SQLException {
        return strings(port, "postgres", "SELECT DISTINCT datname || ' ' || usename FROM pg_stat_activity"
                + " WHERE datname IN ('registry', 'settlement')");
    }

    /** The roles that ran a database's migrations. */
    private static List<String> migratedBy(int port, String database) throws SQLException {
        return strings(port, database, "SELECT DISTINCT installed_by FROM flyway_schema_history");
    }

    private static List<String> strings(int port, String database, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database,
                "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
    }

    private static boolean awaitStopped(ProcessHandle process, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (Leftovers.isRunning(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}

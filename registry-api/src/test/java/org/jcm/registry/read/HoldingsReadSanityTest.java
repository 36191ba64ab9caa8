package org.jcm.registry.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A sanity measurement of holdings reads for an account with 1,000 live blocks: the latency of
 * {@code GET /accounts/{id}/holdings} at a fixed arrival rate (open loop, so a slow answer does not
 * hold back the next request), and the query alone in PostgreSQL. Not a benchmark and never an
 * assertion on time: run it with {@code -Djcm.perf=true} and read the log; figures go to
 * {@code docs/performance.md}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "jcm.perf", matches = "true")
class HoldingsReadSanityTest {

    private static final Logger LOG = Logger.getLogger(HoldingsReadSanityTest.class);
    private static final int VINTAGE = 2074;
    private static final int BLOCKS = 1000;

    @Test
    void holdings_of_an_account_with_1000_blocks_at_a_fixed_rate() throws Exception {
        LedgerApi.registry("MNG01");
        String[] x = LedgerApi.openHolder("MNG01");
        String[] y = LedgerApi.openHolder("MNG01");
        String project = LedgerApi.project("MN", List.of(x[0]));
        LedgerApi.issue("MNG01", project, VINTAGE, List.of(x[1]), List.of(2L * BLOCKS));
        // Moving every second unit away leaves the account with 1,000 one-unit blocks.
        List<String> evenUnits = new ArrayList<>();
        for (int unit = 2; unit <= 2 * BLOCKS; unit += 2) {
            evenUnits.add("JCM-" + project + "-" + VINTAGE + "-" + unit + "-" + unit);
        }
        LedgerApi.created(TestTokens.accountHolder(x[0]), "/api/v1/transfers",
                Map.of("fromAccountId", x[1], "toAccountId", y[1], "quantity", BLOCKS, "serialRanges", evenUnits));
        String token = TestTokens.accountHolder(x[0]);
        String path = "/api/v1/accounts/" + x[1] + "/holdings";
        List<String> all = RestAssured.given().auth().oauth2(token).queryParam("limit", 1000).when().get(path).then()
                .statusCode(200).extract().path("items.serial");
        assertThat(all).hasSize(BLOCKS);

        try (Connection c = LedgerProbe.connect(); Statement s = c.createStatement()) {
            // As autovacuum would soon: the plan for an account of 1,000 blocks, not for an empty table.
            s.execute("ANALYZE block");
        }
        logQueryPlan(x[1]);
        for (int limit : new int[] {100, 1000}) {
            serviceTime(path + "?limit=" + limit, token, 200);
            long[] l = serviceTime(path + "?limit=" + limit, token, Integer.getInteger("jcm.perf.sequential", 1000));
            LOG.infof("holdings limit=%d one at a time: %d reads, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                    limit, l.length, millis(l, 0.50), millis(l, 0.90), millis(l, 0.99), millis(l, 1.0));
        }
        int seconds = Integer.getInteger("jcm.perf.seconds", 20);
        for (String rateText : System.getProperty("jcm.perf.rates", "100,500").split(",")) {
            int rate = Integer.parseInt(rateText.trim());
            for (int limit : new int[] {100, 1000}) {
                measure(path + "?limit=" + limit, token, rate, 3);
                Result result = measure(path + "?limit=" + limit, token, rate, seconds);
                long[] l = result.latencies();
                LOG.infof("holdings limit=%d at %d/s for %d s: %d answered, %d failed or timed out; p50 %.2f ms, "
                        + "p90 %.2f ms, p99 %.2f ms, max %.2f ms", limit, rate, seconds, l.length, result.failures(),
                        millis(l, 0.50), millis(l, 0.90), millis(l, 0.99), millis(l, 1.0));
            }
        }
    }

    /** Latencies of the answered reads, sorted, and how many failed or timed out. */
    private record Result(long[] latencies, int failures) {
    }

    /** Sends GETs one after the other: the time one read takes when nothing waits before it. */
    private static long[] serviceTime(String path, String token, int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latencies[i] = System.nanoTime() - start;
            assertThat(response.statusCode()).isEqualTo(200);
        }
        Arrays.sort(latencies);
        return latencies;
    }

    /** Sends GETs at a fixed rate for a while; each latency counts from the request's planned start. */
    private static Result measure(String path, String token, int rate, int seconds) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(8);
        HttpClient client = HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
        int total = rate * seconds;
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<Void>> pending = new ArrayList<>(total);
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long planned = start + i * intervalNanos;
            long wait = planned - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int n = i;
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
                if (failure == null && response.statusCode() == 200) {
                    latencies[n] = System.nanoTime() - planned;
                } else {
                    failures.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        executor.shutdownNow();
        long[] answered = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        return new Result(answered, failures.get());
    }

    private static void logQueryPlan(String accountId) throws Exception {
        try (Connection c = LedgerProbe.connect(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) SELECT b.*, p.cooperative_approach_id"
                        + " FROM block b JOIN party p ON p.code = b.host_party WHERE b.account_id = '" + accountId + "'"
                        + " ORDER BY b.vintage, b.project_id, b.first_unit LIMIT 1001")) {
            StringBuilder plan = new StringBuilder();
            while (rows.next()) {
                plan.append('\n').append(rows.getString(1));
            }
            LOG.infof("holdings query plan for 1,000 blocks:%s", plan);
        }
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1_000_000.0;
    }
}

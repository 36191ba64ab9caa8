package org.jcm.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.C;
import static org.jcm.settlement.testing.TestLedger.trade;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.settlement.testing.TestTrades;
import org.junit.jupiter.api.Test;

/**
 * A server-sent events client receives each settled trade and the bar updates it causes, whether
 * the trade settles when its delivery is applied or when it is registered after it. Owns vintage 2035.
 */
@QuarkusTest
class StreamTest {

    @TestHTTPResource("/api/v1/feeds/stream")
    URI stream;

    @Test
    void an_sse_client_receives_settled_trades_and_their_bar_updates() throws Exception {
        TestLedger ledger = TestLedger.get();
        Instant at = Instant.parse("2025-10-01T10:00:00Z");
        ledger.issue(at, 2035, C, 100);
        Await.caughtUp();

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> open = response.get(30, TimeUnit.SECONDS);
        assertThat(open.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> open.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            awaitLine(lines, "event:hello");

            TestTrades.registerOn(at, TestTrades.trade("SSEX", "SS-1", C, A, "JCM-MNG-2035-NONE", 12, "42.00", "JPY",
                    at.plusSeconds(3600)));
            ledger.transfer(at.plusSeconds(30), C, A, 12, 2035, trade("SSEX", "SS-1", "42.00", "JPY"));

            String trade = awaitLine(lines, "\"tradeId\":\"SS-1\"");
            assertThat(trade).contains("\"instrument\":\"JCM-MNG-2035-NONE\"").contains("\"pricePerTonne\":\"42.00\"")
                    .contains("\"quantity\":12");
            String bar = awaitLine(lines, "\"interval\":\"1m\"");
            assertThat(bar).contains("\"instrument\":\"JCM-MNG-2035-NONE\"").contains("\"close\":\"42.00\"")
                    .contains("\"vwap\":\"42.0000\"").contains("\"volume\":12");

            // Delivered first (the transfer's own price is not the venue's), registered afterwards.
            long seq = ledger.transfer(at.plusSeconds(150), C, A, 5, 2035, trade("SSEX", "SS-2", "1.00", "JPY"))
                    .get(0).seq();
            Await.applied(seq);
            TestTrades.registerOn(at, TestTrades.trade("SSEX", "SS-2", C, A, "JCM-MNG-2035-NONE", 5, "43.00", "JPY",
                    at.plusSeconds(3600))).body("status", org.hamcrest.Matchers.equalTo("SETTLED"));
            String late = awaitLine(lines, "\"tradeId\":\"SS-2\"");
            assertThat(late).contains("\"seq\":" + seq).contains("\"pricePerTonne\":\"43.00\"");
            String bar2 = awaitLine(lines, "\"close\":\"43.00\"");
            assertThat(bar2).contains("\"instrument\":\"JCM-MNG-2035-NONE\"");
        } finally {
            open.body().close();
        }
    }

    /** The first line containing {@code text}, waiting up to 30 seconds. */
    private static String awaitLine(BlockingQueue<String> lines, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("no line containing " + text + " within 30 seconds");
    }
}

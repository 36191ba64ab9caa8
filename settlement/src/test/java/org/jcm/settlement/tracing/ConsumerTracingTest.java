package org.jcm.settlement.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.C;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestClock;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tests that the ledger consumer continues the registry's trace (docs/operations.md, "Tracing"): an
 * entry whose record carries a {@code traceparent} is applied in a consumer span of that trace, with
 * the trade it decided as a child span, and a malformed header is ignored. Owns vintage 2061 and
 * 2025-12-15.
 */
@QuarkusTest
@TestProfile(ConsumerTracingTest.Tracing.class)
class ConsumerTracingTest {

    /** Tracing on, spans kept in memory ({@link SpanCapture}) rather than sent over OTLP. */
    public static class Tracing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.exporter.otlp.enabled", "false",
                    "quarkus.otel.bsp.schedule.delay", "PT0.05S");
        }
    }

    private static final String VENUE = "TRCX";
    private static final int VINTAGE = 2061;
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";
    private static final AttributeKey<Long> SEQ = AttributeKey.longKey("jcm.ledger.seq");

    @Inject
    InMemorySpanExporter spans;

    @AfterEach
    void resetTheClock() {
        TestClock.reset();
    }

    @Test
    void a_traced_entry_is_applied_in_a_consumer_span_of_its_trace_with_the_trade_decision_as_child() {
        TestClock.set(at("09:00:00"));
        TestLedger.get().issue(at("08:00:00"), VINTAGE, C, 100);
        Await.caughtUp();
        register("TR-1", 60);
        long seq = transfer("10:00:00", "TR-1", 60, "00-" + TRACE + "-" + PARENT + "-01");

        SpanData consumer = awaitSpan("kafka process", s -> s.getAttributes().get(SEQ) == seq);
        assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumer.getTraceId()).isEqualTo(TRACE);
        assertThat(consumer.getParentSpanId()).isEqualTo(PARENT);
        assertThat(consumer.getParentSpanContext().isRemote()).isTrue();
        SpanData decision = awaitSpan("trade.decision", s -> s.getParentSpanId().equals(consumer.getSpanId()));
        assertThat(decision.getTraceId()).isEqualTo(TRACE);
        assertThat(decision.getAttributes().get(AttributeKey.stringKey("jcm.trade.id"))).isEqualTo("TR-1");
        assertThat(decision.getAttributes().get(AttributeKey.stringKey("jcm.trade.status"))).isEqualTo("SETTLED");
    }

    @Test
    void a_malformed_traceparent_is_ignored_and_its_entry_applied_without_a_span() {
        TestClock.set(at("11:00:00"));
        TestLedger.get().issue(at("10:30:00"), VINTAGE, C, 100);
        Await.caughtUp();
        register("TR-2", 10);
        register("TR-3", 10);
        long malformed = transfer("11:10:00", "TR-2", 10, "00-" + TRACE.toUpperCase() + "-" + PARENT + "-01" + "0".repeat(600));
        String after = "0af7651916cd43dd8448eb211c80319c";
        long traced = transfer("11:20:00", "TR-3", 10, "00-" + after + "-" + PARENT + "-01");

        // Entries are applied and their spans exported in order: once the later one's span is there,
        // the malformed one's would be too.
        SpanData later = awaitSpan("kafka process", s -> s.getAttributes().get(SEQ) == traced);
        assertThat(later.getTraceId()).isEqualTo(after);
        assertThat(spans.getFinishedSpanItems()).noneMatch(s -> Long.valueOf(malformed).equals(s.getAttributes().get(SEQ)));
        given().auth().oauth2(TestTokens.exchange(VENUE)).when().get("/api/v1/trades/" + VENUE + "/TR-2").then()
                .statusCode(200).body("ledgerSeq", org.hamcrest.Matchers.equalTo((int) malformed));
    }

    private static Instant at(String time) {
        return Instant.parse("2025-12-15T" + time + "Z");
    }

    private static void register(String tradeId, long quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tradeId", tradeId);
        body.put("venue", VENUE);
        body.put("sellerAccountId", C.value());
        body.put("buyerAccountId", A.value());
        body.put("instrument", "JCM-MNG-" + VINTAGE + "-NONE");
        body.put("quantity", quantity);
        body.put("pricePerTonne", "1500.00");
        body.put("currency", "JPY");
        body.put("deliverBy", "2025-12-15T18:00:00Z");
        given().auth().oauth2(TestTokens.exchange(VENUE)).header("Idempotency-Key", "trace-" + tradeId)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/trades").then().statusCode(201);
    }

    private static long transfer(String time, String tradeId, long quantity, String traceparent) {
        long seq = TestLedger.get().transfer(at(time), C, A, quantity, VINTAGE,
                TestLedger.trade(VENUE, tradeId, "1500.00", "JPY"), Map.of("traceparent", traceparent)).get(0).seq();
        Await.applied(seq);
        return seq;
    }

    private SpanData awaitSpan(String name, Predicate<SpanData> matching) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name) && matching.test(s)).findFirst(), Optional::isPresent).get();
    }
}

package org.jcm.registry.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.registry.testing.LedgerProbe;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests that one request's trace reaches from its HTTP span through the writer into the Kafka
 * record (docs/operations.md, "Tracing"), and that a client's {@code traceparent}, being untrusted,
 * can only ever become a parent: malformed or oversized values are ignored, never refused, and
 * nothing unbounded is stored.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
class TracingTest {

    private static final String CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";
    private static final AttributeKey<Long> SEQ = AttributeKey.longKey("jcm.ledger.seq");
    private static final AttributeKey<Long> FIRST_SEQ = AttributeKey.longKey("jcm.ledger.first_seq");
    private static final AttributeKey<Long> LAST_SEQ = AttributeKey.longKey("jcm.ledger.last_seq");

    @Inject
    InMemorySpanExporter spans;

    private String[] seller;
    private String[] buyer;

    @BeforeEach
    void world() {
        LedgerApi.registry("MNG01");
        LedgerApi.registry("JPN01");
        seller = LedgerApi.openHolder("MNG01");
        buyer = LedgerApi.openHolder("JPN01");
        String project = LedgerApi.project("MN", List.of(seller[0]));
        LedgerApi.issue("MNG01", project, 2024, List.of(seller[1]), List.of(100L));
        spans.reset();
    }

    @Test
    void a_transfer_is_one_trace_from_the_http_span_through_the_batch_to_the_kafka_record() {
        transfer(Map.of("traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01"));

        SpanData server = await().atMost(Duration.ofSeconds(30)).until(() -> serverSpan(CLIENT_TRACE), Optional::isPresent).get();
        assertThat(server.getParentSpanId()).isEqualTo(CLIENT_SPAN);
        SpanData submission = awaitSpan("ledger.submission", s -> s.getParentSpanId().equals(server.getSpanId()));
        assertThat(submission.getTraceId()).isEqualTo(CLIENT_TRACE);
        SpanData batch = awaitSpan("ledger.batch", s -> linksTo(s, server));
        assertThat(submission.getLinks()).extracting(l -> l.getSpanContext().getSpanId()).contains(batch.getSpanId());

        long seq = LedgerProbe.longValue("SELECT max(seq) FROM ledger_event WHERE traceparent LIKE '00-" + CLIENT_TRACE + "-%'");
        assertThat(batch.getAttributes().get(FIRST_SEQ)).isLessThanOrEqualTo(seq);
        assertThat(batch.getAttributes().get(LAST_SEQ)).isGreaterThanOrEqualTo(seq);
        assertThat(LedgerProbe.strings("SELECT traceparent FROM ledger_event WHERE seq = " + seq))
                .containsExactly("00-" + CLIENT_TRACE + "-" + submission.getSpanId() + "-01");

        SpanData publish = awaitSpan("kafka publish", s -> seq == s.getAttributes().get(SEQ));
        assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(publish.getTraceId()).isEqualTo(CLIENT_TRACE);
        assertThat(publish.getParentSpanId()).isEqualTo(submission.getSpanId());
        ConsumerRecord<String, byte[]> record = record(seq);
        assertThat(header(record, "traceparent")).isEqualTo("00-" + CLIENT_TRACE + "-" + publish.getSpanId() + "-01");
        // Transport metadata only: the entry (and the hash chain over it) carries nothing of the trace.
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(CLIENT_TRACE);
        assertThat(LedgerProbe.verify()).isEmpty();
    }

    @Test
    void a_malformed_traceparent_is_ignored_and_the_request_gets_a_trace_of_its_own() {
        String malformed = "00-" + CLIENT_TRACE.toUpperCase() + "-" + CLIENT_SPAN + "-zz";
        transfer(Map.of("traceparent", malformed));

        SpanData server = awaitSpan("POST /api/v1/transfers", s -> s.getKind() == SpanKind.SERVER);
        assertThat(server.getTraceId()).isNotEqualTo(CLIENT_TRACE.toUpperCase()).isNotEqualTo(CLIENT_TRACE);
        assertThat(server.getParentSpanContext().isValid()).isFalse();
        assertThat(storedTrace(server.getTraceId())).allSatisfy(t -> assertThat(t).hasSize(55));
        assertThat(storedTrace(server.getTraceId())).isNotEmpty();
    }

    @Test
    void an_oversized_traceparent_is_ignored_and_an_oversized_tracestate_is_not_stored() {
        String oversized = "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01" + "-0".repeat(2000);
        transfer(Map.of("traceparent", oversized));
        SpanData server = awaitSpan("POST /api/v1/transfers", s -> s.getKind() == SpanKind.SERVER);
        assertThat(server.getTraceId()).isNotEqualTo(CLIENT_TRACE);
        assertThat(storedTrace(server.getTraceId())).isNotEmpty();

        spans.reset();
        String otherTrace = "0af7651916cd43dd8448eb211c80319c";
        StringBuilder state = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            state.append(i == 0 ? "" : ",").append("vendor").append(i).append('=').append("v".repeat(100));
        }
        transfer(Map.of("traceparent", "00-" + otherTrace + "-" + CLIENT_SPAN + "-01", "tracestate", state.toString()));
        SpanData traced = awaitSpan("POST /api/v1/transfers", s -> s.getTraceId().equals(otherTrace));
        assertThat(traced.getSpanContext().getTraceState().size()).isEqualTo(20);
        assertThat(storedTrace(otherTrace)).isNotEmpty();
        assertThat(LedgerProbe.strings("SELECT coalesce(tracestate, 'none') FROM ledger_event WHERE traceparent LIKE '00-"
                + otherTrace + "-%'")).containsOnly("none");
    }

    private void transfer(Map<String, String> headers) {
        LedgerApi.as(TestTokens.accountHolder(seller[0])).headers(headers).body(LedgerApi.transfer(seller[1], buyer[1], 1))
                .when().post("/api/v1/transfers").then().statusCode(201);
    }

    private List<String> storedTrace(String traceId) {
        return LedgerProbe.strings("SELECT traceparent FROM ledger_event WHERE traceparent LIKE '00-" + traceId + "-%'");
    }

    private Optional<SpanData> serverSpan(String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId)).findFirst();
    }

    private SpanData awaitSpan(String name, java.util.function.Predicate<SpanData> matching) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name) && matching.test(s)).findFirst(), Optional::isPresent).get();
    }

    private static boolean linksTo(SpanData span, SpanData target) {
        for (LinkData link : span.getLinks()) {
            if (link.getSpanContext().getSpanId().equals(target.getSpanId())
                    && link.getSpanContext().getTraceId().equals(target.getTraceId())) {
                return true;
            }
        }
        return false;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    /** The record of {@code seq} on the profile's topic, read from the start. */
    private static ConsumerRecord<String, byte[]> record(long seq) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(TracingProfile.TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            return await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (String.valueOf(seq).equals(header(r, "seq"))) {
                        return r;
                    }
                }
                return null;
            }, r -> r != null);
        }
    }
}

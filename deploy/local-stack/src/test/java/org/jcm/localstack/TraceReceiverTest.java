package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.jcm.ledger.canonical.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReceiverTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String HTTP_SPAN = "00f067aa0ba902b7";
    private static final String SUBMISSION = "1111111111111111";
    private static final String CONSUMER = "2222222222222222";

    private final HttpClient http = HttpClient.newHttpClient();
    private TraceReceiver receiver;

    @Test
    void spans_exported_by_two_services_become_one_trace_as_json_lines_and_a_tree(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("logs/traces.jsonl");
        receiver = TraceReceiver.start(0, file);

        assertThat(post(export("registry-api", span(HTTP_SPAN, "", "POST /api/v1/transfers", 0, 9_000_000),
                span(SUBMISSION, HTTP_SPAN, "ledger.submission", 1_000_000, 8_000_000)), false).statusCode()).isEqualTo(200);
        assertThat(post(export("settlement", span(CONSUMER, SUBMISSION, "kafka process", 12_000_000, 15_000_000)), true)
                .statusCode()).isEqualTo(200);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> consumer = (Map<String, Object>) Json.parse(lines.get(2));
        assertThat(consumer).containsEntry("traceId", TRACE).containsEntry("spanId", CONSUMER)
                .containsEntry("parentId", SUBMISSION).containsEntry("service", "settlement")
                .containsEntry("name", "kafka process").containsEntry("kind", "CONSUMER").containsEntry("durationMs", "3.000");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) consumer.get("attributes");
        assertThat(attributes).containsEntry("jcm.ledger.seq", "42");

        String tree = get("/traces/" + TRACE).body();
        assertThat(tree).containsSubsequence(
                "- registry-api POST /api/v1/transfers [consumer] +0.0 ms, 9.0 ms",
                "  - registry-api ledger.submission [consumer] +1.0 ms, 7.0 ms",
                "    - settlement kafka process [consumer] +12.0 ms, 3.0 ms");
        assertThat(get("/traces").body()).contains(TRACE + "      3", "registry-api,settlement",
                "registry-api POST /api/v1/transfers");
    }

    @Test
    void a_body_that_is_not_an_export_is_refused_and_an_unknown_trace_is_404(@TempDir Path folder) throws Exception {
        receiver = TraceReceiver.start(0, folder.resolve("traces.jsonl"));

        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, 0x01, 0x02})).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(get("/traces/" + TRACE).statusCode()).isEqualTo(404);
        assertThat(folder.resolve("traces.jsonl")).doesNotExist();
    }

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private HttpResponse<String> post(ExportTraceServiceRequest request, boolean gzip) throws Exception {
        byte[] body = request.toByteArray();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(receiver.endpoint() + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf");
        if (gzip) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
                out.write(body);
            }
            body = zipped.toByteArray();
            builder.header("Content-Encoding", "gzip");
        }
        return http.send(builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(receiver.endpoint() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ExportTraceServiceRequest export(String service, Span... spans) {
        Resource resource = Resource.newBuilder().addAttributes(attribute("service.name", service)).build();
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder().setResource(resource)
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans)))).build();
    }

    private static Span span(String id, String parent, String name, long startNanos, long endNanos) {
        long base = 1_765_000_000_000_000_000L;
        return Span.newBuilder().setTraceId(bytes(TRACE)).setSpanId(bytes(id)).setParentSpanId(bytes(parent))
                .setName(name).setKind(Span.SpanKind.SPAN_KIND_CONSUMER)
                .setStartTimeUnixNano(base + startNanos).setEndTimeUnixNano(base + endNanos)
                .addAttributes(attribute("jcm.ledger.seq", 42)).build();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private static KeyValue attribute(String key, long value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
    }

    private static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }
}

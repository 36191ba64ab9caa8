package org.jcm.localstack;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.jcm.ledger.canonical.Json;

/**
 * The local stack's trace collector (docs/local-stack.md, "Traces"): an OTLP/HTTP endpoint
 * ({@code POST /v1/traces}, protobuf, as the services' OpenTelemetry exporter sends it) on the
 * loopback interface, inside the launcher. It appends every span as one JSON line to
 * {@code <data>/logs/traces.jsonl} and keeps the last {@value #KEPT_TRACES} traces in memory, which
 * {@code GET /traces} lists and {@code GET /traces/<trace id>} prints as an indented tree: one
 * request from its HTTP span through the writer and Kafka into settlement.
 */
final class TraceReceiver implements AutoCloseable {

    static final String OTLP_PATH = "/v1/traces";
    static final String VIEW_PATH = "/traces";
    static final int KEPT_TRACES = 500;
    /** An export larger than this is refused (413); the exporter sends batches of at most 512 spans. */
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    /**
     * One span as received.
     *
     * @param links the span ids ({@code traceId/spanId}) this span links to
     */
    record Span(String traceId, String spanId, String parentId, String service, String name, String kind,
                long startNanos, long endNanos, Map<String, String> attributes, List<String> links) {

        double millis() {
            return (endNanos - startNanos) / 1e6;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path file;
    private final Map<String, List<Span>> traces = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Span>> eldest) {
            return size() > KEPT_TRACES;
        }
    };

    private TraceReceiver(HttpServer server, ExecutorService executor, Path file) {
        this.server = server;
        this.executor = executor;
        this.file = file;
    }

    /** Starts the receiver on {@code port} of the loopback interface, appending spans to {@code file}. */
    static TraceReceiver start(int port, Path file) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "trace-receiver");
                thread.setDaemon(true);
                return thread;
            });
            TraceReceiver receiver = new TraceReceiver(server, executor, file);
            server.createContext(OTLP_PATH, receiver::export);
            server.createContext(VIEW_PATH, receiver::view);
            // An exporter configured with the bare endpoint posts to its root: the same export.
            server.createContext("/", exchange -> {
                if ("/".equals(exchange.getRequestURI().getPath())) {
                    receiver.export(exchange);
                } else {
                    try (exchange) {
                        exchange.sendResponseHeaders(404, -1);
                    }
                }
            });
            server.setExecutor(executor);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new StackException(StackException.START_FAILED, "Cannot start the trace receiver on port " + port
                    + ": " + e.getMessage(), e);
        }
    }

    /** Where the services send their spans (OTLP over HTTP with protobuf): the base URL, without the path. */
    String endpoint() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** The spans of one trace received so far, in the order they arrived. */
    synchronized List<Span> trace(String traceId) {
        return List.copyOf(traces.getOrDefault(traceId, List.of()));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = body(exchange);
            if (body == null) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (InvalidProtocolBufferException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            keep(spans(request));
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    /** The request body, gunzipped if it says so; null if it is larger than {@link #MAX_BODY}. */
    private static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream raw = exchange.getRequestBody();
             InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                     ? new GZIPInputStream(raw) : raw) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }

    static List<Span> spans(ExportTraceServiceRequest request) {
        List<Span> spans = new ArrayList<>();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = attributes(resource.getResource().getAttributesList()).getOrDefault("service.name", "?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                    List<String> links = span.getLinksList().stream()
                            .map(link -> hex(link.getTraceId().toByteArray()) + "/" + hex(link.getSpanId().toByteArray()))
                            .toList();
                    spans.add(new Span(hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
                            hex(span.getParentSpanId().toByteArray()), service, span.getName(),
                            span.getKind().name().replace("SPAN_KIND_", ""), span.getStartTimeUnixNano(),
                            span.getEndTimeUnixNano(), attributes(span.getAttributesList()), links));
                }
            }
        }
        return spans;
    }

    private static Map<String, String> attributes(List<KeyValue> values) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (KeyValue value : values) {
            attributes.put(value.getKey(), text(value.getValue()));
        }
        return attributes;
    }

    private static String text(AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE:
                return value.getStringValue();
            case INT_VALUE:
                return Long.toString(value.getIntValue());
            case BOOL_VALUE:
                return Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE:
                return Double.toString(value.getDoubleValue());
            default:
                return value.toString().trim();
        }
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private void keep(List<Span> spans) {
        StringBuilder lines = new StringBuilder();
        synchronized (this) {
            for (Span span : spans) {
                traces.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
                lines.append(json(span)).append('\n');
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static String json(Span span) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("traceId", span.traceId());
        line.put("spanId", span.spanId());
        line.put("parentId", span.parentId());
        line.put("service", span.service());
        line.put("name", span.name());
        line.put("kind", span.kind());
        line.put("startUnixNanos", Long.toString(span.startNanos()));
        line.put("durationMs", String.format(java.util.Locale.ROOT, "%.3f", span.millis()));
        line.put("attributes", new LinkedHashMap<>(span.attributes()));
        line.put("links", new ArrayList<>(span.links()));
        return Json.write(line);
    }

    private void view(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rest = exchange.getRequestURI().getPath().substring(VIEW_PATH.length());
            String text;
            int status = 200;
            if (rest.isEmpty() || rest.equals("/")) {
                text = TraceView.list(snapshot());
            } else {
                List<Span> trace = trace(rest.substring(1));
                status = trace.isEmpty() ? 404 : 200;
                text = trace.isEmpty() ? "No trace " + rest.substring(1) + " (yet).\n" : TraceView.tree(trace);
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private synchronized Map<String, List<Span>> snapshot() {
        Map<String, List<Span>> copy = new LinkedHashMap<>();
        traces.forEach((id, spans) -> copy.put(id, List.copyOf(spans)));
        return copy;
    }
}

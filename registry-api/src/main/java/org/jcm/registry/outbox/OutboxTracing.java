package org.jcm.registry.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.jcm.registry.write.TraceHeaders;

/**
 * The outbox's spans (docs/operations.md, "Tracing"): an event written for a traced request is
 * sent in a {@code kafka publish} producer span, a child of the trace context stored with the event,
 * and the record carries that span's {@code traceparent} (and {@code tracestate}) as headers, so the
 * consumer's span continues the request's trace. Events without a stored context get neither span
 * nor headers. Publisher thread only.
 */
final class OutboxTracing {

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<Long> SEQ = AttributeKey.longKey("jcm.ledger.seq");

    private final Tracer tracer;
    private final String topic;

    OutboxTracing(OpenTelemetry openTelemetry, String topic) {
        this.tracer = openTelemetry.getTracer("org.jcm.registry.outbox");
        this.topic = topic;
    }

    /**
     * Starts the producer span of an event with a stored trace context and adds the headers of the
     * span (or, with tracing off, of the stored context itself) to its record.
     */
    Span publishing(OutboxDatabase.Pending event, Headers headers) {
        Span span = tracer.spanBuilder("kafka publish").setParent(event.trace().context()).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, topic).setAttribute(OPERATION, "publish")
                .setAttribute(SEQ, event.seq()).startSpan();
        TraceHeaders sent = TraceHeaders.of(span.getSpanContext());
        if (sent == null) {
            sent = event.trace();
        }
        headers.add(TraceHeaders.TRACEPARENT, sent.traceparent().getBytes(StandardCharsets.US_ASCII));
        if (sent.tracestate() != null) {
            headers.add(TraceHeaders.TRACESTATE, sent.tracestate().getBytes(StandardCharsets.US_ASCII));
        }
        return span;
    }

    /** The transaction committed: the spans end. */
    static void ended(List<Span> spans) {
        for (Span span : spans) {
            span.end();
        }
    }

    /** The transaction failed: the spans end with an error (the events are sent again later, in new spans). */
    static void failed(List<Span> spans, RuntimeException e) {
        for (Span span : spans) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            span.end();
        }
    }
}

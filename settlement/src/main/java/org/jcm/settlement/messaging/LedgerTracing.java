package org.jcm.settlement.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jcm.settlement.persistence.AppliedBatch;
import org.jcm.settlement.trade.RegisteredTrade;

/**
 * The consumer's spans (docs/operations.md, "Tracing"). A ledger entry whose record carries a W3C
 * {@code traceparent} header (the registry's outbox sends the one of the request that caused it) is
 * applied in a {@code kafka process} consumer span whose parent is that remote context, from the
 * poll that read it until the transaction that applied it committed; each trade it decided (settled,
 * mismatched, failed) gets a {@code trade.decision} child span. Entries without the header get no
 * span. The header is only ever a parent: a malformed one is ignored by the W3C propagator, and
 * nothing of it is stored.
 */
final class LedgerTracing {

    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    static final AttributeKey<Long> SEQ = AttributeKey.longKey("jcm.ledger.seq");
    static final AttributeKey<String> VENUE = AttributeKey.stringKey("jcm.trade.venue");
    static final AttributeKey<String> TRADE_ID = AttributeKey.stringKey("jcm.trade.id");
    static final AttributeKey<String> STATUS = AttributeKey.stringKey("jcm.trade.status");

    /** Longest header value read; a valid {@code traceparent} has 55 characters, a {@code tracestate} W3C keeps to 512. */
    private static final int MAX_HEADER = 512;
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            return () -> java.util.Arrays.stream(carrier.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            if (header == null || header.value() == null || header.value().length > MAX_HEADER) {
                return null;
            }
            return new String(header.value(), StandardCharsets.US_ASCII);
        }
    };

    private final Tracer tracer;

    LedgerTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.jcm.settlement.messaging");
    }

    /** Starts a consumer span, by seq, for each record of {@code fromSeq..toSeq} that carries a valid trace context. */
    Map<Long, Span> received(List<ConsumerRecord<String, byte[]>> records, long fromSeq, long toSeq) {
        Map<Long, Span> spans = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            long seq = EntryDecoder.headerSeq(record.headers());
            if (seq < fromSeq || seq > toSeq || spans.containsKey(seq)) {
                continue;
            }
            Context remote = W3CTraceContextPropagator.getInstance().extract(Context.root(), record.headers(), HEADERS);
            if (!Span.fromContext(remote).getSpanContext().isValid()) {
                continue;
            }
            spans.put(seq, tracer.spanBuilder("kafka process").setParent(remote).setSpanKind(SpanKind.CONSUMER)
                    .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, record.topic())
                    .setAttribute(OPERATION, "process").setAttribute(OFFSET, record.offset()).setAttribute(SEQ, seq)
                    .startSpan());
        }
        return spans;
    }

    /** Runs a batch's commit, ending the spans of its traced entries once it committed or failed. */
    void applying(Map<Long, Span> spans, Supplier<AppliedBatch> commit) {
        AppliedBatch applied;
        try {
            applied = commit.get();
        } catch (RuntimeException | Error e) {
            failed(spans, e);
            throw e;
        }
        applied(spans, applied);
    }

    /** The batch committed: a child span per trade decided by a traced entry, then the entries' spans end. */
    private void applied(Map<Long, Span> spans, AppliedBatch applied) {
        if (applied != null) {
            for (RegisteredTrade trade : applied.tradesChanged()) {
                Span entry = spans.get(trade.statusSeq());
                if (entry != null) {
                    tracer.spanBuilder("trade.decision").setParent(Context.root().with(entry))
                            .setAttribute(VENUE, trade.key().venue()).setAttribute(TRADE_ID, trade.key().tradeId())
                            .setAttribute(STATUS, trade.status().name()).setAttribute(SEQ, trade.statusSeq())
                            .startSpan().end();
                }
            }
        }
        spans.values().forEach(Span::end);
    }

    /** The batch failed to commit: the entries' spans end with the error (they are applied again later, in new spans). */
    private static void failed(Map<Long, Span> spans, Throwable e) {
        for (Span span : spans.values()) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            span.end();
        }
    }
}

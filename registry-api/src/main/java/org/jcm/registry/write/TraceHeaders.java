package org.jcm.registry.write;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) of the request that caused a
 * ledger event, kept with the event as transport metadata (never part of its hashed content) and
 * sent with it as Kafka record headers (docs/operations.md, "Tracing").
 *
 * <p>Its origin is a client header, so it is untrusted: only a well-formed version-00
 * {@code traceparent} with non-zero ids is kept, and a {@code tracestate} only if it is printable
 * ASCII of at most {@link #MAX_TRACESTATE} characters; anything else is dropped, never refused.
 *
 * @param traceparent the {@code traceparent} value, 55 characters
 * @param tracestate the {@code tracestate} value, or null
 */
public record TraceHeaders(String traceparent, String tracestate) {

    /** The header and column names. */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** Length of a version-00 {@code traceparent}. */
    public static final int TRACEPARENT_LENGTH = 55;
    /** The longest {@code tracestate} kept (the length W3C asks every vendor to propagate). */
    public static final int MAX_TRACESTATE = 512;

    private static final Pattern VALID_TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern VALID_TRACESTATE = Pattern.compile("[\\x20-\\x7e]*");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The headers of a span context, or null when it is not valid (no trace, as when tracing is off). */
    public static TraceHeaders of(SpanContext span) {
        if (span == null || !span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(Span.wrap(span)), carrier, Map::put);
        return validated(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /**
     * The headers if {@code traceparent} is well formed (else null); {@code tracestate} is kept only
     * if it is short, printable and not blank.
     */
    public static TraceHeaders validated(String traceparent, String tracestate) {
        if (traceparent == null || traceparent.length() != TRACEPARENT_LENGTH
                || !VALID_TRACEPARENT.matcher(traceparent).matches()
                || traceparent.startsWith(ZERO_TRACE, 3) || traceparent.startsWith(ZERO_SPAN, 36)) {
            return null;
        }
        boolean keepState = tracestate != null && !tracestate.isBlank() && tracestate.length() <= MAX_TRACESTATE
                && VALID_TRACESTATE.matcher(tracestate).matches();
        return new TraceHeaders(traceparent, keepState ? tracestate : null);
    }

    /** The remote context these headers describe, as a parent for spans of another thread or process. */
    public Context context() {
        Map<String, String> carrier = new HashMap<>(2);
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, GETTER);
    }
}

package org.jcm.registry.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;

/** Tests what of a (client-supplied) trace context is kept beside an event: well-formed and bounded only. */
class TraceHeadersTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";
    private static final String VALID = "00-" + TRACE + "-" + SPAN + "-01";

    @Test
    void a_well_formed_traceparent_is_kept_with_a_short_printable_tracestate() {
        assertThat(TraceHeaders.validated(VALID, "congo=t61rcWkgMzE")).isEqualTo(new TraceHeaders(VALID, "congo=t61rcWkgMzE"));
        assertThat(TraceHeaders.validated(VALID, null)).isEqualTo(new TraceHeaders(VALID, null));
    }

    @Test
    void a_malformed_or_oversized_traceparent_is_dropped() {
        assertThat(TraceHeaders.validated(null, "a=b")).isNull();
        assertThat(TraceHeaders.validated(VALID.toUpperCase(), null)).isNull();
        assertThat(TraceHeaders.validated(VALID + "-00", null)).isNull();
        assertThat(TraceHeaders.validated(VALID + "0".repeat(10_000), null)).isNull();
        assertThat(TraceHeaders.validated("01-" + TRACE + "-" + SPAN + "-01", null)).isNull();
        assertThat(TraceHeaders.validated("00-" + "0".repeat(32) + "-" + SPAN + "-01", null)).isNull();
        assertThat(TraceHeaders.validated("00-" + TRACE + "-" + "0".repeat(16) + "-01", null)).isNull();
        assertThat(TraceHeaders.validated("00-" + TRACE + "-" + SPAN + "-0g", null)).isNull();
        assertThat(TraceHeaders.validated("00_" + TRACE + "_" + SPAN + "_01", null)).isNull();
    }

    @Test
    void an_oversized_blank_or_unprintable_tracestate_is_dropped_and_the_traceparent_kept() {
        assertThat(TraceHeaders.validated(VALID, "a=" + "b".repeat(TraceHeaders.MAX_TRACESTATE - 2)).tracestate())
                .hasSize(TraceHeaders.MAX_TRACESTATE);
        assertThat(TraceHeaders.validated(VALID, "a=" + "b".repeat(TraceHeaders.MAX_TRACESTATE - 1)))
                .isEqualTo(new TraceHeaders(VALID, null));
        assertThat(TraceHeaders.validated(VALID, "  ")).isEqualTo(new TraceHeaders(VALID, null));
        assertThat(TraceHeaders.validated(VALID, "a=b\nc=d")).isEqualTo(new TraceHeaders(VALID, null));
        assertThat(TraceHeaders.validated(VALID, "a=\u00e9")).isEqualTo(new TraceHeaders(VALID, null));
    }

    @Test
    void a_span_context_becomes_its_headers_and_the_headers_its_remote_context_again() {
        SpanContext span = SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.builder().put("congo", "t61").build());
        TraceHeaders headers = TraceHeaders.of(span);
        assertThat(headers).isEqualTo(new TraceHeaders(VALID, "congo=t61"));
        SpanContext remote = Span.fromContext(headers.context()).getSpanContext();
        assertThat(remote.getTraceId()).isEqualTo(TRACE);
        assertThat(remote.getSpanId()).isEqualTo(SPAN);
        assertThat(remote.isRemote()).isTrue();
        assertThat(remote.getTraceState().get("congo")).isEqualTo("t61");
        assertThat(TraceHeaders.of(SpanContext.getInvalid())).isNull();
    }
}

package org.jcm.registry.write;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.util.List;

/**
 * The writer's spans (docs/operations.md, "Tracing"). A submission gets a {@code ledger.submission}
 * span, a child of the submitter's span (the HTTP request), from the moment it is queued until it is
 * answered, so a request's trace shows its wait in the queue and its commit. Each batch gets a
 * {@code ledger.batch} span of its own, linked to the span of every submitter in it (one batch
 * serves many traces, so it is the child of none of them), and each submission span links back to
 * its batch. With tracing off the tracer is a no-op and all of this costs a few allocations.
 */
final class WriterTracing {

    /** No spans: for writers built outside the application (tests, tools). */
    static final WriterTracing NONE = new WriterTracing(OpenTelemetry.noop());

    static final AttributeKey<Long> COMMANDS = AttributeKey.longKey("jcm.ledger.commands");
    static final AttributeKey<Long> SUBMISSIONS = AttributeKey.longKey("jcm.ledger.submissions");
    static final AttributeKey<Long> FIRST_SEQ = AttributeKey.longKey("jcm.ledger.first_seq");
    static final AttributeKey<Long> LAST_SEQ = AttributeKey.longKey("jcm.ledger.last_seq");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("jcm.ledger.outcome");

    private final Tracer tracer;

    WriterTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.jcm.registry.write");
    }

    /** The span of a submission made now, on the submitter's thread, a child of its current span. */
    Span submitted(int commands) {
        return tracer.spanBuilder("ledger.submission").setParent(Context.current()).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(COMMANDS, (long) commands).startSpan();
    }

    /**
     * Starts the span of a batch the writer took, linked to each submitter's span; marks in each
     * submission's span that it left the queue, and links it back to the batch.
     */
    Span batchStarted(List<Submission> batch) {
        SpanBuilder builder = tracer.spanBuilder("ledger.batch").setSpanKind(SpanKind.INTERNAL)
                .setAttribute(COMMANDS, (long) Submission.countCommands(batch))
                .setAttribute(SUBMISSIONS, (long) batch.size());
        for (Submission s : batch) {
            if (s.submitter.isValid()) {
                builder.addLink(s.submitter);
            }
        }
        Span span = builder.startSpan();
        SpanContext batchContext = span.getSpanContext();
        for (Submission s : batch) {
            s.span.addEvent("taken by the writer");
            if (batchContext.isValid()) {
                s.span.addLink(batchContext);
            }
        }
        return span;
    }

    /** Records on the current batch span which events it committed, if any. */
    static void committed(long fromSeq, long toSeq) {
        if (toSeq < fromSeq) {
            return;
        }
        Span.current().setAttribute(FIRST_SEQ, fromSeq).setAttribute(LAST_SEQ, toSeq);
    }
}

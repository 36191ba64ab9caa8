package org.jcm.registry.write;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jcm.ledger.command.Actor;
import org.jcm.registry.write.idempotency.IdempotencyKey;

/**
 * Commands submitted together, answered together: a single mutation (one item) or a transfer batch
 * (its items, and its own key sent by {@code batchActor}). Created on a request thread, then owned by
 * the writer thread, which records each command's result while it decides the batch.
 */
final class Submission {

    final List<LedgerWriter.Item> items;
    final IdempotencyKey batchKey;
    final Actor batchActor;
    private final Executor completer;
    final CompletableFuture<BatchOutcome> future;
    /** The span of the submitter (the HTTP request) when it submitted, invalid when none. */
    final SpanContext submitter;
    /** This submission's {@code ledger.submission} span (a no-op one when not traced), ended when answered. */
    final Span span;
    /** The trace context stored with this submission's events, or null. */
    final TraceHeaders trace;
    /** The results of commands that failed alone (by index), null while none did. */
    CommandResult[] poisoned;
    /** The outcome decided for the submission, answered once its batch committed. */
    BatchOutcome outcome;

    Submission(List<LedgerWriter.Item> items, IdempotencyKey batchKey, Actor batchActor, Executor completer,
               CompletableFuture<BatchOutcome> future) {
        this(items, batchKey, batchActor, completer, future, SpanContext.getInvalid(), Span.getInvalid());
    }

    /**
     * A submission traced by {@code span}, made while {@code submitter} was the current span. The
     * events it adds carry {@code span}'s trace context ({@link TraceHeaders}).
     */
    Submission(List<LedgerWriter.Item> items, IdempotencyKey batchKey, Actor batchActor, Executor completer,
               CompletableFuture<BatchOutcome> future, SpanContext submitter, Span span) {
        this.items = items;
        this.batchKey = batchKey;
        this.batchActor = batchActor;
        this.completer = completer;
        this.future = future;
        this.submitter = submitter;
        this.span = span;
        this.trace = TraceHeaders.of(span.getSpanContext());
    }

    int size() {
        return items.size();
    }

    /** The result of command {@code index} if it failed alone, else null. */
    CommandResult poisoned(int index) {
        return poisoned == null ? null : poisoned[index];
    }

    /** Records that command {@code index} failed alone with {@code result}. */
    void poison(int index, CommandResult result) {
        if (poisoned == null) {
            poisoned = new CommandResult[items.size()];
        }
        poisoned[index] = result;
    }

    /** Answers the caller on its completer (on this thread if the completer refuses). */
    void complete(BatchOutcome result) {
        span.setAttribute(WriterTracing.OUTCOME, result.getClass().getSimpleName());
        span.end();
        try {
            completer.execute(() -> future.complete(result));
        } catch (RuntimeException e) {
            future.complete(result);
        }
    }

    /** Answers the caller on this thread: the submission was refused before it was queued. */
    void refusedAtOnce(BatchOutcome result) {
        span.setAttribute(WriterTracing.OUTCOME, result.getClass().getSimpleName());
        span.end();
        future.complete(result);
    }

    static int countCommands(List<Submission> batch) {
        int n = 0;
        for (Submission s : batch) {
            n += s.size();
        }
        return n;
    }
}

package org.jcm.registry.write;

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
    /** The results of commands that failed alone (by index), null while none did. */
    CommandResult[] poisoned;
    /** The outcome decided for the submission, answered once its batch committed. */
    BatchOutcome outcome;

    Submission(List<LedgerWriter.Item> items, IdempotencyKey batchKey, Actor batchActor, Executor completer,
               CompletableFuture<BatchOutcome> future) {
        this.items = items;
        this.batchKey = batchKey;
        this.batchActor = batchActor;
        this.completer = completer;
        this.future = future;
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
        try {
            completer.execute(() -> future.complete(result));
        } catch (RuntimeException e) {
            future.complete(result);
        }
    }

    static int countCommands(List<Submission> batch) {
        int n = 0;
        for (Submission s : batch) {
            n += s.size();
        }
        return n;
    }
}

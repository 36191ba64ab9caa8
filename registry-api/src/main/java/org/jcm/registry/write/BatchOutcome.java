package org.jcm.registry.write;

import java.util.List;

/** What became of a submission of one or more commands (a single mutation or a transfer batch). */
public sealed interface BatchOutcome {

    /**
     * Each command's own result, in submission order; for a transfer batch whose key was committed
     * earlier for the same batch, each item's earlier result (a {@link CommandResult.Replayed} for
     * an item whose record the writer found).
     */
    record Items(List<CommandResult> results) implements BatchOutcome {
        public Items {
            results = List.copyOf(results);
        }
    }

    /** The batch's key was used for another batch: nothing was done. */
    record KeyReused() implements BatchOutcome {
    }

    /**
     * Nothing was applied and retrying will not help: PostgreSQL refused the submission's rows
     * (422 {@code unprocessable_command}), or the batch key's earlier outcome belongs to another
     * actor (403 {@code forbidden}).
     */
    record Refused(int status, String code, String detail) implements BatchOutcome {
    }

    /** Nothing was applied and the whole submission may be retried. */
    record Unavailable(String code, String detail) implements BatchOutcome {
    }
}

package org.jcm.registry.write;

import java.util.List;
import java.util.Objects;

/**
 * What became of a transfer batch submitted as one unit: each item's own result, or an answer for
 * the batch as a whole (its key reused, a refusal, or a retryable 503).
 */
public sealed interface BatchResult {

    /** Each submitted item's result, in submission order (a retried batch: each item's earlier result). */
    record Items(List<MutationResult> results) implements BatchResult {
        public Items {
            results = List.copyOf(results);
        }
    }

    /** The batch's key was used for another batch: nothing was done. */
    record KeyReused() implements BatchResult {
    }

    /**
     * Nothing was applied and retrying will not help: the batch cannot be stored (422
     * {@code unprocessable_command}, 500), or its key's outcome belongs to another role or scope (403).
     */
    record Refused(int status, String code, String detail) implements BatchResult {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Nothing was applied; retry the whole batch with the same key after {@code retryAfterSeconds}. */
    record Busy(String code, String detail, int retryAfterSeconds) implements BatchResult {
        public Busy {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }
}

package org.jcm.registry.write;

import java.util.List;
import java.util.Objects;
import org.jcm.ledger.event.LedgerEvent;

/**
 * What became of one mutation, with replays already resolved, as the HTTP layer answers it: the
 * committed events (201), a rejection, a reused key (409), a refusal that retrying will not change,
 * or a retryable refusal (503 with {@code Retry-After}). A retry of a committed request gets the
 * same value as the first answer, so its response has the same bytes.
 */
public sealed interface MutationResult {

    /** Accepted and committed (by this request or by the one it retries): the command's events, in sequence order. */
    record Committed(List<LedgerEvent> events) implements MutationResult {
        public Committed {
            events = List.copyOf(events);
        }
    }

    /** Refused by the ledger's rules (by this request or by the one it retries); the refusal is the key's outcome. */
    record Rejected(int status, String code, String detail) implements MutationResult {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The key was already used for another request: nothing was done. */
    record KeyReused() implements MutationResult {
    }

    /**
     * Not applied, and retrying will not help: a replay by another role or scope (403
     * {@code forbidden}), content the ledger cannot store (422 {@code unprocessable_command}), or a
     * command the ledger failed on (500 {@code internal_error}). Nothing is recorded for the key.
     */
    record Refused(int status, String code, String detail) implements MutationResult {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Not applied, retryable with the same key after {@code retryAfterSeconds}: 503 {@code code}. */
    record Busy(String code, String detail, int retryAfterSeconds) implements MutationResult {
        public Busy {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }
}

package org.jcm.faults;

/**
 * What the load generator knows about one transfer request, identified by its Idempotency-Key
 * (which is also the transfer's memo, so the ledger can be searched for it).
 *
 * @param key the Idempotency-Key and memo
 * @param state what the first answer said
 * @param status the HTTP status of the first answer, 0 when there was none
 * @param seq the seq of the CreditsTransferred event the 201 named, 0 otherwise
 * @param answeredNanos {@link System#nanoTime()} when the answer (or the failure) came
 * @param resolution for an unknown outcome, what the ledger and the idempotent retry showed
 */
public record Outcome(String key, State state, int status, long seq, long answeredNanos, Resolution resolution) {

    /** The first answer, as the load generator classifies it. */
    public enum State {
        /** 201 with the event's seq: the registry promised the transfer is durable. */
        ACKNOWLEDGED,
        /** A 4xx: the registry refused; nothing may have changed. */
        REFUSED,
        /** A 5xx or no answer at all: the transfer may or may not be in the ledger. */
        UNKNOWN
    }

    /**
     * How an unknown outcome was settled.
     *
     * @param wasIn whether the ledger held the transfer before the retry
     * @param retryStatus the status the retry with the same key got
     * @param retrySeq the seq the retry's 201 named, 0 otherwise
     */
    public record Resolution(boolean wasIn, int retryStatus, long retrySeq) {
    }

    static Outcome acknowledged(String key, long seq, long nanos) {
        return new Outcome(key, State.ACKNOWLEDGED, 201, seq, nanos, null);
    }

    static Outcome of(String key, int status, long seq, long nanos) {
        if (status == 201) {
            return acknowledged(key, seq, nanos);
        }
        State state = status >= 400 && status < 500 ? State.REFUSED : State.UNKNOWN;
        return new Outcome(key, state, status, 0, nanos, null);
    }

    static Outcome noAnswer(String key, long nanos) {
        return new Outcome(key, State.UNKNOWN, 0, 0, nanos, null);
    }

    Outcome resolved(Resolution resolution) {
        return new Outcome(key, state, status, seq, answeredNanos, resolution);
    }
}

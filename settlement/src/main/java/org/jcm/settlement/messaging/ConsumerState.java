package org.jcm.settlement.messaging;

/** What the ledger consumer is doing. */
public enum ConsumerState {
    /** Connecting, reading the position, or folding already applied events back into memory. */
    STARTING,
    /** Applying events and not yet at the end of the topic. */
    CATCHING_UP,
    /** At the end of the topic; new events are applied as they arrive. */
    RUNNING,
    /** Applying the ledger again from sequence 1 after a rebuild, not yet at the end of the topic. */
    REBUILDING,
    /** A later event arrived before the next one; nothing is applied until the missing one arrives. */
    WAITING_FOR_GAP,
    /** An entry cannot be applied (malformed, breaks the hash chain, or contradicts the ledger); needs a rebuild or a fix. */
    FAILED,
    /** A transient failure (for example PostgreSQL or Kafka unreachable); the consumer starts over after a pause. */
    RETRYING,
    /** Not running (disabled, or shut down). */
    STOPPED
}

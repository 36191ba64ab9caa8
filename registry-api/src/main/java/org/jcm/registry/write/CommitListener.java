package org.jcm.registry.write;

/**
 * Told about every committed batch, in sequence order, on the writer thread right after COMMIT.
 * Implementations must return quickly and never block (signal another thread, e.g. the outbox
 * publisher, and let it read the {@code ledger_event} table).
 */
@FunctionalInterface
public interface CommitListener {

    /** Events {@code batch.fromSeq()..batch.toSeq()} are durable. Not called for batches without events. */
    void committed(CommittedBatch batch);
}

package org.jcm.registry.write;

import org.jcm.ledger.canonical.HashChain;

/**
 * What other threads see of a writer: its status and why, the last committed seq and hash, and the
 * reference data as last committed. Written by the writer thread (and by start and stop), read by
 * request threads, health checks and gauges; every field is volatile.
 */
final class WriterView {

    /** How long the writer thread waits at most before it looks at {@link #stopping()} again. */
    static final long POLL_MILLIS = 100;

    private volatile WriterStatus status = WriterStatus.STARTING;
    private volatile String detail = "starting";
    private volatile boolean stopping;
    private volatile long committedSeq;
    private volatile byte[] committedHead = HashChain.zero();
    private volatile ReferenceView reference;

    WriterView(ReferenceView reference) {
        this.reference = reference;
    }

    WriterStatus status() {
        return status;
    }

    String detail() {
        return detail;
    }

    void set(WriterStatus status, String detail) {
        this.status = status;
        this.detail = detail;
    }

    boolean stopping() {
        return stopping;
    }

    void stop() {
        stopping = true;
    }

    /** Sleeps {@code millis}, waking early once the writer is stopping. */
    void sleep(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!stopping && System.currentTimeMillis() < deadline) {
            Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, deadline - System.currentTimeMillis())));
        }
    }

    long committedSeq() {
        return committedSeq;
    }

    byte[] committedHead() {
        return committedHead;
    }

    void committed(long seq, byte[] head) {
        committedSeq = seq;
        committedHead = head;
    }

    ReferenceView reference() {
        return reference;
    }

    void reference(ReferenceView reference) {
        this.reference = reference;
    }
}

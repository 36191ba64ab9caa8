package org.jcm.registry.write;

/** The life of a writer instance. */
public enum WriterStatus {
    /** Taking the lock, replaying the ledger or rebuilding after a failed commit: mutations wait or get 503. */
    STARTING,
    /** Holding the lock with the state loaded: mutations are applied. */
    ACTIVE,
    /** Another instance holds the lock (or writing is disabled here): mutations get 503 {@code not_the_writer}. */
    STANDBY,
    /**
     * The database is in recovery (a hot standby, {@code pg_is_in_recovery()}): the writer takes no
     * lock and mutations get 503 {@code not_the_writer}; it checks again every lock retry interval,
     * so a promoted standby becomes the writer's database without a restart.
     */
    DATABASE_IN_RECOVERY,
    /** The stored ledger failed verification: mutations get 503 {@code ledger_unavailable} until an operator acts. */
    FAILED,
    /** Stopped for good. */
    STOPPED
}

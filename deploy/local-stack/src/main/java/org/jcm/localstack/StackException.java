package org.jcm.localstack;

/**
 * A reason the stack cannot start, with a message for the person at the console and the exit
 * code the launcher ends with.
 */
public final class StackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The launcher could not start something (a service, PostgreSQL, Kafka). */
    static final int START_FAILED = 1;
    /** Another local stack uses the same data folder. */
    static final int ALREADY_RUNNING = 3;
    /** A port the stack needs is taken by another program. */
    static final int PORT_BUSY = 4;
    /** The data folder cannot be used (not ours, not writable). */
    static final int BAD_DATA_FOLDER = 5;
    /** A stop was requested (Ctrl-C) while the stack was starting. */
    static final int STOPPED = 0;

    private final int exitCode;

    StackException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    StackException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

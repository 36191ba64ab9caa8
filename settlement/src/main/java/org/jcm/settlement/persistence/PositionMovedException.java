package org.jcm.settlement.persistence;

/** The stored position is not where a batch starts: another consumer applied events, or a rebuild reset it. */
public class PositionMovedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The position moved, as described. */
    public PositionMovedException(String message) {
        super(message);
    }
}

package org.jcm.ledger.proof;

/**
 * A well-formed signed note that cannot be trusted: no signature by a known key, a known key's
 * signature that does not verify, or a checkpoint whose origin is not its signer's name.
 */
public class NoteVerificationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the key and what failed. */
    public NoteVerificationException(String message) {
        super(message);
    }
}

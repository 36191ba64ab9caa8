package org.jcm.ledger.proof;

/**
 * A key string, signed note, checkpoint or cosignature line that does not follow its format exactly.
 * The message says what is wrong; it never repeats a private key.
 */
public class NoteFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the rule the input broke. */
    public NoteFormatException(String message) {
        super(message);
    }
}

package org.jcm.ledger.canonical;

/** Malformed JSON text, with the character offset at which the parser gave up. */
public final class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    JsonException(String reason, int offset, String text) {
        super(reason + " at offset " + offset + " (" + lineAndColumn(text, offset) + ")");
        this.offset = offset;
    }

    /** Returns the zero-based offset, in UTF-16 code units, of the first offending character. */
    public int offset() {
        return offset;
    }

    private static String lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }
}

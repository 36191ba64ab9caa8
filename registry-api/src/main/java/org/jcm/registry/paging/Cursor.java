package org.jcm.registry.paging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.jcm.registry.problem.ProblemException;

/**
 * An opaque position in a list: the sort key of the last item a page returned, tagged with the
 * kind of list it belongs to. Clients pass it back unchanged as {@code ?after=}.
 *
 * <p>The text is base64url (no padding) of {@code kind|field|field...}. It is opaque by contract, so
 * the format may change; it is not signed, because a forged cursor only moves a client to
 * another position in a list it may read anyway.
 */
public final class Cursor {

    /** Longer texts are refused before decoding, so that no one makes the service decode megabytes. */
    static final int MAX_TEXT_LENGTH = 512;
    private static final char SEPARATOR = '|';

    private final String kind;
    private final List<String> fields;

    private Cursor(String kind, List<String> fields) {
        this.kind = kind;
        this.fields = List.copyOf(fields);
    }

    /** A cursor of a list with the sort key fields of the last item returned; see {@link ListKind#cursor}. */
    static Cursor of(String kind, Object... fields) {
        Objects.requireNonNull(kind, "kind");
        List<String> texts = Arrays.stream(fields).map(String::valueOf).toList();
        for (String text : texts) {
            if (text.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("A cursor field must not contain '|': " + text);
            }
        }
        return new Cursor(kind, texts);
    }

    /**
     * Reads a cursor that a page of this kind of list returned.
     *
     * @throws ProblemException 400 {@code invalid_cursor} for anything else
     */
    public static Cursor parse(String text, ListKind kind) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw invalid();
        }
        String decoded;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text);
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid();
        }
        List<String> parts = List.of(decoded.split("\\|", -1));
        if (parts.size() != kind.keyFields() + 1 || !parts.get(0).equals(kind.name())) {
            throw invalid();
        }
        return new Cursor(kind.name(), parts.subList(1, parts.size()));
    }

    /** The opaque text to hand to clients. */
    public String encode() {
        StringBuilder text = new StringBuilder(kind);
        for (String field : fields) {
            text.append(SEPARATOR).append(field);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Key field {@code index} as text. */
    public String text(int index) {
        return fields.get(index);
    }

    /**
     * Key field {@code index} as a number.
     *
     * @throws ProblemException 400 {@code invalid_cursor} if it is not a plain decimal number
     */
    public long number(int index) {
        String text = fields.get(index);
        if (text.isEmpty() || text.length() > 19) {
            throw invalid();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid();
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** The problem every unreadable cursor gets: 400 {@code invalid_cursor}. */
    public static ProblemException invalid() {
        return new ProblemException(400, PagingCodes.INVALID_CURSOR,
                "The cursor is not one this list returned; pass the 'next' value of the previous page unchanged.");
    }

    @Override
    public String toString() {
        return encode();
    }
}

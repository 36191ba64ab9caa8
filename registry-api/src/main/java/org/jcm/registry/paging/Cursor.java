package org.jcm.registry.paging;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jcm.support.problem.ProblemException;
import org.jcm.support.paging.CursorSeal;

/**
 * An opaque position in a list: the sort key of the last item a page returned, tagged with the
 * kind of list it belongs to. Clients pass it back unchanged as {@code ?after=}.
 *
 * <p>The text is the payload {@code kind|field|field...}, sealed with an HMAC ({@link CursorSeal})
 * over the payload and the list's <em>scope</em>: what the list is of (an account, a unit, a
 * filter), which the request that brings the cursor back names again. So the service takes back
 * only cursors it made, for the same list of the same account, unit or filter; anything else,
 * altered or made up, is 400 {@code invalid_cursor}. The key is {@code jcm.paging.cursor-key}
 * ({@link CursorKey}); every instance of the registry must share it. The format is opaque by
 * contract and may change.
 */
public final class Cursor {

    /** Longer texts are refused before decoding, so that no one makes the service decode megabytes. */
    static final int MAX_TEXT_LENGTH = 512;
    private static final char SEPARATOR = '|';

    /** The seal of every cursor; replaced by the configured key at start-up ({@link CursorKey}). */
    private static volatile CursorSeal seal = CursorSeal.random();

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

    /** Seals every cursor from now on with this key; cursors sealed before no longer open. */
    static void install(CursorSeal key) {
        seal = Objects.requireNonNull(key, "key");
    }

    /**
     * Reads a cursor that a page of this kind of list, of no particular account, unit or filter,
     * returned.
     *
     * @throws ProblemException 400 {@code invalid_cursor} for anything else
     */
    public static Cursor parse(String text, ListKind kind) {
        return parse(text, kind, "");
    }

    /**
     * Reads a cursor that a page of this kind of list, of {@code scope}, returned.
     *
     * @throws ProblemException 400 {@code invalid_cursor} for anything else
     */
    public static Cursor parse(String text, ListKind kind, String scope) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw invalid();
        }
        String decoded = seal.open(text, scope).orElseThrow(Cursor::invalid);
        List<String> parts = List.of(decoded.split("\\|", -1));
        if (parts.size() != kind.keyFields() + 1 || !parts.get(0).equals(kind.name())) {
            throw invalid();
        }
        return new Cursor(kind.name(), parts.subList(1, parts.size()));
    }

    /** The opaque text to hand to clients of a list of no particular account, unit or filter. */
    public String encode() {
        return encode("");
    }

    /** The opaque text to hand to clients of a list of {@code scope}. */
    public String encode(String scope) {
        StringBuilder text = new StringBuilder(kind);
        for (String field : fields) {
            text.append(SEPARATOR).append(field);
        }
        return seal.seal(text.toString(), scope);
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

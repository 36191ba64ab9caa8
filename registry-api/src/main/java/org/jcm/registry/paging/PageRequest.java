package org.jcm.registry.paging;

import java.util.Optional;
import org.jcm.registry.problem.ClientText;
import org.jcm.support.problem.ProblemException;

/**
 * The paging part of a list request, {@code ?after={cursor}&limit={n}}, checked: {@code limit} is 1
 * to {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT} unless the list says otherwise) and
 * {@code after}, when present, is a cursor of the same list. Read it with {@link ListKind#request}.
 *
 * @param limit the most items the page may hold
 * @param after where the previous page ended, or empty for the first page
 * @param scope what the list is of (an account, a unit, a filter; empty for none): its cursors
 *     are sealed for it and open only for it
 */
public record PageRequest(int limit, Optional<Cursor> after, String scope) {

    /** The largest page any list serves. */
    public static final int MAX_LIMIT = 1000;
    /** The page size when the request names none. */
    public static final int DEFAULT_LIMIT = 100;

    /** Checks the limit's range. */
    public PageRequest {
        java.util.Objects.requireNonNull(scope, "scope");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " outside 1.." + MAX_LIMIT);
        }
    }

    static PageRequest parse(String after, String limit, ListKind kind, String scope) {
        int size = limit == null ? kind.defaultLimit() : parseLimit(limit);
        Optional<Cursor> cursor = after == null ? Optional.empty() : Optional.of(Cursor.parse(after, kind, scope));
        return new PageRequest(size, cursor, scope);
    }

    /** The text of the cursor that points after {@code last}, for the next page of this list. */
    public String next(Cursor last) {
        return last.encode(scope);
    }

    /** How many rows to fetch: one more than the limit, so that the page knows whether more follow. */
    public int fetchSize() {
        return limit + 1;
    }

    private static int parseLimit(String text) {
        // Only plain digits: "+5", " 5" and "5.0" are refused rather than guessed at.
        boolean digits = !text.isEmpty() && text.length() <= 4;
        for (int i = 0; digits && i < text.length(); i++) {
            digits = text.charAt(i) >= '0' && text.charAt(i) <= '9';
        }
        int value = digits ? Integer.parseInt(text) : -1;
        if (value < 1 || value > MAX_LIMIT) {
            throw new ProblemException(400, PagingCodes.INVALID_LIMIT,
                    "limit must be a whole number from 1 to " + MAX_LIMIT + "; it was " + ClientText.quote(text) + ".");
        }
        return value;
    }
}

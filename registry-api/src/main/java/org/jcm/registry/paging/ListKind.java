package org.jcm.registry.paging;

import java.util.Objects;
import org.jcm.support.problem.ProblemException;

/**
 * A kind of list that pages: its cursor name, how many sort key fields its cursors carry, and its
 * default page size. Each list has one, so that a cursor of one list is refused by every other.
 *
 * @param name the name written into its cursors, e.g. {@code holdings}
 * @param keyFields how many sort key fields a cursor carries
 * @param defaultLimit the page size when a request names none
 */
public record ListKind(String name, int keyFields, int defaultLimit) {

    /** Checks the parts. */
    public ListKind {
        Objects.requireNonNull(name, "name");
        if (keyFields < 1 || defaultLimit < 1 || defaultLimit > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("A list has at least one key field and a default limit of 1 to "
                    + PageRequest.MAX_LIMIT);
        }
    }

    /** A list with the usual default page size of {@value PageRequest#DEFAULT_LIMIT}. */
    public ListKind(String name, int keyFields) {
        this(name, keyFields, PageRequest.DEFAULT_LIMIT);
    }

    /**
     * Reads {@code ?after=} and {@code ?limit=} as sent (null when absent), for a list of no
     * particular account, unit or filter.
     *
     * @throws ProblemException 400 {@code invalid_limit} or {@code invalid_cursor}
     */
    public PageRequest request(String after, String limit) {
        return request(after, limit, "");
    }

    /**
     * Reads {@code ?after=} and {@code ?limit=} as sent (null when absent), for the list of
     * {@code scope} (an account id, a unit id, a filter): a cursor handed out for another scope is
     * refused.
     *
     * @throws ProblemException 400 {@code invalid_limit} or {@code invalid_cursor}
     */
    public PageRequest request(String after, String limit, String scope) {
        return PageRequest.parse(after, limit, this, scope);
    }

    /** The cursor of the item with these sort key fields. */
    public Cursor cursor(Object... fields) {
        if (fields.length != keyFields) {
            throw new IllegalArgumentException("A " + name + " cursor has " + keyFields + " key fields, not " + fields.length);
        }
        return Cursor.of(name, fields);
    }
}

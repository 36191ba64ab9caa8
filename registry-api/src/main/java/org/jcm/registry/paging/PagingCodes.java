package org.jcm.registry.paging;

/** The problem codes of list paging, shared by every list endpoint. */
public final class PagingCodes {

    /** {@code after} is not a cursor that a page of this list returned. */
    public static final String INVALID_CURSOR = "invalid_cursor";
    /** {@code limit} is not a whole number from 1 to 1,000. */
    public static final String INVALID_LIMIT = "invalid_limit";

    private PagingCodes() {
    }
}

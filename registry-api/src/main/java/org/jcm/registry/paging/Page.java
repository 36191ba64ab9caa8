package org.jcm.registry.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items in list order and the cursor of the next page, or null when this
 * page is the last one.
 *
 * @param items the items of this page, at most the requested limit
 * @param next the value to pass as {@code ?after=} for the next page, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Page<T>(List<T> items, String next) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page made of rows fetched with {@link PageRequest#fetchSize()}: a row beyond the limit
     * only shows that more follow; the next cursor is the key of the last row kept.
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, Cursor> keyOf) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, request.limit());
        return new Page<>(items, keyOf.apply(items.get(items.size() - 1)).encode());
    }
}

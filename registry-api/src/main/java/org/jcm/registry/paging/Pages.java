package org.jcm.registry.paging;

import java.util.List;
import java.util.function.Function;
import org.jcm.registry.api.ListResponse;

/** Cuts rows fetched for a {@link PageRequest} into the page a list answers with. */
public final class Pages {

    private Pages() {
    }

    /**
     * The page made of rows fetched with {@link PageRequest#fetchSize()}: a row beyond the limit
     * only shows that more follow; the next cursor is the key of the last row kept, and null when
     * no row follows.
     */
    public static <T> ListResponse<T> of(List<T> fetched, PageRequest request, Function<T, Cursor> keyOf) {
        if (fetched.size() <= request.limit()) {
            return new ListResponse<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, request.limit()));
        return new ListResponse<>(items, request.next(keyOf.apply(items.get(items.size() - 1))));
    }
}

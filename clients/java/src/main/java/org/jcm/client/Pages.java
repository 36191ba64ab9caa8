package org.jcm.client;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Follows the API's list cursors (docs/api.md, "Lists"): a JSON list answers {@code {"items": [...],
 * "next": "<cursor>"}}, with {@code next} null on the last page; a CSV page carries the cursor in the
 * {@code Next-Cursor} header, absent on the last page. Either cursor goes back unchanged as
 * {@code ?after=}. Pages are fetched lazily, one when the previous one is used up.
 */
public final class Pages {

    /** The CSV pages' cursor header. */
    public static final String NEXT_CURSOR = "Next-Cursor";

    private Pages() {
    }

    /**
     * Every item of a JSON list.
     *
     * @param fetch fetches the page after a cursor (null for the first page)
     * @param items the page's items
     * @param next the page's {@code next} cursor, null on the last page
     */
    public static <P, T> Stream<T> items(Function<String, P> fetch, Function<P, List<T>> items,
            Function<P, String> next) {
        Iterator<List<T>> pages = new Iterator<>() {
            private String cursor;
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public List<T> next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                P page = fetch.apply(cursor);
                cursor = next.apply(page);
                done = cursor == null || cursor.isEmpty();
                List<T> list = items.apply(page);
                return list == null ? List.of() : list;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false)
                .flatMap(List::stream);
    }

    /**
     * Hands every page of a list paged by the {@code Next-Cursor} header to {@code page}, in order.
     *
     * @param fetch fetches the page after a cursor (null for the first page)
     * @return the number of pages
     */
    public static <T> int byHeader(Function<String, HttpResponse<T>> fetch, Consumer<HttpResponse<T>> page) {
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<T> response = fetch.apply(cursor);
            page.accept(response);
            pages++;
            cursor = response.headers().firstValue(NEXT_CURSOR).orElse(null);
        } while (cursor != null && !cursor.isEmpty());
        return pages;
    }
}

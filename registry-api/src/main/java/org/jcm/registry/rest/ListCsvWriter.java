package org.jcm.registry.rest;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.report.AefColumns.Column;
import org.jcm.registry.api.BlockView;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.TransactionEntry;
import org.jcm.registry.report.ReportTables;

/**
 * Writes a page of holdings or transactions as CSV ({@code Accept: text/csv} or {@code ?format=csv}):
 * the same page as the JSON answer, one line per item with the columns below, and the cursor of the
 * next page in the header {@value #NEXT_CURSOR} (absent on the last page), because a CSV document
 * has no place for it. Only lists whose items have columns here are written; the endpoints that
 * produce CSV are exactly those.
 */
@Provider
@Produces(Representations.TEXT_CSV)
public class ListCsvWriter implements MessageBodyWriter<ListResponse<?>> {

    /** The response header that carries the next page's cursor of a CSV page. */
    static final String NEXT_CURSOR = "Next-Cursor";

    /** Holdings: a block per line, as the JSON items, the authorization split into id and purpose. */
    static final List<Column<BlockView>> HOLDINGS = List.of(
            new Column<>("serial", "serial", BlockView::serial),
            new Column<>("firstItmoId", "firstItmoId", BlockView::firstItmoId),
            new Column<>("lastItmoId", "lastItmoId", BlockView::lastItmoId),
            new Column<>("hostParty", "hostParty", BlockView::hostParty),
            new Column<>("projectId", "projectId", BlockView::projectId),
            new Column<>("vintage", "vintage", b -> (long) b.vintage()),
            new Column<>("firstUnit", "firstUnit", BlockView::firstUnit),
            new Column<>("lastUnit", "lastUnit", BlockView::lastUnit),
            new Column<>("quantity", "quantity", BlockView::quantity),
            new Column<>("issuanceId", "issuanceId", BlockView::issuanceId),
            new Column<>("issuingRegistryId", "issuingRegistryId", BlockView::issuingRegistryId),
            new Column<>("status", "status", BlockView::status),
            new Column<>("label", "label", BlockView::label),
            new Column<>("authorizationId", "authorizationId", b -> b.authorization() == null ? null : b.authorization().id()),
            new Column<>("authorizationPurpose", "authorizationPurpose",
                    b -> b.authorization() == null ? null : b.authorization().purpose()),
            new Column<>("caState", "caState", BlockView::caState),
            new Column<>("firstTransferred", "firstTransferred", BlockView::firstTransferred),
            new Column<>("reservedFor", "reservedFor", BlockView::reservedFor));

    /** Transactions: an event per line, the event itself as its canonical JSON in the last column. */
    static final List<Column<TransactionEntry>> TRANSACTIONS = List.of(
            new Column<>("seq", "seq", TransactionEntry::seq),
            new Column<>("type", "type", TransactionEntry::type),
            new Column<>("at", "at", TransactionEntry::at),
            new Column<>("event", "event", TransactionEntry::event));

    private static final Map<Class<?>, Table<?>> TABLES = Map.of(
            BlockView.class, new Table<>(BlockView.class, HOLDINGS, "holdings.csv"),
            TransactionEntry.class, new Table<>(TransactionEntry.class, TRANSACTIONS, "transactions.csv"));

    /** The columns of one kind of item and the file name the download suggests. */
    private record Table<T>(Class<T> type, List<Column<T>> columns, String fileName) {

        String csv(List<?> items) {
            return ReportTables.csv(columns, items.stream().map(type::cast).toList());
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ListResponse.class.equals(type) && TABLES.containsKey(itemType(genericType));
    }

    /** The item type of {@code ListResponse<T>}, also when the endpoint's type {@code Uni<ListResponse<T>>} is given. */
    private static Type itemType(Type genericType) {
        if (genericType instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            Type argument = p.getActualTypeArguments()[0];
            return ListResponse.class.equals(p.getRawType()) ? argument : itemType(argument);
        }
        return null;
    }

    @Override
    public void writeTo(ListResponse<?> page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        Table<?> table = TABLES.get(itemType(genericType));
        headers.putSingle("Content-Type", Representations.TEXT_CSV + "; charset=UTF-8");
        headers.putSingle("Content-Disposition", "attachment; filename=\"" + table.fileName() + "\"");
        if (page.next() != null) {
            headers.putSingle(NEXT_CURSOR, page.next());
        }
        out.write(table.csv(page.items()).getBytes(StandardCharsets.UTF_8));
    }
}

package org.jcm.registry.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jcm.ledger.state.LedgerSnapshot;
import org.jcm.registry.write.store.RouteRows;

/**
 * One table (or view) of stored state that verification compares with the replayed ledger: how to
 * read its rows in key order from PostgreSQL, and which rows replay says it must hold.
 *
 * <p>Every row is an array of keys followed by values. Keys are {@code Long} for numeric columns
 * and {@code String} otherwise, so that both sides sort the same way; values are compared as text.
 *
 * @param name the table's name, used in reports
 * @param keyColumns the primary key columns, in order
 * @param numericKeys which key columns are numbers (the others sort byte-wise, {@code COLLATE "C"})
 * @param valueColumns the compared columns besides the key
 * @param expected the rows the replayed state requires, in any order, from the state and (for the
 *                 application route's columns that only events carry) what the replayed events gave
 */
record StateTable(String name, List<String> keyColumns, boolean[] numericKeys, List<String> valueColumns,
                  BiFunction<LedgerSnapshot, RouteRows, List<Object[]>> expected) {

    /** A table whose rows follow from the replayed state alone. */
    StateTable(String name, List<String> keyColumns, boolean[] numericKeys, List<String> valueColumns,
               Function<LedgerSnapshot, List<Object[]>> fromState) {
        this(name, keyColumns, numericKeys, valueColumns, (snapshot, events) -> fromState.apply(snapshot));
    }

    /** The query that streams the stored rows in key order. */
    String sql() {
        List<String> order = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            order.add(numericKeys[i] ? keyColumns.get(i) : keyColumns.get(i) + " COLLATE \"C\"");
        }
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(valueColumns);
        return "SELECT " + String.join(", ", columns) + " FROM " + name + " ORDER BY " + String.join(", ", order);
    }

    /** The expected rows, sorted like {@link #sql()} returns them. */
    List<Object[]> expectedRows(LedgerSnapshot snapshot, RouteRows events) {
        List<Object[]> rows = new ArrayList<>(expected.apply(snapshot, events));
        for (Object[] row : rows) {
            normalize(row);
        }
        rows.sort((a, b) -> compare(a, b));
        return rows;
    }

    /** Compares the key parts of two rows: numbers numerically, text by UTF-16 code units as {@code COLLATE "C"} does for ASCII. */
    int compare(Object[] a, Object[] b) {
        for (int i = 0; i < keyColumns.size(); i++) {
            int c = numericKeys[i] ? Long.compare((Long) a[i], (Long) b[i]) : ((String) a[i]).compareTo((String) b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The key of a row as text, e.g. {@code MNG/2024/1001}. */
    String keyText(Object[] row) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < keyColumns.size(); i++) {
            key.append(i == 0 ? "" : "/").append(row[i]);
        }
        return key.toString();
    }

    /** Turns a row's keys into Long or String and its values into text, the one form both sides are compared in. */
    void normalize(Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i < keyColumns.size()) {
                row[i] = numericKeys[i] ? Long.valueOf(((Number) row[i]).longValue()) : text(row[i]);
            } else {
                row[i] = text(row[i]);
            }
        }
    }

    /** The text form of a value from either side: JDBC objects or ledger-core values. */
    static String text(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(StateTable::text).orElse(null);
        }
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.Instant t) {
            return t.toString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Number n && !(value instanceof java.math.BigDecimal)) {
            return Long.toString(n.longValue());
        }
        return value.toString();
    }
}

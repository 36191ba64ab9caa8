package org.jcm.settlement.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** Builds the PostgreSQL arrays that multi-row statements ({@code unnest}) take, one per column. */
final class SqlArrays {

    private SqlArrays() {
    }

    static <T> Array texts(Connection connection, List<T> rows, Function<T, String> column) throws SQLException {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return connection.createArrayOf("text", values);
    }

    static <T> Array longs(Connection connection, List<T> rows, Function<T, Long> column) throws SQLException {
        Long[] values = new Long[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return connection.createArrayOf("bigint", values);
    }

    static <T> Array ints(Connection connection, List<T> rows, Function<T, Integer> column) throws SQLException {
        Integer[] values = new Integer[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return connection.createArrayOf("integer", values);
    }
}

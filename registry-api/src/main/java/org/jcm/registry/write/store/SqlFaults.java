package org.jcm.registry.write.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failure caused by the data of a statement from a failure of the storage, by SQLSTATE
 * class. PostgreSQL (or pgjdbc, before it sends anything) refuses a value or a constraint with
 * classes 21 (cardinality), 22 (data exception: a NUL character, a value out of range, bad
 * encoding), 23 (integrity constraint: a duplicate key), 27 (triggered data change), 42 (syntax
 * or access rule, e.g. an identifier too long) and 54 (program limit exceeded: a row or index
 * entry too large); the transaction is then rolled back for certain and another batch without that
 * row would commit. Everything else (08 connection, 40 serialization or deadlock, 53 resources,
 * 57 operator intervention, 58 system, XX internal, no SQLSTATE, and classes not named here) is a
 * storage fault: whether the commit happened is unknown.
 */
public final class SqlFaults {

    private static final Set<String> ROW_CLASSES = Set.of("21", "22", "23", "27", "42", "54");

    private SqlFaults() {
    }

    /**
     * Why PostgreSQL cannot store {@code text} as it is, or null if it can: a NUL character (text
     * columns refuse it, SQLSTATE 22021) or an unpaired UTF-16 surrogate (it has no UTF-8 form; the
     * driver would store {@code ?} instead, so two different keys could become one).
     */
    public static String unstorable(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "a NUL character";
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }

    /** Whether {@code e} says that a row was refused (see the class comment). */
    public static boolean refusedRow(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.length() == 5 && ROW_CLASSES.contains(state.substring(0, 2));
    }
}

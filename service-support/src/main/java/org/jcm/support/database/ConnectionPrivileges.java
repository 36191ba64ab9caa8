package org.jcm.support.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a database connection holds more power than a service should: a superuser can switch every
 * trigger off ({@code session_replication_role = replica}) and the tables' owner (or a member of the
 * owner's role) can disable the append-only triggers or alter the tables. The services connect as a
 * role that is neither (docs/security.md, "Database roles"); they check it at start, so that a
 * deployment that hands them the owner's or the superuser's credentials by mistake does not run.
 */
public final class ConnectionPrivileges {

    private static final String SUPERUSER = "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user";
    // Tables and sequences of the connection's schema that its role owns or inherits the owner's rights on.
    private static final String OWNED = "SELECT c.relname, pg_get_userbyid(c.relowner) FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'S')"
            + " AND pg_has_role(current_user, c.relowner, 'USAGE') ORDER BY c.relname LIMIT 3";

    private ConnectionPrivileges() {
    }

    /**
     * Why the connection's role is too powerful for a service, or empty when it is neither superuser
     * nor the owner of any table of its schema.
     */
    public static Optional<String> tooPowerfulBecause(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            String role;
            try (ResultSet r = s.executeQuery(SUPERUSER)) {
                if (!r.next()) {
                    return Optional.of("the connection's role is not in pg_roles");
                }
                role = r.getString(1);
                if (r.getBoolean(2)) {
                    return Optional.of("role " + role + " is a superuser");
                }
            }
            List<String> owned = new ArrayList<>();
            try (ResultSet r = s.executeQuery(OWNED)) {
                while (r.next()) {
                    owned.add(r.getString(1) + " (owner " + r.getString(2) + ")");
                }
            }
            return owned.isEmpty() ? Optional.empty()
                    : Optional.of("role " + role + " owns, or acts as the owner of, " + String.join(", ", owned)
                            + (owned.size() == 3 ? " and maybe more" : ""));
        }
    }
}

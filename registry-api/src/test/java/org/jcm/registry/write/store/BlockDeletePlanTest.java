package org.jcm.registry.write.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.embedded.ServiceDatabase;
import org.jcm.registry.testing.MigratedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The writer's delete of merged or emptied blocks probes an index on the block key once per key, for a
 * large batch on a large table too, in the custom and the generic plan: never a hash join over a
 * scan of every block (docs/performance.md, "The drop against bb7031d"). The plans are checked,
 * not timed; and the statement deletes exactly the named blocks.
 */
class BlockDeletePlanTest {

    static final int STORED = 20_000;
    static final int BATCH = 200;

    static ServiceDatabase database;

    @BeforeAll
    static void fillTheTable() throws SQLException {
        database = MigratedDatabase.create("block_delete_plan");
        // Blocks of one host and vintage, one unit each, written by the superuser past the foreign keys
        // (no projects or accounts are needed to plan a delete), then analysed.
        try (Connection connection = connect(database.superuser()); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute("TRUNCATE block CASCADE");
            statement.execute("INSERT INTO block (host_party, vintage, first_unit, last_unit, project_id, issuance_id,"
                    + " issuing_registry_id, account_id, status, ca_state, first_transferred)"
                    + " SELECT 'MNG', 2024, n, n, 'JCM-MN001', 'ISS-1', 'MNG01', 'MNG01-H' || (n % 50), 'ACTIVE',"
                    + " 'NOT_REQUIRED', false FROM generate_series(1, " + STORED + ") AS n");
            statement.execute("ANALYZE block");
        }
    }

    @Test
    void a_large_batch_probes_the_primary_key() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = connect(database.service());
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + BatchStatements.DELETE_BLOCKS)) {
            bind(connection, explain, 1);
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
        }
        String plan = String.join("\n", lines);
        probesAnIndexPerKey(plan);
    }

    @Test
    void the_generic_plan_probes_the_primary_key_too() throws SQLException {
        // GENERIC_PLAN takes $1 to $3 without values, which only the simple query protocol sends.
        String generic = BatchStatements.DELETE_BLOCKS.replaceFirst("\\?", "\\$1").replaceFirst("\\?", "\\$2")
                .replaceFirst("\\?", "\\$3");
        PostgresDatabase service = database.service();
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(service.jdbcUrl() + "?preferQueryMode=simple", service.user(),
                service.password()); Statement explain = connection.createStatement();
             ResultSet rows = explain.executeQuery("EXPLAIN (GENERIC_PLAN) " + generic)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        String plan = String.join("\n", lines);
        probesAnIndexPerKey(plan);
    }

    @Test
    void deletes_the_named_blocks_and_only_them() throws SQLException {
        try (Connection connection = connect(database.service())) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(BatchStatements.DELETE_BLOCKS)) {
                bind(connection, delete, 1);
                assertThat(delete.executeUpdate()).isEqualTo(BATCH);
            }
            try (Statement count = connection.createStatement();
                 ResultSet rows = count.executeQuery("SELECT count(*), count(*) FILTER (WHERE first_unit % 97 = 1 AND first_unit <= "
                         + (BATCH * 97) + ") FROM block")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(STORED - BATCH);
                assertThat(rows.getLong(2)).isZero();
            }
            connection.rollback();
        }
    }

    /**
     * One index probe per key on the whole key (block_pkey, or block_vintage, which holds the same
     * three columns), never a scan of the table nor a hash join.
     */
    private static void probesAnIndexPerKey(String plan) {
        assertThat(plan).as(plan).containsPattern("Index Scan using block_(pkey|vintage) on block")
                .containsPattern("Index Cond: .*first_unit = k\\.f").doesNotContain("Seq Scan on block")
                .doesNotContain("Hash Join");
    }

    /** Binds {@link #BATCH} keys: units 1, 98, 195 ... of MNG 2024. */
    private static void bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
        String[] hosts = new String[BATCH];
        Integer[] vintages = new Integer[BATCH];
        Long[] units = new Long[BATCH];
        for (int i = 0; i < BATCH; i++) {
            hosts[i] = "MNG";
            vintages[i] = 2024;
            units[i] = (long) i * 97 + 1;
        }
        statement.setArray(first, connection.createArrayOf("text", hosts));
        statement.setArray(first + 1, connection.createArrayOf("int4", vintages));
        statement.setArray(first + 2, connection.createArrayOf("int8", units));
    }

    private static Connection connect(PostgresDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}

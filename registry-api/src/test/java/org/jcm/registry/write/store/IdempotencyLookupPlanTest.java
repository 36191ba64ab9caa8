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
import java.util.Map;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.embedded.ServiceDatabase;
import org.jcm.registry.testing.MigratedDatabase;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.registry.write.idempotency.SubjectKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The writer's idempotency look-up probes the primary key once per key, for a large batch on a
 * large table too. A plain join of the key list with {@code idempotency} let PostgreSQL choose a
 * hash join over a sequential scan of the whole table once a batch held about 40 keys, so every
 * batch read every stored key (docs/performance.md, "The drop against bb7031d"). The plans are
 * checked, not timed.
 */
class IdempotencyLookupPlanTest {

    static final int STORED = 20_000;
    static final int BATCH = 200;

    static ServiceDatabase database;

    @BeforeAll
    static void fillTheTable() throws SQLException {
        database = MigratedDatabase.create("idempotency_plan");
        // The owner fills the table and runs ANALYZE (which needs the owner): the statistics of a
        // registry that has stored many keys.
        try (Connection connection = connect(database.owner()); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE idempotency");
            statement.execute("INSERT INTO idempotency (subject, key, kind, request_hash, status, actor_role, actor_scope)"
                    + " SELECT 'trader@MNG01-O' || (n % 10), 'key-' || n, 'BATCH', sha256(n::text::bytea), 200, 'trader', 'MNG01'"
                    + " FROM generate_series(1, " + STORED + ") AS n");
            statement.execute("ANALYZE idempotency");
        }
    }

    @Test
    void a_large_batch_probes_the_primary_key_in_a_custom_plan() throws SQLException {
        String plan = explain("EXPLAIN " + IdempotencyLookup.FIND_IDEMPOTENCY);
        assertThat(plan).contains("using idempotency_pkey").doesNotContain("Seq Scan on idempotency")
                .doesNotContain("Hash Join");
    }

    @Test
    void the_generic_plan_probes_the_primary_key_too() throws SQLException {
        // GENERIC_PLAN takes $1 and $2 without values, which only the simple query protocol sends.
        String generic = IdempotencyLookup.FIND_IDEMPOTENCY.replaceFirst("\\?", "\\$1").replaceFirst("\\?", "\\$2");
        PostgresDatabase service = database.service();
        String plan;
        try (Connection connection = DriverManager.getConnection(service.jdbcUrl() + "?preferQueryMode=simple", service.user(),
                service.password()); Statement explain = connection.createStatement()) {
            plan = text(explain.executeQuery("EXPLAIN (GENERIC_PLAN) " + generic));
        }
        assertThat(plan).contains("using idempotency_pkey").doesNotContain("Seq Scan on idempotency")
                .doesNotContain("Hash Join");
    }

    @Test
    void finds_the_stored_keys_and_only_them() throws SQLException {
        List<SubjectKey> keys = List.of(new SubjectKey("trader@MNG01-O1", "key-1"), new SubjectKey("trader@MNG01-O2", "key-1"),
                new SubjectKey("trader@MNG01-O7", "key-19997"), new SubjectKey("trader@MNG01-O3", "absent"));
        try (Connection connection = connect(database.service())) {
            Map<SubjectKey, StoredOutcome> found = IdempotencyLookup.findOutcomes(connection, keys);
            assertThat(found).containsOnlyKeys(keys.get(0), keys.get(2));
            assertThat(found.get(keys.get(0)).kind()).isEqualTo(StoredOutcome.Kind.BATCH);
            assertThat(found.get(keys.get(0)).status()).isEqualTo(200);
        }
    }

    /** The plan of the look-up for a batch of {@link #BATCH} keys, bound as values. */
    private static String explain(String sql) throws SQLException {
        String[] subjects = new String[BATCH];
        String[] names = new String[BATCH];
        for (int i = 0; i < BATCH; i++) {
            subjects[i] = "trader@MNG01-O" + (i % 10);
            names[i] = "key-" + (i * 97 + 1);
        }
        try (Connection connection = connect(database.service()); PreparedStatement explain = connection.prepareStatement(sql)) {
            explain.setArray(1, connection.createArrayOf("text", subjects));
            explain.setArray(2, connection.createArrayOf("text", names));
            return text(explain.executeQuery());
        }
    }

    /** The plan's lines, closing the result. */
    private static String text(ResultSet rows) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return String.join("\n", lines);
    }

    private static Connection connect(PostgresDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}

package org.jcm.registry.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.embedded.SharedInfrastructure;
import org.jcm.ledger.ledger.LedgerConfig;
import org.jcm.registry.api.VerificationReport;
import org.jcm.registry.service.LedgerVerifier;
import org.jcm.registry.testing.LedgerFixture;

/**
 * Measures {@code POST /ledger/verify} on a large ledger (a tool, not a test): fills an embedded
 * PostgreSQL with the test world and transfers up to the given number of events (default
 * 1,000,000) through {@link LedgerFixture}'s stand-in writer, then runs the verifier three times
 * on it and prints what each run took. See docs/performance.md ("Ledger stream").
 */
public final class VerifyBench {

    private VerifyBench() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        PostgresDatabase database = SharedInfrastructure.database("verify_bench");
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
        long fillStart = System.nanoTime();
        try (LedgerFixture fixture = new LedgerFixture(connect(database))) {
            fixture.world();
            while (fixture.lastSeq() < events) {
                fixture.transfers((int) Math.min(5_000, events - fixture.lastSeq()));
            }
            System.out.printf("[bench] ledger filled: %d events in %.1f s%n", fixture.lastSeq(),
                    (System.nanoTime() - fillStart) / 1e9);
        }
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT (SELECT count(*) FROM block), pg_size_pretty(pg_total_relation_size('ledger_event'))")) {
            rows.next();
            System.out.printf("[bench] %d live blocks, ledger_event %s%n", rows.getLong(1), rows.getString(2));
        }
        for (int run = 1; run <= 3; run++) {
            try (Connection c = connect(database)) {
                VerificationReport report = LedgerVerifier.verify(c, LedgerConfig.DEFAULT);
                System.out.printf("[bench] RESULT verify run %d: ok=%s, %d events, rows compared %s, %d ms%n", run,
                        report.ok(), report.eventsChecked(), report.rowsCompared(), report.durationMillis());
            }
        }
        System.exit(0);
    }

    private static Connection connect(PostgresDatabase database) throws Exception {
        return DriverManager.getConnection(database.jdbcUrl() + "?reWriteBatchedInserts=true", database.user(),
                database.password());
    }
}

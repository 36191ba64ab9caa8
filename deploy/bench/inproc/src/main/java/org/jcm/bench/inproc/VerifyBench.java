package org.jcm.bench.inproc;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.registry.api.VerificationReport;
import org.jcm.registry.verify.LedgerVerifier;
import org.jcm.registry.write.LedgerWriter;
import org.jcm.registry.write.WriterStatus;
import org.jcm.registry.write.store.LedgerStore;

/**
 * Measures {@code POST /ledger/verify} on a large ledger (a tool, not a test): fills an embedded
 * PostgreSQL through the real {@link LedgerWriter} (the world of {@link LedgerStreamBench}, then
 * transfers in batches of 1,000) up to the given number of events (default 1,000,000), then runs
 * {@link LedgerVerifier} three times on it and prints what each run took. See docs/performance.md.
 */
public final class VerifyBench {

    private VerifyBench() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        PostgresDatabase database = RegistrySchema.create("verify_bench").service();
        LedgerWriter writer = new LedgerWriter(LedgerStreamBench.writerConfig(),
                new LedgerStore(database.jdbcUrl(), database.user(), database.password(), LedgerConfig.DEFAULT),
                Clock.systemUTC(), new SimpleMeterRegistry(), List::of);
        writer.start();
        if (writer.awaitStarted(Duration.ofMinutes(5)) != WriterStatus.ACTIVE) {
            throw new IllegalStateException("the writer did not start: " + writer.statusDetail());
        }
        long fillStart = System.nanoTime();
        List<AccountId> accounts = writer.committedSeq() == 0 ? LedgerStreamBench.setUp(writer) : null;
        if (accounts == null) {
            throw new IllegalStateException("use a fresh database");
        }
        SplittableRandom random = new SplittableRandom(11);
        long sent = 0;
        while (writer.committedSeq() < events) {
            List<LedgerWriter.Item> items = new ArrayList<>();
            for (int i = 0; i < 1000; i++, sent++) {
                int from = (int) (sent % accounts.size());
                int to = random.nextInt(accounts.size() - 1);
                to = to >= from ? to + 1 : to;
                items.add(new LedgerWriter.Item(TransferCredits.of(accounts.get(from), accounts.get(to), 5),
                        LedgerStreamBench.holder(from), null));
            }
            writer.submit(items, null, null, Runnable::run).get(5, TimeUnit.MINUTES);
        }
        System.out.printf("[bench] ledger filled: %d events in %.1f s%n", writer.committedSeq(),
                (System.nanoTime() - fillStart) / 1e9);
        writer.stop();
        try (Connection c = connect(database); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT (SELECT count(*) FROM block),"
                     + " pg_size_pretty(pg_total_relation_size('ledger_event'))")) {
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
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}

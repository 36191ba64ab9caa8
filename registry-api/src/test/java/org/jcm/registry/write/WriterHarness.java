package org.jcm.registry.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jcm.embedded.PostgresDatabase;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.state.Invariants;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.rule.Outcome;
import org.jcm.registry.testing.MigratedDatabase;
import org.jcm.registry.write.store.LedgerStore;
import org.jcm.registry.write.store.LoadedLedger;

/**
 * A {@link LedgerWriter} of its own on a database of its own, for tests that drive the writer
 * directly (no HTTP): commands reach it exactly as built, so tests can send what the HTTP edge
 * would refuse. Its ledger-core is wrapped so that an organization named {@link #DEFECT_IN_DECIDE}
 * or {@link #DEFECT_IN_FOLD} makes it throw, as a defect would: in the decision, or after folding
 * the command's events.
 */
final class WriterHarness implements AutoCloseable {

    static final String DEFECT_IN_DECIDE = "defect in decide";
    static final String DEFECT_IN_FOLD = "defect in fold";
    /** Events appended by the command that {@link #sameBatch} holds the writer with. */
    static final long HOLDING_EVENTS = 1;

    final PostgresDatabase database;
    final LedgerStore store;
    final MeterRegistry meters = new SimpleMeterRegistry();
    final LedgerWriter writer;

    WriterHarness(String databaseName, int maxBatchSize) {
        // The writer connects as the service role, as in a deployment.
        database = MigratedDatabase.create(databaseName).service();
        store = new LedgerStore(database.jdbcUrl(), database.user(), database.password(), LedgerConfig.DEFAULT);
        List<Party> parties = List.of(
                new Party("JP", PartyCode.JAPAN, "Japan", JcmStatus.JAPAN, true, Optional.empty()),
                new Party("MN", PartyCode.parse("MNG"), "Mongolia", JcmStatus.PARTNER, true,
                        Optional.of(CooperativeApproachId.parse("CA0012")), Optional.of(LocalDate.of(2013, 1, 8)), Set.of()));
        writer = new LedgerWriter(new TestWriterConfig(maxBatchSize, 100_000, 10_000, 4343), store, Clock.systemUTC(), meters, () -> parties, null, new Defects());
        writer.start();
        assertThat(writer.awaitStarted(Duration.ofSeconds(60))).isEqualTo(WriterStatus.ACTIVE);
        // The writer registers the reference Parties right after it becomes active.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> writer.reference().partiesByCode().containsKey(PartyCode.parse("MNG")));
    }

    /**
     * Runs {@code submits} while the writer is held inside the commit of another command, so that
     * everything they submit waits in the queue and forms the next batches together. The holding
     * command (an organization of MNG01, which must exist) appends {@link #HOLDING_EVENTS} event.
     */
    void sameBatch(Runnable submits) {
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CommitListener blocker = batch -> {
            committing.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        writer.addCommitListener(blocker);
        try {
            CompletableFuture<CommandResult> holding = writer.submit(new LedgerWriter.Item(
                    new RegisterOrganization(RegistryId.parse("MNG01"), "holding the writer"),
                    Actor.registryAdmin("admin", RegistryId.parse("MNG01")), null), Runnable::run);
            try {
                assertThat(committing.await(60, TimeUnit.SECONDS)).as("the writer reached a commit").isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            writer.removeCommitListener(blocker);
            submits.run();
            release.countDown();
            assertThat(holding.join()).isInstanceOf(CommandResult.Accepted.class);
        } finally {
            writer.removeCommitListener(blocker);
            release.countDown();
        }
    }

    double rebuilds() {
        return meters.get("jcm.writer.rebuilds").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    double poison(String stage) {
        return meters.get("jcm.writer.poison.commands").tag("stage", stage).counter().count();
    }

    double splits() {
        return meters.get("jcm.writer.batch.splits").counter().count();
    }

    /**
     * Replays the stored ledger as the writer does at start-up, checking gapless seq, the hash
     * chain and that the stored blocks and accounts equal the replay, and checks the replayed
     * state's invariants; returns the replayed state.
     */
    LedgerState verified() throws Exception {
        try (Connection connection = store.connect()) {
            LoadedLedger loaded = store.load(connection, true);
            assertThat(Invariants.check(loaded.state())).isEmpty();
            assertThat(loaded.state().lastSeq()).isEqualTo(writer.committedSeq());
            assertThat(org.jcm.ledger.canonical.HashChain.toHex(loaded.headHash())).isEqualTo(writer.committedHeadHex());
            return loaded.state();
        }
    }

    Connection connect() throws SQLException {
        return store.connect();
    }

    @Override
    public void close() {
        writer.stop();
    }

    /** Ledger-core, throwing for the organizations named after a defect. */
    private static final class Defects implements LedgerCore {
        @Override
        public Outcome decide(LedgerState state, Command command, CommandContext context) {
            if (command instanceof RegisterOrganization o && o.name().equals(DEFECT_IN_DECIDE)) {
                throw new IllegalStateException("a defect in the decision");
            }
            return LedgerCore.STATE_MACHINE.decide(state, command, context);
        }

        @Override
        public void fold(LedgerState state, LedgerEvent event) {
            LedgerCore.STATE_MACHINE.fold(state, event);
            if (event instanceof org.jcm.ledger.event.OrganizationRegistered o && o.name().equals(DEFECT_IN_FOLD)) {
                throw new IllegalStateException("a defect in the fold, after it changed the state");
            }
        }
    }
}

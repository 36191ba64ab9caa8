package org.jcm.registry.write;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.registry.write.store.DatabaseRecovery;
import org.jcm.registry.write.store.LedgerStore;
import org.jcm.registry.write.store.LedgerVerificationException;
import org.jcm.registry.write.store.LoadedLedger;
import org.jcm.registry.write.store.ReferenceHistory;

/**
 * How a writer becomes (or becomes again, after a storage fault) the active writer: connect, check
 * that the database is not in recovery (a hot standby: {@link WriterStatus#DATABASE_IN_RECOVERY},
 * answers {@code not_the_writer} and checks again), take the PostgreSQL session advisory lock (a
 * standby without it answers {@code not_the_writer} and retries), replay and verify the ledger (also against the latest signed checkpoint), then apply the reference Parties (register those the ledger lacks, update those whose reference row changed).
 * Writer thread only.
 */
final class Activation {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);
    private static final Actor BOOTSTRAP = Actor.operator("bootstrap");
    /** The operator subject of the updates the reference file makes to Parties the ledger has. */
    private static final Actor REFERENCE_UPDATER = Actor.operator("jcm-writer");

    private final WriterConfig config;
    private final LedgerStore store;
    private final WriterSession session;
    private final WriterView view;
    private final SubmissionQueue queue;
    private final WriterMetrics metrics;
    private final KeyDecisions keys;
    private final BatchProcessor processor;
    private final Supplier<List<Party>> referenceParties;
    private final CheckpointAnchor anchor;

    Activation(WriterConfig config, LedgerStore store, WriterSession session, WriterView view, SubmissionQueue queue,
               WriterMetrics metrics, KeyDecisions keys, BatchProcessor processor, Supplier<List<Party>> referenceParties,
               CheckpointAnchor anchor) {
        this.anchor = anchor;
        this.config = config;
        this.store = store;
        this.session = session;
        this.view = view;
        this.queue = queue;
        this.metrics = metrics;
        this.keys = keys;
        this.processor = processor;
        this.referenceParties = referenceParties;
    }

    /** Takes the lock, replays the ledger and registers missing reference Parties; on failure sets the status and waits. */
    void activate() throws InterruptedException {
        try {
            if (session.connection == null || !session.connection.isValid(5)) {
                session.closeConnection();
                session.connection = store.connect();
            }
            if (!session.locked && !takeLock()) {
                queue.failAll(LedgerWriter.NOT_THE_WRITER, view.detail(), metrics);
                view.sleep(config.lockRetryInterval().toMillis());
                return;
            }
            view.set(WriterStatus.STARTING, "replaying the ledger");
            LoadedLedger loaded = store.load(session.connection, config.verifyBlocks(), anchor.latest(session.connection),
                    anchor.wantsLeaves());
            session.loaded(loaded);
            anchor.activated(loaded.tree());
            view.committed(session.state.lastSeq(), session.head);
            view.reference(ReferenceView.of(session.state));
            keys.clear();
            LOG.infof("Ledger writer active: %d events replayed and verified in %d ms", session.state.lastSeq(),
                    loaded.replayMillis());
            view.set(WriterStatus.ACTIVE, "active");
            bootstrapParties();
        } catch (LedgerVerificationException e) {
            LOG.errorf("The stored ledger failed verification; the writer will not apply commands: %s", e.getMessage());
            view.set(WriterStatus.FAILED, "the stored ledger failed verification: " + e.getMessage());
            queue.failAll(LedgerWriter.LEDGER_UNAVAILABLE, view.detail(), metrics);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("The ledger writer cannot reach PostgreSQL, retrying: %s", e.toString());
            session.closeConnection();
            view.set(WriterStatus.STARTING, "the ledger writer cannot reach PostgreSQL");
            queue.failAll(LedgerWriter.LEDGER_UNAVAILABLE, "The ledger is not available right now; retry.", metrics);
            view.sleep(1000);
        }
    }

    /**
     * Takes the single-writer lock unless the database is in recovery: a hot standby grants
     * advisory locks of its own, apart from the primary's, so holding one there proves nothing and
     * every write would fail. False (with the status set) when this instance may not write now.
     */
    private boolean takeLock() throws SQLException {
        if (DatabaseRecovery.inRecovery(session.connection)) {
            if (view.status() != WriterStatus.DATABASE_IN_RECOVERY) {
                LOG.warnf("%s: %s", DatabaseRecovery.STATE, DatabaseRecovery.detail("the ledger writer"));
            }
            view.set(WriterStatus.DATABASE_IN_RECOVERY, DatabaseRecovery.detail("the ledger writer"));
            return false;
        }
        if (view.status() == WriterStatus.DATABASE_IN_RECOVERY) {
            LOG.infof("The database left recovery (promoted): the ledger writer competes for the lock again");
        }
        session.locked = store.tryLock(session.connection, config.lockKey());
        if (!session.locked) {
            view.set(WriterStatus.STANDBY, "another instance is the ledger writer (it holds PostgreSQL advisory lock "
                    + config.lockKey() + ")");
        }
        return session.locked;
    }

    /**
     * Registers the reference Parties the ledger does not know yet (as operator {@code bootstrap}),
     * and updates, as operator {@code jcm-writer}, each Party whose reference row changed since the
     * reference last applied it ({@link ReferenceHistory}) and differs from the ledger's.
     */
    private void bootstrapParties() throws SQLException {
        if (!config.bootstrapParties()) {
            return;
        }
        Map<PartyCode, Party> applied = ReferenceHistory.lastApplied(session.connection, BOOTSTRAP.subject(),
                REFERENCE_UPDATER.subject());
        List<LedgerWriter.Item> items = new ArrayList<>();
        for (Party party : referenceParties.get()) {
            Optional<Party> current = session.state.party(party.code());
            if (current.isEmpty() && session.state.partyByIso2(party.iso2()).isEmpty()) {
                items.add(new LedgerWriter.Item(new RegisterParty(party), BOOTSTRAP, null));
            } else if (current.isPresent() && !party.equals(current.get()) && !party.equals(applied.get(party.code()))) {
                items.add(new LedgerWriter.Item(new UpdateParty(party), REFERENCE_UPDATER, null));
            }
        }
        if (items.isEmpty()) {
            return;
        }
        Submission submission = new Submission(items, null, null, Runnable::run, new CompletableFuture<>());
        processor.process(List.of(submission));
        BatchOutcome outcome = submission.future.join();
        if (outcome instanceof BatchOutcome.Items done) {
            long accepted = done.results().stream().filter(r -> r instanceof CommandResult.Accepted).count();
            LOG.infof("Applied %d of %d reference Party rows (registered or updated)", accepted, items.size());
            done.results().stream().filter(r -> !(r instanceof CommandResult.Accepted))
                    .forEach(r -> LOG.warnf("A reference Party row was not applied: %s", r));
        } else {
            LOG.warnf("Reference Parties were not applied: %s", outcome);
        }
    }
}

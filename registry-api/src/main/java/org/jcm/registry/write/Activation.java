package org.jcm.registry.write;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.id.Party;
import org.jcm.registry.write.store.LedgerStore;
import org.jcm.registry.write.store.LedgerVerificationException;
import org.jcm.registry.write.store.LoadedLedger;

/**
 * How a writer becomes (or becomes again, after a storage fault) the active writer: connect, take
 * the PostgreSQL session advisory lock (a standby without it answers {@code not_the_writer} and
 * retries), replay and verify the ledger (also against the latest signed checkpoint), then register the reference Parties the ledger lacks.
 * Writer thread only.
 */
final class Activation {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);
    private static final Actor BOOTSTRAP = Actor.operator("bootstrap");

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
            if (!session.locked) {
                session.locked = store.tryLock(session.connection, config.lockKey());
                if (!session.locked) {
                    view.set(WriterStatus.STANDBY, "another instance is the ledger writer (it holds PostgreSQL advisory lock "
                            + config.lockKey() + ")");
                    queue.failAll(LedgerWriter.NOT_THE_WRITER, view.detail(), metrics);
                    view.sleep(config.lockRetryInterval().toMillis());
                    return;
                }
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

    /** Registers the reference Parties the ledger does not know yet, as operator {@code bootstrap}. */
    private void bootstrapParties() {
        if (!config.bootstrapParties()) {
            return;
        }
        List<LedgerWriter.Item> missing = new ArrayList<>();
        for (Party party : referenceParties.get()) {
            if (session.state.party(party.code()).isEmpty() && session.state.partyByIso2(party.iso2()).isEmpty()) {
                missing.add(new LedgerWriter.Item(new RegisterParty(party), BOOTSTRAP, null));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Submission submission = new Submission(missing, null, null, Runnable::run, new CompletableFuture<>());
        processor.process(List.of(submission));
        BatchOutcome outcome = submission.future.join();
        if (outcome instanceof BatchOutcome.Items items) {
            long accepted = items.results().stream().filter(r -> r instanceof CommandResult.Accepted).count();
            LOG.infof("Registered %d reference Parties", accepted);
            items.results().stream().filter(r -> !(r instanceof CommandResult.Accepted))
                    .forEach(r -> LOG.warnf("A reference Party was not registered: %s", r));
        } else {
            LOG.warnf("Reference Parties were not registered: %s", outcome);
        }
    }
}

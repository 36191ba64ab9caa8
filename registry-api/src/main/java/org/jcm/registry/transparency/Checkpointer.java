package org.jcm.registry.transparency;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.NoteFormatException;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.ledger.proof.NoteVerificationException;
import org.jcm.registry.write.CheckpointAnchor;
import org.jcm.registry.write.CommittedBatch;
import org.jcm.registry.write.store.LedgerVerificationException;
import org.jcm.registry.write.store.LoadedTree;
import org.jcm.registry.write.store.TreeAnchor;

/**
 * Signs checkpoints of what this instance's writer commits (docs/transparency-log.md): the writer
 * hands it the tree it computed while replaying and then every committed batch's canonical events,
 * and a thread of its own ({@link CheckpointSigning}) appends their leaves, writes the tiles and a
 * signed checkpoint every {@code jcm.checkpoint.every-entries} entries or {@code every}, and
 * publishes it on Kafka. Before the writer replays, it gives the writer the latest stored checkpoint
 * that carries this log's signature, which the stored entries must match.
 *
 * <p>The signing key is read from a file when the writer first activates (an instance that never
 * writes never reads it) and is never stored in PostgreSQL.
 */
@ApplicationScoped
public class Checkpointer implements CheckpointAnchor {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);

    private final CheckpointConfig config;
    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry meters;
    private final Clock clock;
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private volatile TreeAnchor lastSigned;
    private NoteKeys.Signer signer;
    private Thread thread;
    /** Checkpointer thread only. */
    private CheckpointSigning signing;

    Checkpointer(CheckpointConfig config, AgroalDataSource dataSource,
                 @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry meters, Clock clock) {
        this.config = config;
        this.dataSource = dataSource;
        this.kafkaConfig = kafkaConfig;
        this.meters = meters;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Checkpoints are disabled (jcm.checkpoint.enabled=false): nothing is signed");
            return;
        }
        Gauge.builder("jcm.checkpoint.tree.size", this, c -> c.lastSigned == null ? 0 : c.lastSigned.size())
                .description("Entries covered by the latest checkpoint this instance signed or verified at start")
                .register(meters);
        thread = new Thread(this::run, "jcm-checkpointer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (signing != null) {
                signing.close();
            }
        }
    }

    /**
     * The log's signer for other signed records of the registry (emission records, docs/disclosure.md),
     * or empty when checkpoints are disabled and there is no log key.
     */
    public java.util.Optional<NoteKeys.Signer> recordSigner() {
        return config.enabled() ? java.util.Optional.of(signer()) : java.util.Optional.empty();
    }

    /** The log's signer, read from its file the first time (the writer may ask before start-up ends). */
    synchronized NoteKeys.Signer signer() {
        if (signer == null) {
            java.nio.file.Path file = config.signingKeyFile().orElseThrow(() -> new IllegalStateException(
                    "jcm.checkpoint.signing-key-file is not set: checkpoints need the log's signing key"
                            + " (or set jcm.checkpoint.enabled=false)"));
            signer = LogKey.load(file, config.origin(), config.generateKey());
            LOG.infof("Checkpoints are signed as %s; verifier key %s", signer.name(), signer.verifierKey());
        }
        return signer;
    }

    @Override
    public TreeAnchor latest(Connection connection) throws SQLException, LedgerVerificationException {
        if (!config.enabled()) {
            return null;
        }
        TreeAnchor stored = storedAnchor(connection);
        Checkpoint published = PublishedCheckpoint.latest(kafkaConfig, config.topic(), signer().verifier());
        if (published != null && (stored == null || published.size() > stored.size())) {
            LOG.warnf("Checkpoint %d is on Kafka but %s in PostgreSQL; the stored entries are checked against it",
                    published.size(), stored == null ? "no checkpoint is" : "only " + stored.size() + " is");
            stored = new TreeAnchor(published.size(), published.root(), "checkpoint " + published.size()
                    + " (published on " + config.topic() + ")");
        }
        lastSigned = stored;
        return stored;
    }

    /** The latest checkpoint in PostgreSQL, which must carry this log's signature; null if none. */
    private TreeAnchor storedAnchor(Connection connection) throws SQLException, LedgerVerificationException {
        TreeRows.StoredCheckpoint stored = TreeRows.latest(connection);
        if (stored == null) {
            return null;
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.open(stored.note(), signer().verifier());
        } catch (NoteFormatException | NoteVerificationException e) {
            throw new LedgerVerificationException("checkpoint " + stored.treeSize() + " stored in PostgreSQL is not signed"
                    + " by this log's key " + signer().verifierKey() + ": " + e.getMessage());
        }
        if (checkpoint.size() != stored.treeSize() || !Arrays.equals(checkpoint.root(), stored.root())) {
            throw new LedgerVerificationException("checkpoint " + stored.treeSize() + " stored in PostgreSQL has columns"
                    + " that differ from its signed note (tree size " + checkpoint.size() + ")");
        }
        return new TreeAnchor(checkpoint.size(), checkpoint.root(), "checkpoint " + checkpoint.size());
    }

    @Override
    public void activated(LoadedTree tree) {
        if (config.enabled()) {
            inbox.add(tree);
        }
    }

    @Override
    public void committed(CommittedBatch batch) {
        if (config.enabled()) {
            inbox.add(batch);
        }
    }

    @Override
    public TreeAnchor lastSigned() {
        return lastSigned;
    }

    @Override
    public boolean wantsLeaves() {
        return config.enabled();
    }

    private void signed(TreeAnchor anchor) {
        lastSigned = anchor;
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Object message = inbox.poll(signing == null ? 1000 : signing.pollMillis(), TimeUnit.MILLISECONDS);
                if (message instanceof LoadedTree tree) {
                    if (signing == null) {
                        // Made at the first activation: an instance that never writes (a read replica)
                        // never reads the signing key.
                        signing = new CheckpointSigning(config, signer(), dataSource,
                                new CheckpointPublisher(config.topic(), kafkaConfig), meters, clock, this::signed);
                    }
                    signing.activated(tree);
                } else if (message instanceof CommittedBatch batch && signing != null) {
                    signing.committed(batch);
                }
                if (signing != null) {
                    signing.maybeSign();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("The checkpointer thread failed; no more checkpoints are signed until restart", e);
        }
    }
}

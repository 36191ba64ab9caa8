package org.jcm.registry.transparency;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.jcm.ledger.proof.Checkpoint;
import org.jcm.ledger.proof.LeafHashes;
import org.jcm.ledger.proof.MerkleHash;
import org.jcm.ledger.proof.NoteKeys;
import org.jcm.ledger.proof.Tiles;
import org.jcm.ledger.proof.TreeEdge;
import org.jcm.registry.write.CommittedBatch;
import org.jcm.registry.write.store.LoadedTree;
import org.jcm.registry.write.store.TreeAnchor;

/**
 * The checkpointer thread's work: the tree's right edge at the last signed checkpoint and the leaves
 * no checkpoint covers yet (packed), grown from the writer's committed batches; a checkpoint when
 * {@code every-entries} new entries have come or {@code every} has passed since the last one with
 * the ledger grown. A checkpoint's tiles and its signed note are written in one transaction, then
 * published; a failure leaves the leaves pending and is retried. A checkpoint covers at most
 * {@code max-entries} new entries, so that a first checkpoint over a long ledger (checkpoints switched
 * on late) is signed in steps whose tiles each fit one moderate transaction. Checkpointer thread only.
 */
final class CheckpointSigning implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);
    private static final long RETRY_MILLIS = 1000;

    private final CheckpointConfig config;
    private final NoteKeys.Signer signer;
    private final AgroalDataSource dataSource;
    private final CheckpointPublisher publisher;
    private final Clock clock;
    private final Consumer<TreeAnchor> signed;
    private final Counter signedCount;
    private final Counter storeFailures;
    private final Counter publishFailures;
    private final Timer signTime;
    /** The tree at the last signed checkpoint; null while signing is stopped until reactivation. */
    private TreeEdge signedEdge;
    private LeafHashes pending = new LeafHashes();
    private long lastSignedNanos = System.nanoTime();
    private long retryAfterNanos = System.nanoTime();
    private byte[] unpublished;
    private long unpublishedSize;

    CheckpointSigning(CheckpointConfig config, NoteKeys.Signer signer, AgroalDataSource dataSource,
                      CheckpointPublisher publisher, MeterRegistry meters, Clock clock, Consumer<TreeAnchor> signed) {
        this.config = config;
        this.signer = signer;
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.clock = clock;
        this.signed = signed;
        this.signedCount = Counter.builder("jcm.checkpoints.signed").description("Checkpoints signed and stored")
                .register(meters);
        this.storeFailures = Counter.builder("jcm.checkpoint.failures").tag("stage", "store")
                .description("Checkpoints not stored or not published at the first try (retried)").register(meters);
        this.publishFailures = Counter.builder("jcm.checkpoint.failures").tag("stage", "publish")
                .description("Checkpoints not stored or not published at the first try (retried)").register(meters);
        this.signTime = Timer.builder("jcm.checkpoint.sign").description("Writing a checkpoint's tiles and signed note")
                .register(meters);
    }

    /** How long the thread waits for the next batch before it looks at the clock again. */
    long pollMillis() {
        return Math.max(10, Math.min(config.every().toMillis(), RETRY_MILLIS) / 4);
    }

    /** The writer (re)activated: continue from the tree it computed over every stored entry. */
    void activated(LoadedTree tree) {
        if (!tree.collected()) {
            LOG.error("The writer did not keep the tree's leaves; no checkpoint is signed until it reactivates");
            signedEdge = null;
            return;
        }
        signedEdge = tree.anchorEdge().copy();
        pending = tree.leavesAfterAnchor();
        lastSignedNanos = System.nanoTime();
        republishLatest();
    }

    /** Appends a committed batch's leaves; a batch that does not follow the tree stops signing until reactivation. */
    void committed(CommittedBatch batch) {
        if (signedEdge == null) {
            return;
        }
        if (batch.fromSeq() != treeSize() + 1) {
            LOG.errorf("A committed batch starts at seq %d but the tree holds %d entries; no checkpoint is signed until"
                    + " the writer reactivates", batch.fromSeq(), treeSize());
            signedEdge = null;
            return;
        }
        for (String json : batch.eventJson()) {
            pending.add(MerkleHash.leaf(json.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Signs a checkpoint if enough entries came or enough time passed; retries a failed publication. */
    void maybeSign() {
        long now = System.nanoTime();
        if (unpublished != null && now - retryAfterNanos >= 0) {
            publish(unpublishedSize, unpublished);
        }
        if (signedEdge == null || pending.size() == 0 || now - retryAfterNanos < 0) {
            return;
        }
        if (pending.size() < config.everyEntries() && now - lastSignedNanos < config.every().toNanos()) {
            return;
        }
        signTime.record(this::sign);
    }

    private long treeSize() {
        return signedEdge.size() + pending.size();
    }

    private void sign() {
        long signedSize = signedEdge.size();
        long step = Math.min(pending.size(), config.maxEntries());
        long size = signedSize + step;
        TreeEdge next = signedEdge.copy();
        for (long i = 0; i < step; i++) {
            next.append(pending.get(i));
        }
        byte[] root = next.root();
        Instant at = clock.instant();
        String note = new Checkpoint(config.origin(), size, root).sign(signer).encode();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Tiles.Tile> tiles = Tiles.grow(signedSize, size, index -> pending.get(index - signedSize),
                        (level, index, width) -> tile(c, level, index, width));
                TreeRows.insert(c, tiles, size, root, note, at);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (!alreadyStored(c, size, root)) {
                    throw e;
                }
            }
        } catch (SQLException | RuntimeException e) {
            storeFailures.increment();
            LOG.warnf("Checkpoint %d was not stored; retrying in %d ms: %s", size, RETRY_MILLIS, e.toString());
            retryAfterNanos = System.nanoTime() + RETRY_MILLIS * 1_000_000;
            return;
        }
        signedEdge = next;
        pending.dropFirst(step);
        lastSignedNanos = System.nanoTime();
        signedCount.increment();
        signed.accept(new TreeAnchor(size, root, "checkpoint " + size));
        publish(size, CheckpointPublisher.message(size, root, config.origin(), note, at));
    }

    /** Another instance (a previous writer) stored the same checkpoint first: the same root is as good. */
    private static boolean alreadyStored(Connection c, long size, byte[] root) throws SQLException {
        TreeRows.StoredCheckpoint stored = TreeRows.checkpoint(c, size);
        return stored != null && Arrays.equals(stored.root(), root);
    }

    private static byte[] tile(Connection c, int level, long index, int width) {
        try {
            return TreeRows.tile(c, level, index, width);
        } catch (SQLException e) {
            throw new IllegalStateException("reading tile " + level + "/" + index + ": " + e.getMessage(), e);
        }
    }

    private void publish(long size, byte[] message) {
        if (publisher.publish(size, message)) {
            unpublished = null;
        } else {
            publishFailures.increment();
            unpublished = message;
            unpublishedSize = size;
            retryAfterNanos = System.nanoTime() + RETRY_MILLIS * 1_000_000;
        }
    }

    /** At activation, the latest stored checkpoint is published again, in case its first publication was lost. */
    private void republishLatest() {
        try (Connection c = dataSource.getConnection()) {
            TreeRows.StoredCheckpoint latest = TreeRows.latest(c);
            if (latest != null) {
                publish(latest.treeSize(), CheckpointPublisher.message(latest.treeSize(), latest.root(), config.origin(),
                        latest.note(), latest.createdAt()));
            }
        } catch (SQLException e) {
            LOG.warnf("The latest checkpoint could not be read to publish it again: %s", e.getMessage());
        }
    }

    @Override
    public void close() {
        publisher.close();
    }
}

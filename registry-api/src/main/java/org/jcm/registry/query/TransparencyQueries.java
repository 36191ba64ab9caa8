package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jcm.ledger.proof.MerkleProofs;
import org.jcm.ledger.proof.NodeSource;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.TransparencyJson.CheckpointJson;
import org.jcm.registry.api.TransparencyJson.ConsistencyJson;
import org.jcm.registry.api.TransparencyJson.InclusionJson;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.support.problem.ProblemException;

/**
 * The transparency log's public reads: signed checkpoints with their cosignatures, and inclusion
 * and consistency proofs against checkpointed tree sizes, computed from the stored tiles
 * ({@link TileProofs}). Each read is one read-only transaction, so a proof and the checkpoint it
 * was checked against come from one snapshot (rows are only ever added).
 */
@ApplicationScoped
public class TransparencyQueries {

    /** Checkpoints in tree size order, keyed by tree size. */
    public static final ListKind CHECKPOINTS = new ListKind("checkpoints", 1);

    private static final String PAGE = "SELECT " + CheckpointRows.COLUMNS + " FROM ledger_checkpoint"
            + " WHERE tree_size > $1 ORDER BY tree_size LIMIT $2";
    private static final String EXISTING = "SELECT tree_size FROM ledger_checkpoint WHERE tree_size = ANY($1::int8[])";

    private final Pool pool;

    TransparencyQueries(Pool pool) {
        this.pool = pool;
    }

    /** The checkpoint with the largest tree size; empty before the first one. */
    public Uni<Optional<CheckpointJson>> latest() {
        return read(c -> c.preparedQuery(CheckpointRows.LATEST).execute()
                .chain(rows -> CheckpointRows.first(c, rows)).map(Optional::ofNullable));
    }

    /** The checkpoint of exactly {@code treeSize} entries; empty when none was signed at that size. */
    public Uni<Optional<CheckpointJson>> checkpoint(long treeSize) {
        return read(c -> c.preparedQuery(CheckpointRows.BY_SIZE).execute(Tuple.of(treeSize))
                .chain(rows -> CheckpointRows.first(c, rows)).map(Optional::ofNullable));
    }

    /** One page of checkpoints in tree size order. */
    public Uni<ListResponse<CheckpointJson>> checkpoints(PageRequest page) {
        long after = page.after().map(cursor -> cursor.number(0)).orElse(0L);
        return read(c -> c.preparedQuery(PAGE).execute(Tuple.of(after, page.fetchSize()))
                .chain(rows -> CheckpointRows.withCosignatures(c, rows))
                .map(checkpoints -> Pages.of(checkpoints, page, cp -> CHECKPOINTS.cursor(cp.treeSize()))));
    }

    /**
     * The inclusion proof of entry {@code seq} in the checkpoint of {@code treeSize} entries
     * ({@code 1 <= seq <= treeSize}, checked by the caller).
     *
     * @throws ProblemException 404 {@code checkpoint_not_found} when no checkpoint has that size
     */
    public Uni<InclusionJson> inclusion(long seq, long treeSize) {
        return read(c -> requireCheckpoints(c, treeSize).chain(() -> proof(c, treeSize,
                        source -> MerkleProofs.inclusion(source, seq - 1, treeSize)))
                .map(hashes -> new InclusionJson(seq, seq - 1, treeSize, hashes)));
    }

    /**
     * The consistency proof from the checkpoint of {@code from} entries to that of {@code to}
     * ({@code 1 <= from <= to}, checked by the caller).
     *
     * @throws ProblemException 404 {@code checkpoint_not_found} when either size is not a checkpoint's
     */
    public Uni<ConsistencyJson> consistency(long from, long to) {
        return read(c -> requireCheckpoints(c, from, to).chain(() -> proof(c, to,
                        source -> MerkleProofs.consistency(source, from, to)))
                .map(hashes -> new ConsistencyJson(from, to, hashes)));
    }

    /** Runs a proof over the tiles it needs, fetched in one statement; its hashes in base64. */
    private static Uni<List<String>> proof(SqlConnection c, long treeSize,
                                           Function<NodeSource, List<byte[]>> proof) {
        return TileProofs.load(c, treeSize, placeholders -> proof.apply(placeholders))
                .map(source -> TileProofs.base64(proof.apply(source)));
    }

    /** Fails with 404 {@code checkpoint_not_found} naming the first size that was never checkpointed. */
    static Uni<Void> requireCheckpoints(SqlConnection c, long... sizes) {
        Long[] asked = new Long[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            asked[i] = sizes[i];
        }
        return c.preparedQuery(EXISTING).execute(Tuple.of(asked)).map(rows -> {
            Set<Long> found = new HashSet<>();
            for (Row row : rows) {
                found.add(row.getLong("tree_size"));
            }
            for (long size : sizes) {
                if (!found.contains(size)) {
                    throw checkpointNotFound(size);
                }
            }
            return null;
        });
    }

    /** 404 {@code checkpoint_not_found} for a tree size no checkpoint has. */
    public static ProblemException checkpointNotFound(long size) {
        return new ProblemException(404, ProblemCodes.CHECKPOINT_NOT_FOUND, "No checkpoint covers exactly " + size
                + " entries; proofs are given against the tree sizes of signed checkpoints (GET /api/v1/ledger/checkpoints).");
    }

    private <T> Uni<T> read(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(c -> c.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .chain(() -> work.apply(c)));
    }
}

package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.proof.MerkleProofs;
import org.jcm.ledger.proof.NodeSource;
import org.jcm.registry.api.TransparencyJson.CheckpointJson;
import org.jcm.registry.persistence.StoredEventJson;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.registry.security.RegistryScope;
import org.jcm.support.problem.ProblemException;

/**
 * A retirement's event with its inclusion proof, for its certificate: the stored entry (its
 * canonical JSON, the leaf), where its retiring account belongs, the titles of its projects, and the
 * audit path to a signed checkpoint that covers it, all read in one read-only REPEATABLE READ
 * transaction. The proof is built like every other proof, from the stored tiles ({@link TileProofs})
 * over the checkpoints' rows ({@link CheckpointRows}).
 *
 * <p>The checkpoint is the smallest one that covers the retirement and carries a witness's
 * cosignature, so that a certificate asked for again names the same checkpoint; if no such
 * checkpoint is stored, the latest (which a witness may cosign later).
 */
@ApplicationScoped
public class RetirementProofs {

    private static final Logger LOG = Logger.getLogger(RetirementProofs.class);
    private static final String ENTRY = "SELECT type, event_json FROM ledger_event WHERE seq = $1";
    private static final String ACCOUNT = "SELECT a.registry_id, r.party, a.organization_id, o.name AS organization_name"
            + " FROM account a JOIN registry r ON r.id = a.registry_id LEFT JOIN organization o ON o.id = a.organization_id"
            + " WHERE a.id = $1";
    private static final String PROJECTS = "SELECT id, title, host_party FROM project WHERE id = ANY($1::text[])";
    /** The smallest cosigned checkpoint of at least $1 entries (ledger_cosignature's key leads with tree_size). */
    private static final String COSIGNED = "SELECT " + CheckpointRows.COLUMNS + " FROM ledger_checkpoint WHERE tree_size ="
            + " (SELECT min(tree_size) FROM ledger_cosignature WHERE tree_size >= $1)";

    private final Pool pool;

    RetirementProofs(Pool pool) {
        this.pool = pool;
    }

    /**
     * Retirement {@code seq} with its inclusion proof. {@code access} sees where the retiring account
     * belongs before anything else is read, and throws to refuse.
     *
     * @throws ProblemException 404 {@code retirement_not_found} when entry {@code seq} is not a retirement
     * @throws NotYetCheckpointed when no signed checkpoint covers it yet
     * @throws ProblemException 503 {@code ledger_integrity_failure} when the stored entry is not a
     *         retirement event of that seq, or names an account the registry does not have
     */
    public Uni<ProvenRetirement> prove(long seq, Consumer<RegistryScope> access) {
        return pool.withTransaction(c -> c.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                        .chain(() -> c.preparedQuery(ENTRY).execute(Tuple.of(seq)))
                        .chain(rows -> fetch(c, seq, retirement(seq, rows), access)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(Fetched::prove);
    }

    /** The stored retirement of entry {@code seq}, decoded. */
    private static Stored retirement(long seq, RowSet<Row> rows) {
        Row row = UnitQueries.first(rows).orElse(null);
        if (row == null || !"CreditsRetired".equals(row.getString("type"))) {
            throw new ProblemException(404, ProblemCodes.RETIREMENT_NOT_FOUND, "Ledger entry " + seq
                    + " is not a retirement; certificates are issued for the seq of a CreditsRetired event.");
        }
        String json = row.getString("event_json");
        LedgerEvent event;
        try {
            event = StoredEventJson.decode(json);
        } catch (RuntimeException e) {
            throw integrityFailure("entry " + seq + " is stored as a retirement but its event does not decode: " + e.getMessage());
        }
        if (!(event instanceof CreditsRetired retired) || retired.seq() != seq) {
            throw integrityFailure("entry " + seq + " is stored as a retirement but its event is a " + event.type()
                    + " of seq " + event.seq());
        }
        return new Stored(json, retired);
    }

    private static Uni<Fetched> fetch(SqlConnection c, long seq, Stored stored, Consumer<RegistryScope> access) {
        String accountId = stored.event().fromAccountId().value();
        return c.preparedQuery(ACCOUNT).execute(Tuple.of(accountId)).chain(accounts -> {
            Row account = UnitQueries.first(accounts).orElseThrow(() -> integrityFailure("retirement " + seq
                    + " names account " + accountId + ", which the registry does not have"));
            RegistryScope retiring = new RegistryScope(account.getString("registry_id"), account.getString("party"),
                    account.getString("organization_id"));
            access.accept(retiring);
            String organizationName = account.getString("organization_name");
            return projects(c, stored.event()).chain(projects -> checkpoint(c, seq).chain(checkpoint ->
                    TileProofs.load(c, checkpoint.treeSize(), source -> MerkleProofs.inclusion(source, seq - 1,
                                    checkpoint.treeSize()))
                            .map(source -> new Fetched(new ProvenRetirement(seq, stored.json(), stored.event(), retiring,
                                    organizationName, projects, checkpoint, List.of()), source))));
        });
    }

    private static Uni<Map<String, ProjectRecord>> projects(SqlConnection c, CreditsRetired event) {
        Set<String> ids = new LinkedHashSet<>();
        for (BlockRange range : event.ranges()) {
            ids.add(range.projectId().value());
        }
        return c.preparedQuery(PROJECTS).execute(Tuple.of(ids.toArray(String[]::new))).map(rows -> {
            Map<String, ProjectRecord> projects = new HashMap<>();
            for (Row row : rows) {
                projects.put(row.getString("id"), new ProjectRecord(row.getString("title"), row.getString("host_party")));
            }
            return projects;
        });
    }

    /** The smallest cosigned checkpoint covering {@code seq}, else the latest if it covers it. */
    private static Uni<CheckpointJson> checkpoint(SqlConnection c, long seq) {
        return c.preparedQuery(COSIGNED).execute(Tuple.of(seq)).chain(rows -> CheckpointRows.first(c, rows))
                .chain(cosigned -> cosigned != null ? Uni.createFrom().item(cosigned)
                        : c.preparedQuery(CheckpointRows.LATEST).execute().chain(rows -> CheckpointRows.first(c, rows))
                                .map(latest -> {
                                    if (latest == null || latest.treeSize() < seq) {
                                        throw new NotYetCheckpointed(seq, latest == null ? 0 : latest.treeSize());
                                    }
                                    return latest;
                                }));
    }

    /**
     * 503 {@code ledger_integrity_failure}, logged at ERROR: what is stored is not what the log signed,
     * so no certificate is given that would not verify.
     */
    public static ProblemException integrityFailure(String why) {
        LOG.errorf("Ledger integrity failure while issuing a retirement certificate: %s", why);
        return new ProblemException(503, ProblemCodes.LEDGER_INTEGRITY_FAILURE, "The stored ledger does not verify against "
                + "the signed checkpoints, so no certificate is issued; the operator has been alerted in the service's log.");
    }

    /** No signed checkpoint covers the retirement yet: 409 {@code retirement_not_yet_checkpointed}. */
    public static final class NotYetCheckpointed extends ProblemException {

        private static final long serialVersionUID = 1L;

        NotYetCheckpointed(long seq, long latest) {
            super(409, ProblemCodes.RETIREMENT_NOT_YET_CHECKPOINTED, "Retirement " + seq + " is not covered by a signed "
                    + "checkpoint yet (the latest covers " + latest + " entries); the next one will, try again after "
                    + "Retry-After seconds.");
        }
    }

    /**
     * A retirement as stored, with its inclusion proof.
     *
     * @param seq the retirement's seq
     * @param eventJson the stored canonical JSON, the leaf's bytes
     * @param event that JSON decoded
     * @param retiring where the retiring account belongs
     * @param organizationName the retiring organization's name (registry records)
     * @param projects the retired units' projects, by project id (registry records)
     * @param checkpoint the signed checkpoint the proof leads to, with its stored cosignatures
     * @param inclusion the audit path of leaf {@code seq - 1} in the checkpoint's tree
     */
    public record ProvenRetirement(long seq, String eventJson, CreditsRetired event, RegistryScope retiring,
                                   String organizationName, Map<String, ProjectRecord> projects, CheckpointJson checkpoint,
                                   List<byte[]> inclusion) {
    }

    /**
     * What the registry's records say of a retired unit's project.
     *
     * @param title the project's title
     * @param hostParty its first host, whose numbering line its serials name without a host
     */
    public record ProjectRecord(String title, String hostParty) {
    }

    /** An entry as stored, decoded. */
    private record Stored(String json, CreditsRetired event) {
    }

    /** What the transaction read, and the nodes the proof needs. */
    private record Fetched(ProvenRetirement read, NodeSource source) {
        ProvenRetirement prove() {
            long size = read.checkpoint().treeSize();
            List<byte[]> path;
            try {
                path = MerkleProofs.inclusion(source, read.seq() - 1, size);
            } catch (RuntimeException e) {
                throw integrityFailure("the stored tree cannot prove entry " + read.seq() + " in checkpoint " + size + ": "
                        + e.getMessage());
            }
            return new ProvenRetirement(read.seq(), read.eventJson(), read.event(), read.retiring(), read.organizationName(),
                    read.projects(), read.checkpoint(), path);
        }
    }
}

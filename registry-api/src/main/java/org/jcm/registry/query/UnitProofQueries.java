package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jcm.ledger.proof.MerkleProofs;
import org.jcm.ledger.proof.NodeSource;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.api.TransparencyJson.CheckpointJson;
import org.jcm.registry.api.TransparencyJson.UnitEntryJson;
import org.jcm.registry.api.TransparencyJson.UnitProofJson;
import org.jcm.registry.paging.ListKind;
import org.jcm.registry.paging.PageRequest;
import org.jcm.registry.paging.Pages;
import org.jcm.registry.problem.ProblemCodes;
import org.jcm.registry.security.RegistryScope;
import org.jcm.support.problem.ProblemException;

/**
 * A unit's proof: every entry that touched the asked units (the {@code event_units} index, as
 * {@code GET /units/{id}} finds their history) up to a checkpoint's tree size, each as stored (its
 * canonical JSON, the leaf) with its inclusion proof against that checkpoint. The first page is
 * against the latest checkpoint; its cursor carries the tree size, so that every page of one
 * reading proves against the same checkpoint. The rows come from one read-only REPEATABLE READ
 * transaction; the proofs are computed afterwards on a worker thread (a page of 1,000 entries
 * hashes up to a few hundred thousand nodes inside tiles).
 */
@ApplicationScoped
public class UnitProofQueries {

    /** A unit's proof, keyed by the checkpoint's tree size and the seq. */
    public static final ListKind UNIT_PROOF = new ListKind("unit-proof", 2);

    private static final String ASKED = "(SELECT range_agg(int8range(f, l, '[]')) FROM unnest($3::int8[], $4::int8[]) AS r(f, l))";
    /** Where the live blocks holding the asked units belong: the accounts' registries and organizations. */
    private static final String HOLDERS = "SELECT DISTINCT a.registry_id, r.party, a.organization_id FROM block b"
            + " JOIN account a ON a.id = b.account_id JOIN registry r ON r.id = a.registry_id"
            + " WHERE b.host_party = $1 AND b.vintage = $2 AND int8range(b.first_unit, b.last_unit, '[]') && " + ASKED;
    private static final String ENTRIES = "SELECT e.seq, e.event_json FROM ledger_event e WHERE e.seq IN ("
            + "SELECT eu.seq FROM event_units eu WHERE eu.host_party = $1 AND eu.vintage = $2 AND eu.units && " + ASKED
            + ") AND e.seq > $5 AND e.seq <= $6 ORDER BY e.seq LIMIT $7";

    private final Pool pool;

    UnitProofQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * One page of the unit's proof; empty when none of the asked units was issued. {@code access}
     * sees where the live blocks holding the units belong before anything else is read, and throws
     * to refuse.
     *
     * @throws ProblemException 404 {@code checkpoint_not_found} when no checkpoint was signed yet
     */
    public Uni<Optional<UnitProofJson>> proof(UnitQuery query, PageRequest page, Consumer<List<RegistryScope>> access) {
        return pool.withTransaction(c -> c.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                        .chain(() -> asked(c, query))
                        .chain(asked -> asked.isEmpty() ? Uni.createFrom().item(Optional.<Fetched>empty())
                                : fetch(c, asked.get(), page, access).map(Optional::of)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(fetched -> fetched.map(f -> f.prove(query.text())));
    }

    /** The asked units that were issued (for the asked project, or under the ITMO id's registry); empty if none. */
    private static Uni<Optional<AskedUnits>> asked(SqlConnection c, UnitQuery query) {
        return UnitQueries.host(c, query).chain(host -> {
            if (host.isEmpty()) {
                return Uni.createFrom().item(Optional.empty());
            }
            String filter = query.isItmoId() ? UnitQueries.BY_ISSUING_REGISTRY : UnitQueries.BY_PROJECT;
            Tuple units = Tuple.of(host.get(), (short) query.vintage(), query.first(), query.last(),
                    query.isItmoId() ? query.issuingRegistryId() : query.projectId());
            return c.preparedQuery(UnitQueries.EXISTING.formatted(filter)).execute(units)
                    .map(rows -> rows.size() == 0 ? Optional.<AskedUnits>empty()
                            : Optional.of(AskedUnits.of(host.get(), query.vintage(), rows)));
        });
    }

    private static Uni<Fetched> fetch(SqlConnection c, AskedUnits asked, PageRequest page,
                                      Consumer<List<RegistryScope>> access) {
        Tuple units = Tuple.of(asked.hostParty(), (short) asked.vintage(), asked.firsts(), asked.lasts());
        return c.preparedQuery(HOLDERS).execute(units)
                .invoke(rows -> access.accept(scopes(rows)))
                .chain(() -> checkpoint(c, page))
                .chain(checkpoint -> {
                    long after = page.after().map(cursor -> cursor.number(1)).orElse(0L);
                    Tuple entries = Tuple.of(asked.hostParty(), (short) asked.vintage(), asked.firsts(), asked.lasts(),
                            after, checkpoint.treeSize()).addInteger(page.fetchSize());
                    return c.preparedQuery(ENTRIES).execute(entries).chain(rows -> {
                        List<Entry> fetched = new ArrayList<>(rows.size());
                        for (Row row : rows) {
                            fetched.add(new Entry(row.getLong("seq"), row.getString("event_json")));
                        }
                        ListResponse<Entry> kept = Pages.of(fetched, page, e -> UNIT_PROOF.cursor(checkpoint.treeSize(), e.seq()));
                        return TileProofs.load(c, checkpoint.treeSize(), source -> prove(source, kept.items(),
                                checkpoint.treeSize())).map(source -> new Fetched(checkpoint, kept, source));
                    });
                });
    }

    /** The latest checkpoint for a first page; the one named by the cursor for the pages after. */
    private static Uni<CheckpointJson> checkpoint(SqlConnection c, PageRequest page) {
        Optional<Long> pinned = page.after().map(cursor -> cursor.number(0));
        Uni<RowSet<Row>> rows = pinned.isPresent()
                ? c.preparedQuery(CheckpointRows.BY_SIZE).execute(Tuple.of(pinned.get()))
                : c.preparedQuery(CheckpointRows.LATEST).execute();
        return rows.chain(found -> CheckpointRows.first(c, found)).map(checkpoint -> {
            if (checkpoint != null) {
                return checkpoint;
            }
            if (pinned.isPresent()) {
                throw TransparencyQueries.checkpointNotFound(pinned.get());
            }
            throw new ProblemException(404, ProblemCodes.CHECKPOINT_NOT_FOUND,
                    "No checkpoint has been signed yet, so there is nothing to prove against; try again in a few seconds.");
        });
    }

    private static List<RegistryScope> scopes(RowSet<Row> rows) {
        List<RegistryScope> scopes = new ArrayList<>(rows.size());
        for (Row row : rows) {
            scopes.add(new RegistryScope(row.getString("registry_id"), row.getString("party"),
                    row.getString("organization_id")));
        }
        return scopes;
    }

    private static List<UnitEntryJson> prove(NodeSource source, List<Entry> entries, long treeSize) {
        List<UnitEntryJson> proven = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            List<byte[]> path = MerkleProofs.inclusion(source, entry.seq() - 1, treeSize);
            proven.add(new UnitEntryJson(entry.seq(), entry.seq() - 1, entry.json(), TileProofs.base64(path)));
        }
        return proven;
    }

    /** An entry as stored: its seq and canonical JSON. */
    private record Entry(long seq, String json) {
    }

    /** What the transaction read: the checkpoint, one page of entries, and the nodes their proofs need. */
    private record Fetched(CheckpointJson checkpoint, ListResponse<Entry> entries, NodeSource source) {
        UnitProofJson prove(String query) {
            List<UnitEntryJson> items = UnitProofQueries.prove(source, entries.items(), checkpoint.treeSize());
            return new UnitProofJson(query, checkpoint, items, entries.next());
        }
    }
}

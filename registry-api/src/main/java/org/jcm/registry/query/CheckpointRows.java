package org.jcm.registry.query;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jcm.ledger.proof.Cosignature;
import org.jcm.ledger.proof.NoteFormatException;
import org.jcm.registry.api.TransparencyJson.CheckpointJson;
import org.jcm.registry.api.TransparencyJson.CosignatureJson;

/**
 * Reads {@code ledger_checkpoint} rows with their {@code ledger_cosignature} rows (V62) into the
 * API's checkpoints: the stored signed note with every stored cosignature line appended, which is
 * the C2SP form of a note signed by the log and cosigned by its witnesses.
 */
final class CheckpointRows {

    /** The columns {@link #json} reads. */
    static final String COLUMNS = "tree_size, root_hash, note, created_at";
    static final String LATEST = "SELECT " + COLUMNS + " FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1";
    static final String BY_SIZE = "SELECT " + COLUMNS + " FROM ledger_checkpoint WHERE tree_size = $1";

    private static final Logger LOG = Logger.getLogger(CheckpointRows.class);
    private static final String COSIGNATURES = "SELECT tree_size, line FROM ledger_cosignature"
            + " WHERE tree_size = ANY($1::int8[]) ORDER BY tree_size, witness";

    private CheckpointRows() {
    }

    /** The checkpoints of these rows with their cosignatures, in the rows' order. */
    static Uni<List<CheckpointJson>> withCosignatures(SqlConnection connection, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> sizes = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sizes.add(row.getLong("tree_size"));
        }
        return connection.preparedQuery(COSIGNATURES).execute(Tuple.of(sizes.toArray(Long[]::new))).map(lines -> {
            Map<Long, List<String>> bySize = new HashMap<>();
            for (Row line : lines) {
                bySize.computeIfAbsent(line.getLong("tree_size"), s -> new ArrayList<>()).add(line.getString("line"));
            }
            List<CheckpointJson> checkpoints = new ArrayList<>(rows.size());
            for (Row row : rows) {
                checkpoints.add(json(row, bySize.getOrDefault(row.getLong("tree_size"), List.of())));
            }
            return checkpoints;
        });
    }

    /** The checkpoint of one row, or null when there is none. */
    static Uni<CheckpointJson> first(SqlConnection connection, RowSet<Row> rows) {
        return withCosignatures(connection, rows).map(list -> list.isEmpty() ? null : list.get(0));
    }

    /**
     * The checkpoint of a row and its cosignature lines. A line that is not one well-formed
     * cosignature (which the collector never stores) is left out, so that the note stays a note.
     */
    static CheckpointJson json(Row row, List<String> lines) {
        long size = row.getLong("tree_size");
        String stored = row.getString("note");
        StringBuilder note = new StringBuilder(stored);
        List<CosignatureJson> cosignatures = new ArrayList<>(lines.size());
        for (String line : lines) {
            Cosignature cosignature;
            try {
                cosignature = line.indexOf('\n') < 0 ? Cosignature.parse(line) : null;
            } catch (NoteFormatException e) {
                cosignature = null;
            }
            if (cosignature == null) {
                LOG.warnf("A stored cosignature of checkpoint %d is not a cosignature line; it is not served", size);
                continue;
            }
            note.append(line).append('\n');
            cosignatures.add(new CosignatureJson(cosignature.witness(), cosignature.keyIdHex(), cosignature.timestamp(), line));
        }
        int firstLine = stored.indexOf('\n');
        String origin = firstLine < 0 ? stored : stored.substring(0, firstLine);
        return new CheckpointJson(size, Base64.getEncoder().encodeToString(row.getBuffer("root_hash").getBytes()), origin,
                note.toString(), row.getOffsetDateTime("created_at").toInstant().toString(), cosignatures);
    }
}

package org.jcm.registry.verify;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.state.Invariants;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.ledger.state.LedgerSnapshot;
import org.jcm.ledger.state.LedgerState;
import org.jcm.registry.api.VerificationReport;
import org.jcm.registry.api.VerificationReport.Divergence;
import org.jcm.registry.write.store.RouteRows;

/**
 * Verifies the whole ledger as an auditor would: walks every stored event in sequence order,
 * checks the gapless sequence, the hash chain and the canonical form, replays the events through
 * ledger-core, checks the invariants, and compares the stored live blocks, balances, accounts and
 * reference data with the replayed state. It reports the first divergence it finds.
 *
 * <p>Everything is read in one read-only, repeatable-read transaction, so the events and the
 * state rows come from the same snapshot even while the writer keeps committing. Events and rows
 * are streamed with a server-side cursor, so memory holds the replayed state, not the log.
 */
@ApplicationScoped
public class LedgerVerifier {

    private static final Logger LOG = Logger.getLogger(LedgerVerifier.class);
    /** Rows fetched per round trip; large enough to amortise latency, small enough to bound memory. */
    private static final int FETCH_SIZE = 4096;

    private final AgroalDataSource dataSource;
    private final LedgerConfig ledgerConfig;

    /** The application's bean; tests that run the writer without the application build one on their own pool. */
    public LedgerVerifier(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.ledgerConfig = LedgerConfig.DEFAULT;
    }

    /**
     * Runs a full verification. Calls are serialised: each one holds the whole replayed state in
     * memory, and two at once would only compete for the same two cores.
     */
    public synchronized VerificationReport verify() {
        try (Connection connection = dataSource.getConnection()) {
            return verify(connection, ledgerConfig);
        } catch (SQLException e) {
            throw new IllegalStateException("ledger verification could not read the database", e);
        }
    }

    /**
     * Verifies the ledger on a connection of the caller's (for tools and tests that run without
     * the application); the connection is returned in the state it was given.
     */
    public static VerificationReport verify(Connection connection, LedgerConfig ledgerConfig) throws SQLException {
        long startNanos = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            return verify(connection, ledgerConfig, startNanos);
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static VerificationReport verify(Connection connection, LedgerConfig ledgerConfig, long startNanos)
            throws SQLException {
        Replayed replayed = replay(connection, ledgerConfig);
        Map<String, Long> rowsCompared = new LinkedHashMap<>();
        Divergence divergence = replayed.divergence;
        if (divergence == null) {
            List<String> violations = Invariants.check(replayed.state);
            if (!violations.isEmpty()) {
                divergence = new Divergence("INVARIANT", "INVARIANT_VIOLATED", null, null, null, null, null, null,
                        "The replayed ledger breaks an invariant: " + violations.get(0)
                                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
            }
        }
        if (divergence == null) {
            LedgerSnapshot snapshot = replayed.state.snapshot();
            for (StateTable table : StateTables.ALL) {
                divergence = compare(connection, table, snapshot, replayed.route, rowsCompared);
                if (divergence != null) {
                    break;
                }
            }
        }
        long durationMillis = (System.nanoTime() - startNanos) / 1_000_000;
        VerificationReport report = new VerificationReport(divergence == null, replayed.lastSeq,
                HashChain.toHex(replayed.lastHash), replayed.eventsChecked, rowsCompared, durationMillis, divergence);
        if (divergence == null) {
            LOG.infof("Ledger verified through seq %d in %d ms", replayed.lastSeq, durationMillis);
        } else {
            LOG.warnf("Ledger verification found a divergence: %s", divergence.detail());
        }
        return report;
    }

    /** The outcome of walking the log: the state replayed from the good prefix and the first bad event, if any. */
    private record Replayed(LedgerState state, RouteRows route, long lastSeq, byte[] lastHash, long eventsChecked,
                            Divergence divergence) {
    }

    private static Replayed replay(Connection connection, LedgerConfig ledgerConfig) throws SQLException {
        LedgerState state = new LedgerState(ledgerConfig);
        state.setChangeTracking(false);
        RouteRows route = new RouteRows();
        long lastSeq = 0;
        byte[] lastHash = HashChain.zero();
        long checked = 0;
        CheckpointRoots checkpoints = CheckpointRoots.load(connection);
        try (PreparedStatement query = connection.prepareStatement("SELECT seq, prev_hash, hash, type, at, actor_role,"
                + " actor_subject, actor_scope, event_json FROM ledger_event ORDER BY seq")) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    byte[] prevHash = rows.getBytes(2);
                    byte[] hash = rows.getBytes(3);
                    String eventJson = rows.getString(9);
                    Divergence divergence = checkChain(seq, prevHash, hash, eventJson, lastSeq, lastHash);
                    if (divergence == null) {
                        divergence = replayOne(state, route, rows, seq, eventJson);
                    }
                    if (divergence == null) {
                        divergence = checkpoints.append(seq, eventJson);
                    }
                    if (divergence != null) {
                        return new Replayed(state, route, lastSeq, lastHash, checked, divergence);
                    }
                    lastSeq = seq;
                    lastHash = hash;
                    checked++;
                }
            }
        }
        return new Replayed(state, route, lastSeq, lastHash, checked, checkpoints.finish(lastSeq));
    }

    /** The chain checks of docs/hash-chain.md, in their order: sequence, prevHash, hash. */
    private static Divergence checkChain(long seq, byte[] prevHash, byte[] hash, String eventJson, long lastSeq,
                                         byte[] lastHash) {
        if (seq != lastSeq + 1) {
            return chain(seq, "SEQUENCE_GAP", "seq", Long.toString(lastSeq + 1), Long.toString(seq),
                    "The sequence number is not the previous one plus 1.");
        }
        if (!Arrays.equals(prevHash, lastHash)) {
            return chain(seq, "PREV_HASH_MISMATCH", "prevHash", HashChain.toHex(lastHash), hex(prevHash),
                    "prevHash is not the previous entry's hash.");
        }
        byte[] computed = HashChain.next(lastHash, eventJson.getBytes(StandardCharsets.UTF_8));
        if (!Arrays.equals(hash, computed)) {
            return chain(seq, "HASH_MISMATCH", "hash", HashChain.toHex(computed), hex(hash),
                    "The stored hash is not SHA-256(prevHash || event_json).");
        }
        return null;
    }

    /**
     * Reads the event, checks that its text is canonical and that the columns repeat it
     * faithfully, and folds it into the state (noting first what it gives the route's read tables).
     */
    private static Divergence replayOne(LedgerState state, RouteRows route, ResultSet row, long seq, String eventJson)
            throws SQLException {
        LedgerEvent event;
        try {
            Object parsed = Json.parse(eventJson);
            // A verifier that re-encodes the parsed event (docs/verify-ledger.py does) must reach the
            // stored bytes, otherwise it would disagree with the stored hash.
            String canonical = Jcs.canonicalize(parsed);
            if (!canonical.equals(eventJson)) {
                return event(seq, "NOT_CANONICAL", "event_json", canonical, eventJson,
                        "The stored event text is not its RFC 8785 canonical form.");
            }
            if (!(parsed instanceof Map<?, ?>)) {
                return event(seq, "UNDECODABLE", "event_json", "a JSON object", eventJson, "The stored event is not a JSON object.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) parsed;
            event = EventCodec.fromJson(object);
        } catch (RuntimeException e) {
            // Mostly JsonException, EventFormatException or InvalidValueException; whatever a damaged
            // row provokes, the answer is the same: this event cannot be read.
            return event(seq, "UNDECODABLE", "event_json", "a valid ledger event", e.getMessage(),
                    "The stored event cannot be read: " + e.getMessage());
        }
        Divergence columns = checkColumns(row, seq, event);
        if (columns != null) {
            return columns;
        }
        try {
            route.add(event, state);
            state.apply(event);
        } catch (RuntimeException e) {
            // InconsistentEventException names the rule; anything else thrown by the fold is just as fatal here.
            return new Divergence("REPLAY", "INCONSISTENT_EVENT", seq, null, null, null, null, null,
                    "Event " + seq + " does not fit the state replayed before it: " + e.getMessage());
        }
        return null;
    }

    /** The columns beside event_json repeat fields of it for queries; they must agree with it. */
    private static Divergence checkColumns(ResultSet row, long seq, LedgerEvent event) throws SQLException {
        String[][] pairs = {
            {"seq", Long.toString(seq), Long.toString(event.seq())},
            {"type", event.type(), row.getString(4)},
            {"at", EventCodec.formatTime(event.at()), EventCodec.formatTime(row.getObject(5, OffsetDateTime.class).toInstant())},
            {"actor_role", event.actor().role().wireName(), row.getString(6)},
            {"actor_subject", event.actor().subject(), row.getString(7)},
            {"actor_scope", event.actor().scope(), row.getString(8)},
        };
        for (String[] pair : pairs) {
            if (!Objects.equals(pair[1], pair[2])) {
                return event(seq, "COLUMN_MISMATCH", pair[0], pair[1], pair[2],
                        "Column " + pair[0] + " does not repeat the event's value.");
            }
        }
        return null;
    }

    /** Streams the stored rows of one table in key order and merges them with the expected rows. */
    private static Divergence compare(Connection connection, StateTable table, LedgerSnapshot snapshot, RouteRows route,
                                      Map<String, Long> rowsCompared) throws SQLException {
        List<Object[]> expectedRows = table.expectedRows(snapshot, route);
        Iterator<Object[]> expected = expectedRows.iterator();
        int width = table.keyColumns().size() + table.valueColumns().size();
        long compared = 0;
        try (PreparedStatement query = connection.prepareStatement(table.sql())) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                Object[] want = expected.hasNext() ? expected.next() : null;
                while (rows.next()) {
                    Object[] found = new Object[width];
                    for (int i = 0; i < width; i++) {
                        found[i] = rows.getObject(i + 1);
                    }
                    table.normalize(found);
                    int order = want == null ? 1 : table.compare(want, found);
                    if (order < 0) {
                        return missing(table, want);
                    }
                    if (order > 0) {
                        return state(table, "UNEXPECTED_ROW", table.keyText(found), null, null, "a row",
                                "The table holds a row that replay does not produce.");
                    }
                    for (int i = table.keyColumns().size(); i < width; i++) {
                        if (!Objects.equals(want[i], found[i])) {
                            String column = table.valueColumns().get(i - table.keyColumns().size());
                            return state(table, "FIELD_MISMATCH", table.keyText(found), column, want[i], found[i],
                                    "Column " + column + " differs from the replayed state.");
                        }
                    }
                    compared++;
                    want = expected.hasNext() ? expected.next() : null;
                }
                if (want != null) {
                    return missing(table, want);
                }
            }
        }
        rowsCompared.put(table.name(), compared);
        return null;
    }

    private static Divergence missing(StateTable table, Object[] want) {
        return state(table, "MISSING_ROW", table.keyText(want), null, "a row", null,
                "Replay produces a row that the table does not hold.");
    }

    private static Divergence state(StateTable table, String problem, String key, String field, Object expected,
                                    Object found, String sentence) {
        String detail = table.name() + " " + key + (field == null ? "" : " " + field) + ": " + sentence
                + (expected == null && found == null ? "" : " Expected " + expected + ", found " + found + ".");
        return new Divergence("STATE", problem, null, table.name(), key, field, StateTable.text(expected),
                StateTable.text(found), detail);
    }

    private static Divergence chain(long seq, String problem, String field, String expected, String found, String sentence) {
        return new Divergence("CHAIN", problem, seq, null, null, field, expected, found,
                "Chain broken at seq " + seq + ": " + sentence + " Expected " + expected + ", found " + found + ".");
    }

    private static Divergence event(long seq, String problem, String field, String expected, String found, String sentence) {
        return new Divergence("EVENT", problem, seq, null, null, field, expected, found, "Event " + seq + ": " + sentence);
    }

    private static String hex(byte[] hash) {
        return hash != null && hash.length == HashChain.HASH_BYTES ? HashChain.toHex(hash) : Arrays.toString(hash);
    }
}

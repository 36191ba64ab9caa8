package org.jcm.registry.write.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jcm.ledger.credit.BlockKey;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.registry.write.idempotency.SubjectKey;
import org.postgresql.PGConnection;

/**
 * The statements that make one writer batch durable: the hot-path tables ({@code ledger_event},
 * {@code block}, {@code event_account}, {@code event_units}, {@code idempotency}), each written by
 * one multi-row statement over arrays, and, when the batch changed reference data or the transfer
 * controls, {@link ReferenceRows} and {@link ControlRows} in between. Stateless; called on the writer's connection.
 */
final class BatchStatements {

    private static final String INSERT_EVENTS = "INSERT INTO ledger_event (seq, type, at, actor_role, actor_subject,"
            + " actor_scope, event_json, prev_hash, hash, traceparent, tracestate) SELECT * FROM unnest(?::bigint[],"
            + " ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[], ?::bytea[], ?::text[],"
            + " ?::text[])";
    // One block_pkey probe per key, whatever the table's size and whatever plan PostgreSQL caches: the
    // LATERAL subquery with LIMIT cannot be flattened into a join, so it is never a hash join over a
    // scan of every block; the host is bound as bpchar, block.host_party's type, so the key is
    // compared as it is indexed (BlockDeletePlanTest; docs/performance.md, as IdempotencyLookup).
    static final String DELETE_BLOCKS = "DELETE FROM block WHERE ctid = ANY (ARRAY(SELECT b.ctid"
            + " FROM unnest(?::bpchar[], ?::int[], ?::bigint[]) AS k(h, v, f) CROSS JOIN LATERAL (SELECT ctid FROM block"
            + " WHERE host_party = k.h AND vintage = k.v AND first_unit = k.f LIMIT 1) b))";
    private static final String UPSERT_BLOCKS = "INSERT INTO block (host_party, vintage, first_unit, last_unit, project_id,"
            + " issuance_id, issuing_registry_id, account_id, status, authorization_id, authorization_purpose, ca_state,"
            + " first_transferred) SELECT * FROM unnest(?::text[], ?::int[], ?::bigint[], ?::bigint[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[])"
            + " ON CONFLICT (host_party, vintage, first_unit) DO UPDATE SET last_unit = excluded.last_unit,"
            + " project_id = excluded.project_id, issuance_id = excluded.issuance_id,"
            + " issuing_registry_id = excluded.issuing_registry_id, account_id = excluded.account_id,"
            + " status = excluded.status, authorization_id = excluded.authorization_id,"
            + " authorization_purpose = excluded.authorization_purpose, ca_state = excluded.ca_state,"
            + " first_transferred = excluded.first_transferred";
    private static final String INSERT_EVENT_ACCOUNTS = "INSERT INTO event_account (account_id, seq)"
            + " SELECT * FROM unnest(?::text[], ?::bigint[])";
    private static final String INSERT_EVENT_UNITS = "INSERT INTO event_units (host_party, vintage, units, seq)"
            + " SELECT h, v, int8range(f, l, '[]'), s FROM unnest(?::text[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[])"
            + " AS t(h, v, f, l, s)";
    private static final String INSERT_IDEMPOTENCY = "INSERT INTO idempotency (subject, key, kind, request_hash, status,"
            + " first_seq, last_seq, rejection_code, rejection_detail, actor_role, actor_scope) SELECT * FROM unnest(?::text[],"
            + " ?::text[], ?::text[], ?::bytea[], ?::int[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])";
    /**
     * The statements of a batch without reference data, in the order they must run (blocks are
     * deleted before the upsert may re-create a key), as one string: the driver sends them with one
     * Sync, so the batch, COMMIT included, costs one round trip. Empty arrays insert nothing.
     */
    private static final String HOT_PATH = String.join(";\n", INSERT_EVENTS, DELETE_BLOCKS, UPSERT_BLOCKS,
            INSERT_EVENT_ACCOUNTS, INSERT_EVENT_UNITS, INSERT_IDEMPOTENCY, "COMMIT");

    private BatchStatements() {
    }

    /**
     * Writes the batch in one transaction and commits it. On failure the transaction is rolled
     * back (if the connection still works) and the exception is rethrown; the caller must then
     * assume nothing about what was written and rebuild from the database.
     */
    static void persist(Connection connection, BatchRows rows) throws SQLException {
        try {
            if (!write(connection, rows)) {
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // The connection is broken; the caller reconnects.
            }
            throw e;
        }
    }

    /**
     * Writes a batch; returns whether it also committed it. The usual batch (transfers and other
     * block changes, no reference data) is one prepared string of six statements and COMMIT, which
     * the driver sends in one round trip (one Sync): on a busy machine every round trip is a wait
     * for the server process to be scheduled, so the number of them bounds the writer. The answer
     * comes after COMMIT completed (WAL flushed with synchronous_commit on); if any statement
     * fails, the server skips the rest, COMMIT included, and the transaction is rolled back.
     * Batches that change reference data (rare) write it with separate statements in between and
     * are committed by the caller.
     */
    private static boolean write(Connection c, BatchRows rows) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        if (!ReferenceRows.has(rows) && rows.controls.isEmpty()) {
            try (PreparedStatement all = c.prepareStatement(HOT_PATH)) {
                int p = bindEvents(all, 1, c, pg, rows);
                p = bindDeletedBlocks(all, p, c, pg, rows);
                p = bindBlocks(all, p, c, pg, rows);
                p = bindEventAccounts(all, p, c, pg, rows);
                p = bindEventUnits(all, p, c, pg, rows);
                bindIdempotency(all, p, c, pg, rows);
                all.execute();
            }
            return true;
        }
        if (rows.eventCount() > 0) {
            try (PreparedStatement insert = c.prepareStatement(INSERT_EVENTS)) {
                bindEvents(insert, 1, c, pg, rows);
                insert.executeUpdate();
            }
        }
        ReferenceRows.write(c, rows);
        writeControls(c, rows.controls);
        if (!rows.deletedBlocks.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement(DELETE_BLOCKS)) {
                bindDeletedBlocks(delete, 1, c, pg, rows);
                delete.executeUpdate();
            }
        }
        if (!rows.blocks.isEmpty()) {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT_BLOCKS)) {
                bindBlocks(upsert, 1, c, pg, rows);
                upsert.executeUpdate();
            }
        }
        if (!rows.touchedAccount.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement(INSERT_EVENT_ACCOUNTS)) {
                bindEventAccounts(insert, 1, c, pg, rows);
                insert.executeUpdate();
            }
        }
        if (!rows.unitsHost.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement(INSERT_EVENT_UNITS)) {
                bindEventUnits(insert, 1, c, pg, rows);
                insert.executeUpdate();
            }
        }
        if (!rows.idempotencyKey.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement(INSERT_IDEMPOTENCY)) {
                bindIdempotency(insert, 1, c, pg, rows);
                insert.executeUpdate();
            }
        }
        return false;
    }

    /** The transfer controls' rows ({@link ControlRows}), one statement each, in event order. */
    private static void writeControls(Connection c, List<ControlRows.Statement> controls) throws SQLException {
        for (ControlRows.Statement statement : controls) {
            try (PreparedStatement s = c.prepareStatement(statement.sql())) {
                for (int i = 0; i < statement.parameters().size(); i++) {
                    s.setObject(i + 1, statement.parameters().get(i));
                }
                s.executeUpdate();
            }
        }
    }

    // Each bind method sets its statement's parameters from index p on and returns the next index.

    private static int bindEvents(PreparedStatement s, int p, Connection c, PGConnection pg, BatchRows rows) throws SQLException {
        s.setArray(p, pg.createArrayOf("int8", rows.eventSeq.toArray()));
        s.setArray(p + 1, text(c, rows.eventType));
        s.setArray(p + 2, text(c, rows.eventAt));
        s.setArray(p + 3, text(c, rows.actorRole));
        s.setArray(p + 4, text(c, rows.actorSubject));
        s.setArray(p + 5, text(c, rows.actorScope));
        s.setArray(p + 6, text(c, rows.eventJson));
        s.setArray(p + 7, pg.createArrayOf("bytea", rows.prevHash.toArray(new byte[0][])));
        s.setArray(p + 8, pg.createArrayOf("bytea", rows.hash.toArray(new byte[0][])));
        s.setArray(p + 9, text(c, rows.traceparent));
        s.setArray(p + 10, text(c, rows.tracestate));
        return p + 11;
    }

    private static int bindEventAccounts(PreparedStatement s, int p, Connection c, PGConnection pg, BatchRows rows)
            throws SQLException {
        s.setArray(p, text(c, rows.touchedAccount));
        s.setArray(p + 1, pg.createArrayOf("int8", rows.touchedAccountSeq.toArray()));
        return p + 2;
    }

    private static int bindEventUnits(PreparedStatement s, int p, Connection c, PGConnection pg, BatchRows rows)
            throws SQLException {
        s.setArray(p, text(c, rows.unitsHost));
        s.setArray(p + 1, pg.createArrayOf("int4", toInts(rows.unitsVintage.toArray())));
        s.setArray(p + 2, pg.createArrayOf("int8", rows.unitsFirst.toArray()));
        s.setArray(p + 3, pg.createArrayOf("int8", rows.unitsLast.toArray()));
        s.setArray(p + 4, pg.createArrayOf("int8", rows.unitsSeq.toArray()));
        return p + 5;
    }

    private static int bindDeletedBlocks(PreparedStatement s, int p, Connection c, PGConnection pg, BatchRows rows)
            throws SQLException {
        int n = rows.deletedBlocks.size();
        String[] hosts = new String[n];
        int[] vintages = new int[n];
        long[] firsts = new long[n];
        for (int i = 0; i < n; i++) {
            BlockKey key = rows.deletedBlocks.get(i);
            hosts[i] = key.hostParty().value();
            vintages[i] = key.vintage().year();
            firsts[i] = key.firstUnit();
        }
        s.setArray(p, c.createArrayOf("text", hosts));
        s.setArray(p + 1, pg.createArrayOf("int4", vintages));
        s.setArray(p + 2, pg.createArrayOf("int8", firsts));
        return p + 3;
    }

    private static int bindBlocks(PreparedStatement s, int p, Connection c, PGConnection pg, BatchRows rows) throws SQLException {
        int n = rows.blocks.size();
        String[] hosts = new String[n];
        int[] vintages = new int[n];
        long[] firsts = new long[n];
        long[] lasts = new long[n];
        String[] projects = new String[n];
        String[] issuances = new String[n];
        String[] issuingRegistries = new String[n];
        String[] accounts = new String[n];
        String[] statuses = new String[n];
        String[] authorizations = new String[n];
        String[] purposes = new String[n];
        String[] caStates = new String[n];
        boolean[] firstTransferred = new boolean[n];
        for (int i = 0; i < n; i++) {
            CreditBlock b = rows.blocks.get(i);
            hosts[i] = b.hostParty().value();
            vintages[i] = b.vintage().year();
            firsts[i] = b.range().first();
            lasts[i] = b.range().last();
            projects[i] = b.projectId().value();
            issuances[i] = b.issuanceId().value();
            issuingRegistries[i] = b.issuingRegistryId().value();
            accounts[i] = b.holderAccountId().value();
            statuses[i] = b.status().name();
            authorizations[i] = b.authorizationId().map(AuthorizationId::value).orElse(null);
            purposes[i] = b.authorizationPurpose().map(Enum::name).orElse(null);
            caStates[i] = b.caState().name();
            firstTransferred[i] = b.firstTransferred();
        }
        s.setArray(p, c.createArrayOf("text", hosts));
        s.setArray(p + 1, pg.createArrayOf("int4", vintages));
        s.setArray(p + 2, pg.createArrayOf("int8", firsts));
        s.setArray(p + 3, pg.createArrayOf("int8", lasts));
        s.setArray(p + 4, c.createArrayOf("text", projects));
        s.setArray(p + 5, c.createArrayOf("text", issuances));
        s.setArray(p + 6, c.createArrayOf("text", issuingRegistries));
        s.setArray(p + 7, c.createArrayOf("text", accounts));
        s.setArray(p + 8, c.createArrayOf("text", statuses));
        s.setArray(p + 9, c.createArrayOf("text", authorizations));
        s.setArray(p + 10, c.createArrayOf("text", purposes));
        s.setArray(p + 11, c.createArrayOf("text", caStates));
        s.setArray(p + 12, pg.createArrayOf("bool", firstTransferred));
        return p + 13;
    }

    private static int bindIdempotency(PreparedStatement s, int p, Connection c, PGConnection pg, BatchRows rows)
            throws SQLException {
        int n = rows.idempotencyKey.size();
        String[] subjects = new String[n];
        String[] keys = new String[n];
        String[] kinds = new String[n];
        byte[][] hashes = new byte[n][];
        int[] statuses = new int[n];
        Long[] firstSeqs = new Long[n];
        Long[] lastSeqs = new Long[n];
        String[] codes = new String[n];
        String[] details = new String[n];
        String[] roles = new String[n];
        String[] scopes = new String[n];
        for (int i = 0; i < n; i++) {
            SubjectKey key = rows.idempotencyKey.get(i);
            StoredOutcome outcome = rows.idempotencyOutcome.get(i);
            subjects[i] = key.subject();
            keys[i] = key.key();
            kinds[i] = outcome.kind().name();
            hashes[i] = outcome.requestHash();
            statuses[i] = outcome.status();
            if (outcome.accepted()) {
                firstSeqs[i] = outcome.firstSeq();
                lastSeqs[i] = outcome.lastSeq();
            }
            codes[i] = outcome.rejectionCode();
            details[i] = outcome.rejectionDetail();
            roles[i] = outcome.actorRole();
            scopes[i] = outcome.actorScope();
        }
        s.setArray(p, c.createArrayOf("text", subjects));
        s.setArray(p + 1, c.createArrayOf("text", keys));
        s.setArray(p + 2, c.createArrayOf("text", kinds));
        s.setArray(p + 3, pg.createArrayOf("bytea", hashes));
        s.setArray(p + 4, pg.createArrayOf("int4", statuses));
        s.setArray(p + 5, c.createArrayOf("int8", firstSeqs));
        s.setArray(p + 6, c.createArrayOf("int8", lastSeqs));
        s.setArray(p + 7, c.createArrayOf("text", codes));
        s.setArray(p + 8, c.createArrayOf("text", details));
        s.setArray(p + 9, c.createArrayOf("text", roles));
        s.setArray(p + 10, c.createArrayOf("text", scopes));
        return p + 11;
    }

    private static Array text(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(new String[0]));
    }

    private static int[] toInts(long[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = (int) values[i];
        }
        return ints;
    }
}

package org.jcm.registry.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.BlockKey;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AccountType;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.state.AccountInfo;
import org.jcm.ledger.state.Authorization;
import org.jcm.ledger.state.AuthorizationVersion;
import org.jcm.ledger.state.Issuance;
import org.jcm.ledger.state.IssuanceRequest;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.Organization;
import org.jcm.ledger.state.Project;
import org.jcm.ledger.state.RegistryInfo;
import org.jcm.ledger.serial.UnitRange;
import org.postgresql.PGConnection;

/**
 * The writer's JDBC access to PostgreSQL, on one dedicated connection that also holds the
 * single-writer advisory lock: replaying and verifying the ledger at start-up, persisting a batch
 * in one transaction with one multi-row statement per table, and looking up idempotency records.
 */
public final class LedgerStore {

    private static final String INSERT_EVENTS = "INSERT INTO ledger_event (seq, type, at, actor_role, actor_subject,"
            + " actor_scope, event_json, prev_hash, hash) SELECT * FROM unnest(?::bigint[], ?::text[], ?::timestamptz[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[], ?::bytea[])";
    private static final String DELETE_BLOCKS = "DELETE FROM block b USING unnest(?::text[], ?::int[], ?::bigint[]) AS k(h, v, f)"
            + " WHERE b.host_party = k.h AND b.vintage = k.v AND b.first_unit = k.f";
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
    private static final String FIND_IDEMPOTENCY = "SELECT i.subject, i.key, i.kind, i.request_hash, i.status, i.first_seq,"
            + " i.last_seq, i.rejection_code, i.rejection_detail, i.actor_role, i.actor_scope FROM idempotency i"
            + " JOIN unnest(?::text[], ?::text[]) AS k(subject, key) ON i.subject = k.subject AND i.key = k.key";

    private final String url;
    private final Properties properties;
    private final LedgerConfig ledgerConfig;

    /** A store for the database at {@code jdbcUrl}. */
    public LedgerStore(String jdbcUrl, String user, String password, LedgerConfig ledgerConfig) {
        this.url = jdbcUrl;
        this.properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "registry-api ledger writer");
        properties.setProperty("tcpKeepAlive", "true");
        this.ledgerConfig = ledgerConfig;
    }

    /** Opens the writer's connection (transactions, not auto-commit). */
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(false);
        return connection;
    }

    /** Tries to take the single-writer session lock on {@code connection}; it is held until the session ends. */
    public boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                boolean locked = row.getBoolean(1);
                connection.commit();
                return locked;
            }
        }
    }

    // ------------------------------------------------------------------ loading

    /**
     * Replays {@code ledger_event} in sequence order through ledger-core, checking that seq is
     * gapless and every hash matches; then, if {@code verifyBlocks}, checks that the stored live
     * blocks and accounts equal the replayed ones.
     */
    public LoadedLedger load(Connection connection, boolean verifyBlocks) throws SQLException, LedgerVerificationException {
        long started = System.nanoTime();
        LedgerState state = new LedgerState(ledgerConfig);
        state.setChangeTracking(false);
        byte[] head = HashChain.zero();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, event_json, prev_hash, hash FROM ledger_event ORDER BY seq")) {
            select.setFetchSize(4096);
            try (ResultSet rows = select.executeQuery()) {
                long expected = 1;
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    String json = rows.getString(2);
                    byte[] prev = rows.getBytes(3);
                    byte[] hash = rows.getBytes(4);
                    if (seq != expected) {
                        throw new LedgerVerificationException("ledger_event has a gap: expected seq " + expected + ", found " + seq);
                    }
                    if (!Arrays.equals(prev, head)) {
                        throw new LedgerVerificationException("ledger_event seq " + seq + ": prev_hash does not match the hash of seq " + (seq - 1));
                    }
                    byte[] computed = HashChain.next(head, json.getBytes(StandardCharsets.UTF_8));
                    if (!Arrays.equals(computed, hash)) {
                        throw new LedgerVerificationException("ledger_event seq " + seq + ": hash does not match SHA-256(prev_hash || event_json)");
                    }
                    state.apply(decode(seq, json));
                    head = hash;
                    expected++;
                }
            }
        } catch (RuntimeException e) {
            throw new LedgerVerificationException("ledger_event cannot be replayed: " + e.getMessage(), e);
        }
        state.setChangeTracking(true);
        Map<AccountId, AccountInfo> accounts = loadAccounts(connection);
        if (verifyBlocks) {
            verifyBlocks(connection, state);
            verifyAccounts(state, accounts);
        }
        connection.commit();
        return new LoadedLedger(state, head, accounts, (System.nanoTime() - started) / 1_000_000);
    }

    @SuppressWarnings("unchecked")
    private static LedgerEvent decode(long seq, String json) throws LedgerVerificationException {
        Object tree = Json.parse(json);
        if (!(tree instanceof Map<?, ?> map)) {
            throw new LedgerVerificationException("ledger_event seq " + seq + " is not a JSON object");
        }
        LedgerEvent event = EventCodec.fromJson((Map<String, Object>) map);
        if (event.seq() != seq) {
            throw new LedgerVerificationException("ledger_event seq " + seq + " holds an event with seq " + event.seq());
        }
        return event;
    }

    private static Map<AccountId, AccountInfo> loadAccounts(Connection connection) throws SQLException {
        Map<AccountId, AccountInfo> accounts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, registry_id, organization_id, type, name, status, frozen FROM account");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                AccountId id = AccountId.parse(rows.getString(1));
                String organization = rows.getString(3);
                accounts.put(id, new AccountInfo(id, RegistryId.parse(rows.getString(2)),
                        Optional.ofNullable(organization).map(OrganizationId::parse), AccountType.valueOf(rows.getString(4)),
                        rows.getString(5), rows.getBoolean(7), "CLOSED".equals(rows.getString(6))));
            }
        }
        return accounts;
    }

    private static void verifyAccounts(LedgerState state, Map<AccountId, AccountInfo> stored) throws LedgerVerificationException {
        long expected = 0;
        for (RegistryInfo registry : state.registries()) {
            expected += registry.nextAccountNumber() - 1 + 2;
        }
        if (expected != stored.size()) {
            throw new LedgerVerificationException("account holds " + stored.size() + " rows; replay has " + expected + " accounts");
        }
        for (AccountInfo account : stored.values()) {
            Optional<AccountInfo> replayed = state.account(account.id());
            if (replayed.isEmpty() || !replayed.get().equals(account)) {
                throw new LedgerVerificationException("account " + account.id().value() + " differs from replay: stored "
                        + account + ", replayed " + replayed.orElse(null));
            }
        }
    }

    private static void verifyBlocks(Connection connection, LedgerState state) throws SQLException, LedgerVerificationException {
        List<CreditBlock> replayed = state.blocks(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        int i = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT host_party, vintage, first_unit, last_unit,"
                + " project_id, issuance_id, issuing_registry_id, account_id, status, authorization_id,"
                + " authorization_purpose, ca_state, first_transferred FROM block"
                + " ORDER BY host_party COLLATE \"C\", vintage, first_unit")) {
            select.setFetchSize(4096);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    CreditBlock stored = block(rows);
                    if (i >= replayed.size() || !replayed.get(i).equals(stored)) {
                        throw new LedgerVerificationException("block " + stored.serial() + " (" + stored.hostParty().value()
                                + ") differs from replay: stored " + stored + ", replayed "
                                + (i < replayed.size() ? replayed.get(i) : "nothing"));
                    }
                    i++;
                }
            }
        }
        if (i != replayed.size()) {
            throw new LedgerVerificationException("block holds " + i + " rows; replay has " + replayed.size()
                    + " live blocks, the first missing being " + replayed.get(i));
        }
    }

    /** Reads one row of {@code block} (columns in the order of {@link #verifyBlocks}). */
    static CreditBlock block(ResultSet rows) throws SQLException {
        String authorization = rows.getString(10);
        String purpose = rows.getString(11);
        return new CreditBlock(PartyCode.parse(rows.getString(1)), Vintage.of(rows.getInt(2)),
                ProjectId.parse(rows.getString(5)), IssuanceId.parse(rows.getString(6)), RegistryId.parse(rows.getString(7)),
                UnitRange.of(rows.getLong(3), rows.getLong(4)), AccountId.parse(rows.getString(8)),
                BlockStatus.valueOf(rows.getString(9)), Optional.ofNullable(authorization).map(AuthorizationId::parse),
                Optional.ofNullable(purpose).map(AuthorizationPurpose::valueOf), CaState.valueOf(rows.getString(12)),
                rows.getBoolean(13));
    }

    // ------------------------------------------------------------------ idempotency

    /**
     * The stored outcomes of the given keys (absent keys have none). Does not end the transaction:
     * the writer's batch that follows commits it (or rolls it back), so the look-up costs one round
     * trip.
     */
    public Map<SubjectKey, StoredOutcome> findOutcomes(Connection connection, Collection<SubjectKey> keys) throws SQLException {
        Map<SubjectKey, StoredOutcome> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String[] subjects = new String[keys.size()];
        String[] names = new String[keys.size()];
        int i = 0;
        for (SubjectKey key : keys) {
            subjects[i] = key.subject();
            names[i++] = key.key();
        }
        try (PreparedStatement select = connection.prepareStatement(FIND_IDEMPOTENCY)) {
            select.setArray(1, connection.createArrayOf("text", subjects));
            select.setArray(2, connection.createArrayOf("text", names));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(new SubjectKey(rows.getString(1), rows.getString(2)), outcome(rows, 3));
                }
            }
        }
        return found;
    }

    /**
     * Reads an outcome from columns kind, request_hash, status, first_seq, last_seq, rejection_code,
     * rejection_detail, actor_role, actor_scope.
     */
    static StoredOutcome outcome(ResultSet rows, int first) throws SQLException {
        return new StoredOutcome(StoredOutcome.Kind.valueOf(rows.getString(first)), rows.getBytes(first + 1),
                rows.getInt(first + 2), rows.getLong(first + 3), rows.getLong(first + 4), rows.getString(first + 5),
                rows.getString(first + 6), rows.getString(first + 7), rows.getString(first + 8));
    }

    // ------------------------------------------------------------------ persisting

    /**
     * Writes the batch in one transaction and commits it. On failure the transaction is rolled
     * back (if the connection still works) and the exception is rethrown; the caller must then
     * assume nothing about what was written and rebuild from the database.
     */
    public void persist(Connection connection, BatchRows rows) throws SQLException {
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
    private boolean write(Connection c, BatchRows rows) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        if (!hasReferenceRows(rows)) {
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
        writeReferenceData(c, rows);
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

    /** Whether the batch has rows for any reference table (written by {@link #writeReferenceData}). */
    private static boolean hasReferenceRows(BatchRows rows) {
        return !rows.parties.isEmpty() || !rows.registries.isEmpty() || !rows.organizations.isEmpty()
                || !rows.accounts.isEmpty() || !rows.caMethods.isEmpty() || !rows.projects.isEmpty()
                || !rows.issuanceRequests.isEmpty() || !rows.issuances.isEmpty() || !rows.authorizations.isEmpty()
                || !rows.firstTransfers.isEmpty();
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
        return p + 9;
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

    /** Reference data changes rarely, so it is written with plain batched statements. */
    private static void writeReferenceData(Connection c, BatchRows rows) throws SQLException {
        if (!rows.parties.isEmpty()) {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO party (code, iso2, name, jcm_status,"
                    + " paris_agreement_party, cooperative_approach_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE"
                    + " SET iso2 = excluded.iso2, name = excluded.name, jcm_status = excluded.jcm_status,"
                    + " paris_agreement_party = excluded.paris_agreement_party,"
                    + " cooperative_approach_id = excluded.cooperative_approach_id")) {
                for (Party p : rows.parties) {
                    upsert.setString(1, p.code().value());
                    upsert.setString(2, p.iso2());
                    upsert.setString(3, p.name());
                    upsert.setString(4, p.jcmStatus().name());
                    upsert.setBoolean(5, p.parisAgreementParty());
                    upsert.setString(6, p.cooperativeApproachId().map(ca -> ca.value()).orElse(null));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
        if (!rows.registries.isEmpty()) {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO registry (id, party, name, cancellation_account_id,"
                    + " retirement_account_id, next_organization_number, next_account_number) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                    + " next_organization_number = excluded.next_organization_number,"
                    + " next_account_number = excluded.next_account_number")) {
                for (RegistryInfo r : rows.registries) {
                    upsert.setString(1, r.id().value());
                    upsert.setString(2, r.party().value());
                    upsert.setString(3, r.name());
                    upsert.setString(4, r.cancellationAccountId().value());
                    upsert.setString(5, r.retirementAccountId().value());
                    upsert.setLong(6, r.nextOrganizationNumber());
                    upsert.setLong(7, r.nextAccountNumber());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
        if (!rows.organizations.isEmpty()) {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO organization (id, registry_id, name) VALUES (?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET name = excluded.name")) {
                for (Organization o : rows.organizations) {
                    upsert.setString(1, o.id().value());
                    upsert.setString(2, o.registryId().value());
                    upsert.setString(3, o.name());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
        if (!rows.accounts.isEmpty()) {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO account (id, registry_id, organization_id, type,"
                    + " name, status, frozen) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                    + " status = excluded.status, frozen = excluded.frozen")) {
                for (AccountInfo a : rows.accounts) {
                    upsert.setString(1, a.id().value());
                    upsert.setString(2, a.registryId().value());
                    upsert.setString(3, a.organizationId().map(OrganizationId::value).orElse(null));
                    upsert.setString(4, a.type().name());
                    upsert.setString(5, a.name());
                    upsert.setString(6, a.closed() ? "CLOSED" : "OPEN");
                    upsert.setBoolean(7, a.frozen());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
        writeProjects(c, rows);
        writeIssuances(c, rows);
        writeAuthorizations(c, rows);
        if (!rows.caMethods.isEmpty()) {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO ca_method (party, first_year, last_year, method)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (party, first_year) DO UPDATE SET method = excluded.method,"
                    + " last_year = excluded.last_year")) {
                for (BatchRows.CaMethodRow m : rows.caMethods) {
                    upsert.setString(1, m.party());
                    upsert.setInt(2, m.firstYear());
                    upsert.setInt(3, m.lastYear());
                    upsert.setString(4, m.method());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
    }

    private static void writeProjects(Connection c, BatchRows rows) throws SQLException {
        if (rows.projects.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO project (id, host_party, registry_id, title,"
                + " methodology_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                + " methodology_id = excluded.methodology_id");
                PreparedStatement participants = c.prepareStatement("INSERT INTO project_participant (project_id, position,"
                        + " organization_id) VALUES (?, ?, ?) ON CONFLICT (project_id, position) DO UPDATE"
                        + " SET organization_id = excluded.organization_id")) {
            for (Project p : rows.projects) {
                upsert.setString(1, p.id().value());
                upsert.setString(2, p.hostParty().value());
                upsert.setString(3, p.registryId().value());
                upsert.setString(4, p.title());
                upsert.setString(5, p.methodologyId().value());
                upsert.addBatch();
                for (int i = 0; i < p.participants().size(); i++) {
                    participants.setString(1, p.id().value());
                    participants.setInt(2, i + 1);
                    participants.setString(3, p.participants().get(i).value());
                    participants.addBatch();
                }
            }
            upsert.executeBatch();
            participants.executeBatch();
        }
    }

    private static void writeIssuances(Connection c, BatchRows rows) throws SQLException {
        if (!rows.issuanceRequests.isEmpty()) {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO issuance_request (id, project_id, organization_id,"
                    + " monitoring_period_start, monitoring_period_end, verified_quantity, verification_reference,"
                    + " issued_quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
                    + " SET issued_quantity = excluded.issued_quantity")) {
                for (IssuanceRequest r : rows.issuanceRequests) {
                    upsert.setString(1, r.id().value());
                    upsert.setString(2, r.projectId().value());
                    upsert.setString(3, r.organizationId().value());
                    upsert.setObject(4, r.monitoringPeriodStart());
                    upsert.setObject(5, r.monitoringPeriodEnd());
                    upsert.setLong(6, r.verifiedQuantity());
                    upsert.setString(7, r.verificationReference());
                    upsert.setLong(8, r.issuedQuantity());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }
        if (rows.issuances.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO issuance (id, seq, project_id, host_party, vintage,"
                + " monitoring_period_start, monitoring_period_end, total_quantity, issuance_request_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
                PreparedStatement allocations = c.prepareStatement("INSERT INTO issuance_allocation (issuance_id, position,"
                        + " account_id, issuing_registry_id, first_unit, last_unit) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (issuance_id, position) DO NOTHING")) {
            for (Issuance i : rows.issuances) {
                insert.setString(1, i.id().value());
                insert.setLong(2, i.seq());
                insert.setString(3, i.projectId().value());
                insert.setString(4, i.hostParty().value());
                insert.setInt(5, i.vintage().year());
                insert.setObject(6, i.monitoringPeriodStart());
                insert.setObject(7, i.monitoringPeriodEnd());
                insert.setLong(8, i.totalQuantity());
                insert.setString(9, i.issuanceRequestId().map(r -> r.value()).orElse(null));
                insert.addBatch();
                for (int p = 0; p < i.allocations().size(); p++) {
                    IssuedAllocation a = i.allocations().get(p);
                    allocations.setString(1, i.id().value());
                    allocations.setInt(2, p + 1);
                    allocations.setString(3, a.accountId().value());
                    allocations.setString(4, a.issuingRegistryId().value());
                    allocations.setLong(5, a.first());
                    allocations.setLong(6, a.last());
                    allocations.addBatch();
                }
            }
            insert.executeBatch();
            allocations.executeBatch();
        }
    }

    private static void writeAuthorizations(Connection c, BatchRows rows) throws SQLException {
        if (!rows.authorizations.isEmpty()) {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO unit_authorization (id, party,"
                    + " cooperative_approach_id, purpose, oimp, first_transfer_definition, authorized_quantity, vintages,"
                    + " authorized_entities, version, unit_count, first_transferred_units, revoked)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::smallint[], ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
                    + " SET authorized_quantity = excluded.authorized_quantity, vintages = excluded.vintages,"
                    + " authorized_entities = excluded.authorized_entities, version = excluded.version,"
                    + " unit_count = excluded.unit_count, first_transferred_units = excluded.first_transferred_units,"
                    + " revoked = excluded.revoked");
                    PreparedStatement versions = c.prepareStatement("INSERT INTO unit_authorization_version"
                            + " (authorization_id, version, seq, at, authorized_quantity, vintages, authorized_entities,"
                            + " issuance_id, ranges) VALUES (?, ?, ?, ?::timestamptz, ?, ?::smallint[], ?, ?, ?::jsonb)"
                            + " ON CONFLICT (authorization_id, version) DO NOTHING")) {
                for (Authorization a : rows.authorizations) {
                    upsert.setString(1, a.id().value());
                    upsert.setString(2, a.party().value());
                    upsert.setString(3, a.cooperativeApproachId().value());
                    upsert.setString(4, a.purpose().name());
                    upsert.setString(5, a.oimp().orElse(null));
                    upsert.setString(6, a.firstTransferDefinition().map(Enum::name).orElse(null));
                    setOptionalLong(upsert, 7, a.terms().authorizedQuantity().map(q -> q.tonnes()));
                    upsert.setArray(8, c.createArrayOf("int4", a.terms().vintages().stream().map(Vintage::year).toArray()));
                    upsert.setArray(9, c.createArrayOf("text", a.terms().authorizedEntities().toArray()));
                    upsert.setInt(10, a.version());
                    upsert.setLong(11, a.unitCount());
                    upsert.setLong(12, a.firstTransferredUnits());
                    upsert.setBoolean(13, a.revoked());
                    upsert.addBatch();
                    for (AuthorizationVersion v : a.versions()) {
                        versions.setString(1, a.id().value());
                        versions.setInt(2, v.version());
                        versions.setLong(3, v.seq());
                        versions.setString(4, EventCodec.formatTime(v.at()));
                        setOptionalLong(versions, 5, v.terms().authorizedQuantity().map(q -> q.tonnes()));
                        versions.setArray(6, c.createArrayOf("int4", v.terms().vintages().stream().map(Vintage::year).toArray()));
                        versions.setArray(7, c.createArrayOf("text", v.terms().authorizedEntities().toArray()));
                        versions.setString(8, v.issuanceId().map(IssuanceId::value).orElse(null));
                        versions.setString(9, Json.write(ranges(v.ranges())));
                        versions.addBatch();
                    }
                }
                upsert.executeBatch();
                versions.executeBatch();
            }
        }
        if (!rows.firstTransfers.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO first_transfer (seq, authorization_id, trigger,"
                    + " cause_seq, transferring_party, acquiring_party, quantity) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (FirstTransferRecorded f : rows.firstTransfers) {
                    insert.setLong(1, f.seq());
                    insert.setString(2, f.authorizationId().value());
                    insert.setString(3, f.trigger().name());
                    insert.setLong(4, f.causeSeq());
                    insert.setString(5, f.transferringParty().value());
                    insert.setString(6, f.acquiringParty().map(PartyCode::value).orElse(null));
                    insert.setLong(7, f.ranges().stream().mapToLong(BlockRange::size).sum());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static List<Object> ranges(List<BlockRange> ranges) {
        List<Object> list = new ArrayList<>(ranges.size());
        for (BlockRange r : ranges) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hostParty", r.hostParty().value());
            m.put("vintage", (long) r.vintage().year());
            m.put("projectId", r.projectId().value());
            m.put("issuanceId", r.issuanceId().value());
            m.put("issuingRegistryId", r.issuingRegistryId().value());
            m.put("first", r.first());
            m.put("last", r.last());
            list.add(m);
        }
        return list;
    }

    private static void setOptionalLong(PreparedStatement statement, int index, Optional<Long> value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.get());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
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

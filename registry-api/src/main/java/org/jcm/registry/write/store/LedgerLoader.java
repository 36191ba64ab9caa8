package org.jcm.registry.write.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AccountType;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.state.AccountInfo;
import org.jcm.ledger.state.LedgerConfig;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.RegistryInfo;
import org.jcm.ledger.serial.UnitRange;

/**
 * Loads the ledger for the writer: replays {@code ledger_event} through ledger-core while checking
 * the hash chain, reads the stored accounts, and (if asked) checks that the stored live blocks and
 * accounts equal the replayed ones. A ledger that fails a check is not loaded
 * ({@link LedgerVerificationException}): the writer must not build on it.
 */
final class LedgerLoader {

    private final LedgerConfig ledgerConfig;

    LedgerLoader(LedgerConfig ledgerConfig) {
        this.ledgerConfig = ledgerConfig;
    }

    /**
     * Replays {@code ledger_event} in sequence order through ledger-core, checking that seq is
     * gapless and every hash matches, and computes the transparency log's tree over the entries:
     * if an {@code anchor} (the latest signed checkpoint) is given, the first {@code anchor.size()}
     * entries must hash to its root, and there must be at least that many ({@code collectLeaves}:
     * keep the leaf hashes no checkpoint covers, for a checkpointer). Then, if
     * {@code verifyBlocks}, checks that the stored live blocks and accounts equal the replayed ones.
     */
    LoadedLedger load(Connection connection, boolean verifyBlocks, TreeAnchor anchor, boolean collectLeaves)
            throws SQLException, LedgerVerificationException {
        long started = System.nanoTime();
        LedgerState state = new LedgerState(ledgerConfig);
        state.setChangeTracking(false);
        byte[] head = HashChain.zero();
        TreeBuilder tree = new TreeBuilder(anchor, collectLeaves);
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
                    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                    byte[] computed = HashChain.next(head, bytes);
                    if (!Arrays.equals(computed, hash)) {
                        throw new LedgerVerificationException("ledger_event seq " + seq + ": hash does not match SHA-256(prev_hash || event_json)");
                    }
                    tree.append(bytes);
                    state.apply(decode(seq, json));
                    head = hash;
                    expected++;
                }
            }
        } catch (RuntimeException e) {
            throw new LedgerVerificationException("ledger_event cannot be replayed: " + e.getMessage(), e);
        }
        LoadedTree loadedTree = tree.finish();
        state.setChangeTracking(true);
        Map<AccountId, AccountInfo> accounts = loadAccounts(connection);
        if (verifyBlocks) {
            verifyBlocks(connection, state);
            verifyAccounts(state, accounts);
        }
        connection.commit();
        return new LoadedLedger(state, head, accounts, (System.nanoTime() - started) / 1_000_000, loadedTree);
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
    private static CreditBlock block(ResultSet rows) throws SQLException {
        String authorization = rows.getString(10);
        String purpose = rows.getString(11);
        return new CreditBlock(PartyCode.parse(rows.getString(1)), Vintage.of(rows.getInt(2)),
                ProjectId.parse(rows.getString(5)), IssuanceId.parse(rows.getString(6)), RegistryId.parse(rows.getString(7)),
                UnitRange.of(rows.getLong(3), rows.getLong(4)), AccountId.parse(rows.getString(8)),
                BlockStatus.valueOf(rows.getString(9)), Optional.ofNullable(authorization).map(AuthorizationId::parse),
                Optional.ofNullable(purpose).map(AuthorizationPurpose::valueOf), CaState.valueOf(rows.getString(12)),
                rows.getBoolean(13));
    }
}

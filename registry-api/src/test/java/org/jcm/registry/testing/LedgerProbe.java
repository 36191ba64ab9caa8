package org.jcm.registry.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.state.Invariants;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.Replay;

/** Looks into the registry database over JDBC, as an auditor would: head, balances, blocks and a full replay. */
public final class LedgerProbe {

    private LedgerProbe() {
    }

    /** A connection to the registry database. */
    public static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** The last committed seq (0 if none). */
    public static long headSeq() {
        return longValue("SELECT coalesce(max(seq), 0) FROM ledger_event");
    }

    /** The number of events. */
    public static long eventCount() {
        return longValue("SELECT count(*) FROM ledger_event");
    }

    /** Units an account holds (sum of its live blocks). */
    public static long balance(String accountId) {
        return longValue("SELECT coalesce(sum(quantity), 0) FROM block WHERE account_id = '" + accountId.replace("'", "''") + "'");
    }

    /** Every stored live block as text, ordered by key. */
    public static List<String> blocks() {
        return strings("SELECT host_party || '/' || vintage || '/' || first_unit || '-' || last_unit || '/' || account_id"
                + " || '/' || status || '/' || ca_state FROM block ORDER BY host_party, vintage, first_unit");
    }

    /** A snapshot of the state that must not change when a request is refused: head, event count and all blocks. */
    public static Map<String, Object> fingerprint() {
        Map<String, Object> print = new LinkedHashMap<>();
        print.put("head", headSeq());
        print.put("events", eventCount());
        print.put("idempotency", longValue("SELECT count(*) FROM idempotency"));
        print.put("blocks", blocks());
        print.put("accounts", strings("SELECT id || '/' || status || '/' || frozen FROM account ORDER BY id"));
        return print;
    }

    /**
     * Replays every stored event through ledger-core, checking the gapless sequence and the hash
     * chain, and returns the state; {@link Invariants#check} and the comparison with stored blocks
     * are up to the caller (see {@link #verify()}).
     */
    @SuppressWarnings("unchecked")
    public static LedgerState replay() {
        List<LedgerEvent> events = new ArrayList<>();
        byte[] head = HashChain.zero();
        try (Connection c = connect(); PreparedStatement select = c.prepareStatement(
                "SELECT seq, event_json, prev_hash, hash FROM ledger_event ORDER BY seq");
                ResultSet rows = select.executeQuery()) {
            long expected = 1;
            while (rows.next()) {
                if (rows.getLong(1) != expected++) {
                    throw new AssertionError("gap at seq " + (expected - 1));
                }
                byte[] computed = HashChain.next(head, rows.getString(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (!java.util.Arrays.equals(rows.getBytes(3), head) || !java.util.Arrays.equals(rows.getBytes(4), computed)) {
                    throw new AssertionError("hash chain broken at seq " + rows.getLong(1));
                }
                head = computed;
                events.add(EventCodec.fromJson((Map<String, Object>) Json.parse(rows.getString(2))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return Replay.fold(events);
    }

    /**
     * Replays the stored events and returns the problems found: invariant violations of the replayed
     * state, and any difference between its live blocks and the stored block rows. Empty when sound.
     */
    public static List<String> verify() {
        LedgerState state = replay();
        List<String> problems = new ArrayList<>(Invariants.check(state));
        List<String> replayed = new ArrayList<>();
        state.blocks(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty())
                .forEach(b -> replayed.add(b.hostParty().value() + "/" + b.vintage().year() + "/" + b.range().first() + "-"
                        + b.range().last() + "/" + b.holderAccountId().value() + "/" + b.status() + "/" + b.caState()));
        List<String> stored = strings("SELECT host_party || '/' || vintage || '/' || first_unit || '-' || last_unit || '/'"
                + " || account_id || '/' || status || '/' || ca_state FROM block ORDER BY host_party COLLATE \"C\", vintage, first_unit");
        if (!replayed.equals(stored)) {
            problems.add("stored blocks differ from replay: " + stored.size() + " stored, " + replayed.size() + " replayed");
        }
        return problems;
    }

    public static long longValue(String sql) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> strings(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}

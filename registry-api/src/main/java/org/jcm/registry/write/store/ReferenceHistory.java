package org.jcm.registry.write.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.PartyRegistered;
import org.jcm.ledger.event.PartyUpdated;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;

/**
 * What the reference file last applied to each Party: the Party of the last {@code PartyRegistered}
 * or {@code PartyUpdated} whose actor is one of the writer's own operator subjects. The writer
 * compares a reference row with this (not with the Party as it is now), so that a change the
 * operator made through the API stays until the reference row itself changes.
 */
public final class ReferenceHistory {

    private static final String SQL = "SELECT event_json FROM ledger_event WHERE type IN ('PartyRegistered', 'PartyUpdated')"
            + " AND actor_role = 'operator' AND actor_subject = ANY (?) ORDER BY seq";

    private ReferenceHistory() {
    }

    /** The Party each of {@code subjects} last wrote, by code (Parties they never wrote are absent). */
    @SuppressWarnings("unchecked")
    public static Map<PartyCode, Party> lastApplied(Connection connection, String... subjects) throws SQLException {
        Map<PartyCode, Party> applied = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SQL)) {
            select.setArray(1, connection.createArrayOf("text", subjects));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    LedgerEvent event = EventCodec.fromJson((Map<String, Object>) Json.parse(rs.getString(1)));
                    if (event instanceof PartyRegistered r) {
                        applied.put(r.party().code(), r.party());
                    } else if (event instanceof PartyUpdated u) {
                        applied.put(u.party().code(), u.party());
                    }
                }
            }
        }
        // The writer's connection does not auto-commit: end the read's transaction, as every read of the writer does.
        connection.commit();
        return applied;
    }
}

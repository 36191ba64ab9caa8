package org.jcm.registry.write.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.StringJoiner;
import org.jcm.ledger.event.MethodologyRegistered;
import org.jcm.ledger.event.MethodologyUpdated;
import org.jcm.ledger.event.ProjectCycleEvent;
import org.jcm.ledger.event.ThirdPartyEntityAccredited;
import org.jcm.ledger.event.ThirdPartyEntityUpdated;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.SectoralScope;
import org.jcm.ledger.id.ThirdPartyEntity;

/**
 * The rows of the project cycle's reference tables ({@code methodology}, {@code third_party_entity})
 * taken from the events that change them. Those events carry the whole new value (the ledger
 * replaces a methodology or an entity whole), so the row of the last such event of a batch is
 * the stored one; upserts run in event order. Other project-cycle events have no rows here.
 */
public final class CycleRows {

    private CycleRows() {
    }

    /** Adds the row {@code event} changes, if any. */
    static void add(ProjectCycleEvent event, BatchRows rows) {
        if (event instanceof MethodologyRegistered e) {
            rows.methodologies.add(e.methodology());
        } else if (event instanceof MethodologyUpdated e) {
            rows.methodologies.add(e.methodology());
        } else if (event instanceof ThirdPartyEntityAccredited e) {
            rows.thirdPartyEntities.add(e.entity());
        } else if (event instanceof ThirdPartyEntityUpdated e) {
            rows.thirdPartyEntities.add(e.entity());
        }
    }

    /** Whether the batch has rows for these tables. */
    static boolean has(BatchRows rows) {
        return !rows.methodologies.isEmpty() || !rows.thirdPartyEntities.isEmpty();
    }

    /** Sectoral scopes as stored: their numbers in ascending order, separated by {@code ;} (empty for none). */
    public static String scopes(Collection<SectoralScope> scopes) {
        StringJoiner text = new StringJoiner(";");
        scopes.stream().sorted().forEach(s -> text.add(Integer.toString(s.number())));
        return text.toString();
    }

    /** Party codes as stored: in ascending order, separated by {@code ;}. */
    public static String parties(Collection<PartyCode> parties) {
        StringJoiner text = new StringJoiner(";");
        parties.stream().sorted().forEach(p -> text.add(p.value()));
        return text.toString();
    }

    /** Writes the rows (after the parties, which they reference). */
    static void write(Connection c, BatchRows rows) throws SQLException {
        if (!rows.methodologies.isEmpty()) {
            writeMethodologies(c, rows);
        }
        if (!rows.thirdPartyEntities.isEmpty()) {
            writeThirdPartyEntities(c, rows);
        }
    }

    private static void writeMethodologies(Connection c, BatchRows rows) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO methodology (id, host_party, title, sectoral_scope,"
                + " version, status, max_monitoring_days, same_entity_may_verify) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO UPDATE SET host_party = excluded.host_party, title = excluded.title,"
                + " sectoral_scope = excluded.sectoral_scope, version = excluded.version, status = excluded.status,"
                + " max_monitoring_days = excluded.max_monitoring_days,"
                + " same_entity_may_verify = excluded.same_entity_may_verify")) {
            for (Methodology m : rows.methodologies) {
                upsert.setString(1, m.id().value());
                upsert.setString(2, m.hostParty().value());
                upsert.setString(3, m.title());
                upsert.setShort(4, (short) m.scope().number());
                upsert.setInt(5, m.version());
                upsert.setString(6, m.status().name());
                if (m.maxMonitoringDays().isPresent()) {
                    upsert.setInt(7, m.maxMonitoringDays().get());
                } else {
                    upsert.setNull(7, Types.INTEGER);
                }
                upsert.setBoolean(8, m.sameEntityMayVerify());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void writeThirdPartyEntities(Connection c, BatchRows rows) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO third_party_entity (id, name, sectoral_scopes,"
                + " host_parties, status) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                + " sectoral_scopes = excluded.sectoral_scopes, host_parties = excluded.host_parties,"
                + " status = excluded.status")) {
            for (ThirdPartyEntity t : rows.thirdPartyEntities) {
                upsert.setString(1, t.id().value());
                upsert.setString(2, t.name());
                upsert.setString(3, scopes(t.scopes()));
                upsert.setString(4, parties(t.hostParties()));
                upsert.setString(5, t.status().name());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}

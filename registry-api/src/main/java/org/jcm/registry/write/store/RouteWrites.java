package org.jcm.registry.write.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.id.DocumentRef;

/**
 * Writes the application route's read tables (V67) from {@link RouteRows}: every application and
 * monitoring cycle the batch changed, whole, with all its reviews (upserts: a row changes as the
 * route moves), then the reviews' reasons and decision references in event order, then the
 * documents the batch's events cite (inserts). The values of each row are {@link RouteValues}, which
 * {@code POST /ledger/verify} uses to compute the rows it expects.
 */
final class RouteWrites {

    private RouteWrites() {
    }

    static void write(Connection c, RouteRows rows) throws SQLException {
        if (!rows.applications.isEmpty()) {
            writeApplications(c, rows.applications);
        }
        if (!rows.cycles.isEmpty()) {
            writeCycles(c, rows.cycles);
        }
        writeReviews(c, rows);
        if (!rows.notes.isEmpty()) {
            writeNotes(c, rows.notes);
        }
        if (!rows.citations.isEmpty()) {
            writeCitations(c, rows.citations);
        }
    }

    private static void writeApplications(Connection c, List<Object[]> applications) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO application (id, state, holder, held_by_parties,"
                + " title, host_parties, methodology_id, financing_kind, financing_programme, financing_agency,"
                + " japan_share_basis_points, representative_id, other_participants, proxy_id, pending_representative_id,"
                + " pending_other_participants, pending_proxy_id, confirmed_by, validator_id, project_id, submitted_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                + " state = excluded.state, holder = excluded.holder, held_by_parties = excluded.held_by_parties,"
                + " title = excluded.title, host_parties = excluded.host_parties, methodology_id = excluded.methodology_id,"
                + " financing_kind = excluded.financing_kind, financing_programme = excluded.financing_programme,"
                + " financing_agency = excluded.financing_agency, japan_share_basis_points = excluded.japan_share_basis_points,"
                + " representative_id = excluded.representative_id, other_participants = excluded.other_participants,"
                + " proxy_id = excluded.proxy_id, pending_representative_id = excluded.pending_representative_id,"
                + " pending_other_participants = excluded.pending_other_participants,"
                + " pending_proxy_id = excluded.pending_proxy_id, confirmed_by = excluded.confirmed_by,"
                + " validator_id = excluded.validator_id, project_id = excluded.project_id")) {
            bind(upsert, applications);
            upsert.executeBatch();
        }
    }

    private static void writeCycles(Connection c, List<Object[]> cycles) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO monitoring_cycle (id, project_id, application_id,"
                + " state, holder, held_by_parties, period_start, period_end, claimed_quantity, verified_quantity,"
                + " verifier_id, issuance_request_id, shares, issued_shares) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?::json, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, holder = excluded.holder,"
                + " held_by_parties = excluded.held_by_parties, period_start = excluded.period_start,"
                + " period_end = excluded.period_end, claimed_quantity = excluded.claimed_quantity,"
                + " verified_quantity = excluded.verified_quantity, verifier_id = excluded.verifier_id,"
                + " issuance_request_id = excluded.issuance_request_id, shares = excluded.shares,"
                + " issued_shares = excluded.issued_shares")) {
            bind(upsert, cycles);
            upsert.executeBatch();
        }
    }

    private static void writeReviews(Connection c, RouteRows rows) throws SQLException {
        if (rows.reviews.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO cycle_review (subject_id, position, application_id,"
                + " step, submitted_at, decided_at, verdict, decided_by_role, decided_by_subject, decided_by_scope)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (subject_id, position) DO UPDATE SET"
                + " decided_at = excluded.decided_at, verdict = excluded.verdict,"
                + " decided_by_role = excluded.decided_by_role, decided_by_subject = excluded.decided_by_subject,"
                + " decided_by_scope = excluded.decided_by_scope")) {
            bind(upsert, rows.reviews);
            upsert.executeBatch();
        }
    }

    /** Adds one batch entry per row, its values in column order (instants as timestamps). */
    private static void bind(PreparedStatement statement, List<Object[]> rows) throws SQLException {
        for (Object[] values : rows) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i] instanceof Instant at ? Timestamp.from(at) : values[i]);
            }
            statement.addBatch();
        }
    }

    private static void writeNotes(Connection c, List<RouteRows.Note> notes) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE cycle_review SET decision_reference = ?, reasons = ?::json"
                + " WHERE subject_id = ? AND position = ?")) {
            for (RouteRows.Note n : notes) {
                update.setString(1, n.decisionReference().orElse(null));
                update.setString(2, Json.write(n.reasons()));
                update.setString(3, n.subjectId());
                update.setInt(4, n.position());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void writeCitations(Connection c, List<RouteRows.Citation> citations) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO document_citation (seq, position, subject_id,"
                + " application_id, step, event_type, sha256, kind, file_name, media_type, size)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RouteRows.Citation r : citations) {
                DocumentRef d = r.document();
                insert.setLong(1, r.seq());
                insert.setInt(2, r.position());
                insert.setString(3, r.subjectId());
                insert.setString(4, r.applicationId());
                insert.setString(5, r.step());
                insert.setString(6, r.eventType());
                insert.setString(7, d.sha256());
                insert.setString(8, d.kind().name());
                insert.setString(9, d.fileName());
                insert.setString(10, d.mediaType());
                insert.setLong(11, d.size());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}

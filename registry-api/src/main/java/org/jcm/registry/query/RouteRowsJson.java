package org.jcm.registry.query;

import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.EventCodec;
import org.jcm.registry.api.RouteJson;

/** Turns rows of the application route's tables into the read bodies ({@link RouteJson}). */
final class RouteRowsJson {

    /** The application columns {@link #applicationSummary} and {@link #applicationDetails} read, in order. */
    static final String APPLICATION = "a.id, a.state, a.holder, a.held_by_parties, a.title, a.host_parties,"
            + " a.methodology_id, a.financing_kind, a.financing_programme, a.financing_agency, a.japan_share_basis_points,"
            + " a.representative_id, a.other_participants, a.proxy_id, a.project_id, a.submitted_at,"
            + " a.pending_representative_id, a.pending_other_participants, a.pending_proxy_id, a.confirmed_by, a.validator_id";
    /** The monitoring cycle columns {@link #cycleSummary} and {@link #cycleDetails} read, in order. */
    static final String CYCLE = "m.id, m.project_id, m.application_id, m.state, m.holder, m.held_by_parties,"
            + " m.period_start, m.period_end, m.claimed_quantity, m.verified_quantity, m.verifier_id,"
            + " m.issuance_request_id, m.shares::text, m.issued_shares";

    private RouteRowsJson() {
    }

    static RouteJson.ApplicationSummary applicationSummary(Row r) {
        return new RouteJson.ApplicationSummary(r.getString(0), r.getString(1), heldBy(r.getString(2), r.getString(3)),
                r.getString(4), split(r.getString(5)), r.getString(6), financing(r), participants(r.getString(11),
                r.getString(12), r.getString(13)), r.getString(14), time(r.getOffsetDateTime(15)));
    }

    static RouteJson.ApplicationDetails applicationDetails(Row r, List<RouteJson.CitedDocument> documents,
                                                           List<RouteJson.Review> reviews) {
        RouteJson.Participants pending = r.getString(16) == null ? null
                : participants(r.getString(16), r.getString(17), r.getString(18));
        return new RouteJson.ApplicationDetails(r.getString(0), r.getString(1), heldBy(r.getString(2), r.getString(3)),
                r.getString(4), split(r.getString(5)), r.getString(6), financing(r), participants(r.getString(11),
                r.getString(12), r.getString(13)), pending, split(r.getString(19)), r.getString(20), r.getString(14),
                time(r.getOffsetDateTime(15)), documents, reviews);
    }

    static RouteJson.CycleSummary cycleSummary(Row r) {
        return new RouteJson.CycleSummary(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                heldBy(r.getString(4), r.getString(5)), r.getLocalDate(6), r.getLocalDate(7), r.getLong(8), r.getLong(9));
    }

    static RouteJson.CycleDetails cycleDetails(Row r, List<RouteJson.CitedDocument> documents, List<RouteJson.Review> reviews) {
        return new RouteJson.CycleDetails(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                heldBy(r.getString(4), r.getString(5)), r.getLocalDate(6), r.getLocalDate(7), r.getLong(8), r.getLong(9),
                r.getString(10), r.getString(11), shares(r.getString(12)), split(r.getString(13)), documents, reviews);
    }

    /** A row of {@code cycle_review}: step, submitted, decided, verdict, role, scope, reference, reasons. */
    static RouteJson.Review review(Row r) {
        RouteJson.DecidedBy by = r.getString(4) == null ? null : new RouteJson.DecidedBy(r.getString(4), r.getString(5));
        List<String> reasons = new ArrayList<>();
        for (Object reason : (List<?>) Json.parse(r.getString(7))) {
            reasons.add((String) reason);
        }
        return new RouteJson.Review(r.getString(0), time(r.getOffsetDateTime(1)), time(r.getOffsetDateTime(2)),
                r.getString(3), by, r.getString(6), reasons);
    }

    /** A row of {@code document_citation}: step, event, seq, sha256, kind, file name, media type, size. */
    static RouteJson.CitedDocument citation(Row r) {
        return new RouteJson.CitedDocument(r.getString(0), r.getString(1), r.getLong(2), r.getString(3), r.getString(4),
                r.getString(5), r.getString(6), r.getLong(7));
    }

    private static RouteJson.HeldBy heldBy(String holder, String parties) {
        return new RouteJson.HeldBy(holder, split(parties));
    }

    private static RouteJson.Financing financing(Row r) {
        return new RouteJson.Financing(r.getString(7), r.getString(8), r.getString(9), r.getInteger(10));
    }

    private static RouteJson.Participants participants(String representative, String others, String proxy) {
        return new RouteJson.Participants(representative, split(others), proxy);
    }

    private static List<RouteJson.Share> shares(String json) {
        List<RouteJson.Share> shares = new ArrayList<>();
        for (Object item : (List<?>) Json.parse(json)) {
            Map<?, ?> share = (Map<?, ?>) item;
            List<RouteJson.Allocation> allocations = new ArrayList<>();
            for (Object a : (List<?>) share.get("allocations")) {
                Map<?, ?> allocation = (Map<?, ?>) a;
                allocations.add(new RouteJson.Allocation((String) allocation.get("accountId"),
                        ((Number) allocation.get("quantity")).longValue()));
            }
            shares.add(new RouteJson.Share((String) share.get("registryId"), (String) share.get("numberingHost"),
                    ((Number) share.get("vintage")).intValue(), allocations));
        }
        return shares;
    }

    /** A list stored as members separated by {@code ;}; empty text is the empty list. */
    static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(";"));
    }

    private static String time(OffsetDateTime at) {
        return at == null ? null : EventCodec.formatTime(at.toInstant());
    }
}

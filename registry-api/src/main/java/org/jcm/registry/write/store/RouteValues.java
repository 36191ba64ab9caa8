package org.jcm.registry.write.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.DecidedShare;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.state.Application;
import org.jcm.ledger.state.ApplicationState;
import org.jcm.ledger.state.MonitoringCycle;
import org.jcm.ledger.state.ReviewClock;

/**
 * The column values of the application route's read tables (V67) for an application, a monitoring
 * cycle and a review, in the tables' column order. The writer stores them and
 * {@code POST /ledger/verify} expects them from the replayed state, so both sides agree by
 * construction and a row changed behind the writer's back shows as a difference.
 */
public final class RouteValues {

    /** The application columns, in order. */
    public static final List<String> APPLICATION_COLUMNS = List.of("id", "state", "holder", "held_by_parties", "title",
            "host_parties", "methodology_id", "financing_kind", "financing_programme", "financing_agency",
            "japan_share_basis_points", "representative_id", "other_participants", "proxy_id", "pending_representative_id",
            "pending_other_participants", "pending_proxy_id", "confirmed_by", "validator_id", "project_id", "submitted_at");
    /** The monitoring cycle columns, in order. */
    public static final List<String> CYCLE_COLUMNS = List.of("id", "project_id", "application_id", "state", "holder",
            "held_by_parties", "period_start", "period_end", "claimed_quantity", "verified_quantity", "verifier_id",
            "issuance_request_id", "shares", "issued_shares");
    /** The review columns that come from the state, in order (reasons and decision reference come from events). */
    public static final List<String> REVIEW_COLUMNS = List.of("subject_id", "position", "application_id", "step",
            "submitted_at", "decided_at", "verdict", "decided_by_role", "decided_by_subject", "decided_by_scope");

    private RouteValues() {
    }

    /** The holder as the API and the tables name it: the ledger's holder, with NOBODY and REGISTRY_ADMINISTRATORS spelt out. */
    public static String holder(ApplicationState.Holder holder) {
        if (holder == ApplicationState.Holder.NONE) {
            return "NOBODY";
        }
        return holder == ApplicationState.Holder.REGISTRY_ADMIN ? "REGISTRY_ADMINISTRATORS" : holder.name();
    }

    /**
     * The Parties whose government or JC secretariat holds the application: the hosts that have not
     * yet confirmed the Project Idea Note (in host order), or the first host whose JC secretariat
     * decides; none otherwise.
     */
    static String heldByParties(ApplicationState.Holder holder, List<PartyCode> hosts, java.util.Set<PartyCode> confirmed) {
        if (holder == ApplicationState.Holder.HOST_GOVERNMENT) {
            return parties(hosts.stream().filter(h -> !confirmed.contains(h)).toList());
        }
        return holder == ApplicationState.Holder.JC_SECRETARIAT ? hosts.get(0).value() : "";
    }

    /** The row of an application. */
    public static Object[] application(Application a) {
        Participants p = a.participants();
        Optional<Participants> pending = a.pendingParticipants();
        return new Object[] {a.id().value(), a.state().name(), holder(a.holder()),
            heldByParties(a.holder(), a.idea().hostParties(), a.confirmedBy()), a.idea().title(),
            parties(a.idea().hostParties()), a.idea().methodologyId().value(), a.idea().financing().kind().name(),
            a.idea().financing().programme().orElse(null), a.idea().financing().agency().orElse(null),
            a.idea().financing().japanShareBasisPoints(), p.representative().value(), organizations(p.others()),
            p.proxy().map(OrganizationId::value).orElse(null),
            pending.map(q -> q.representative().value()).orElse(null), pending.map(q -> organizations(q.others())).orElse(null),
            pending.flatMap(Participants::proxy).map(OrganizationId::value).orElse(null),
            parties(new ArrayList<>(a.confirmedBy())), a.validator().map(v -> v.value()).orElse(null),
            a.projectId().map(id -> id.value()).orElse(null), a.submittedAt()};
    }

    /** The row of a monitoring cycle, whose application gives the hosts that hold it. */
    public static Object[] cycle(MonitoringCycle m, Optional<Application> application) {
        String heldBy = m.holder() == ApplicationState.Holder.JC_SECRETARIAT
                ? application.map(a -> a.firstHost().value()).orElse("") : "";
        return new Object[] {m.id().value(), m.projectId().value(), m.applicationId().value(), m.state().name(),
            holder(m.holder()), heldBy, m.periodStart(), m.periodEnd(), m.claimedQuantity(), m.verifiedQuantity().orElse(null),
            m.verifier().map(v -> v.value()).orElse(null), m.issuanceRequestId().map(r -> r.value()).orElse(null),
            shares(m.shares()), String.join(";", m.issuedShares())};
    }

    /** The state columns of review {@code position} (from 1) of {@code subject}. */
    public static Object[] review(String subject, int position, String application, ReviewClock r) {
        return new Object[] {subject, position, application, r.step(), r.submittedAt(), r.decidedAt().orElse(null),
            r.verdict().map(Enum::name).orElse(null), r.decidedBy().map(b -> b.role().wireName()).orElse(null),
            r.decidedBy().map(b -> b.subject()).orElse(null), r.decidedBy().map(b -> b.scope()).orElse(null)};
    }

    /** Decided shares as stored: canonical JSON, shares and allocations in the decision's order. */
    public static String shares(List<DecidedShare> shares) {
        List<Object> list = new ArrayList<>();
        for (DecidedShare s : shares) {
            Map<String, Object> share = new LinkedHashMap<>();
            share.put("registryId", s.registryId().value());
            share.put("numberingHost", s.numberingHost().value());
            share.put("vintage", (long) s.vintage().year());
            List<Object> allocations = new ArrayList<>();
            for (Allocation a : s.allocations()) {
                Map<String, Object> allocation = new LinkedHashMap<>();
                allocation.put("accountId", a.accountId().value());
                allocation.put("quantity", a.quantity().tonnes());
                allocations.add(allocation);
            }
            share.put("allocations", allocations);
            list.add(share);
        }
        return Json.write(list);
    }

    /** Party codes as stored: in the given order, separated by {@code ;} (empty for none). */
    public static String parties(List<PartyCode> parties) {
        return String.join(";", parties.stream().map(PartyCode::value).toList());
    }

    /** Organization ids as stored: in the given order, separated by {@code ;} (empty for none). */
    public static String organizations(List<OrganizationId> ids) {
        return String.join(";", ids.stream().map(OrganizationId::value).toList());
    }
}

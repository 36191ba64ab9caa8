package org.jcm.ledger.event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.id.AccreditationStatus;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.MethodologyStatus;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.SectoralScope;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.id.ThirdPartyEntityId;

/**
 * The JSON codecs of the project cycle's reference data: methodologies and third-party entities,
 * each event type's encoding beside its decoding; see {@link EventCodec} for the conventions.
 * Sectoral scopes are written as their numbers, in order.
 */
final class ProjectCycleCodecs {

    static final TypeCodec<MethodologyRegistered> METHODOLOGY_REGISTERED = new TypeCodec<>(MethodologyRegistered.class,
            (e, m) -> methodology(e.methodology(), m),
            (seq, at, actor, in) -> new MethodologyRegistered(seq, at, actor, methodology(in)));

    static final TypeCodec<MethodologyUpdated> METHODOLOGY_UPDATED = new TypeCodec<>(MethodologyUpdated.class,
            (e, m) -> methodology(e.methodology(), m),
            (seq, at, actor, in) -> new MethodologyUpdated(seq, at, actor, methodology(in)));

    static final TypeCodec<ThirdPartyEntityAccredited> TPE_ACCREDITED = new TypeCodec<>(ThirdPartyEntityAccredited.class,
            (e, m) -> entity(e.entity(), m),
            (seq, at, actor, in) -> new ThirdPartyEntityAccredited(seq, at, actor, entity(in)));

    static final TypeCodec<ThirdPartyEntityUpdated> TPE_UPDATED = new TypeCodec<>(ThirdPartyEntityUpdated.class,
            (e, m) -> entity(e.entity(), m),
            (seq, at, actor, in) -> new ThirdPartyEntityUpdated(seq, at, actor, entity(in)));

    /** The codec of each project-cycle event type. */
    static final ProjectCycleEvent.Visitor<TypeCodec<?>> CODEC_OF = new ProjectCycleEvent.Visitor<>() {
        @Override
        public TypeCodec<?> visitMethodologyRegistered(MethodologyRegistered event) {
            return METHODOLOGY_REGISTERED;
        }

        @Override
        public TypeCodec<?> visitMethodologyUpdated(MethodologyUpdated event) {
            return METHODOLOGY_UPDATED;
        }

        @Override
        public TypeCodec<?> visitThirdPartyEntityAccredited(ThirdPartyEntityAccredited event) {
            return TPE_ACCREDITED;
        }

        @Override
        public TypeCodec<?> visitThirdPartyEntityUpdated(ThirdPartyEntityUpdated event) {
            return TPE_UPDATED;
        }

        @Override
        public TypeCodec<?> visitApplicationSubmitted(ApplicationSubmitted event) {
            return ApplicationCodecs.APPLICATION_SUBMITTED;
        }

        @Override
        public TypeCodec<?> visitProjectIdeaResubmitted(ProjectIdeaResubmitted event) {
            return ApplicationCodecs.PROJECT_IDEA_RESUBMITTED;
        }

        @Override
        public TypeCodec<?> visitDesignSubmitted(DesignSubmitted event) {
            return ApplicationCodecs.DESIGN_SUBMITTED;
        }

        @Override
        public TypeCodec<?> visitApplicationReviewed(ApplicationReviewed event) {
            return ApplicationCodecs.APPLICATION_REVIEWED;
        }

        @Override
        public TypeCodec<?> visitApplicationWithdrawn(ApplicationWithdrawn event) {
            return ApplicationCodecs.APPLICATION_WITHDRAWN;
        }

        @Override
        public TypeCodec<?> visitParticipantChangeProposed(ParticipantChangeProposed event) {
            return ApplicationCodecs.PARTICIPANT_CHANGE_PROPOSED;
        }

        @Override
        public TypeCodec<?> visitParticipantsChanged(ParticipantsChanged event) {
            return ApplicationCodecs.PARTICIPANTS_CHANGED;
        }

        @Override
        public TypeCodec<?> visitMonitoringReportSubmitted(MonitoringReportSubmitted event) {
            return MonitoringCodecs.REPORT_SUBMITTED;
        }

        @Override
        public TypeCodec<?> visitMonitoringReportReviewed(MonitoringReportReviewed event) {
            return MonitoringCodecs.REPORT_REVIEWED;
        }

        @Override
        public TypeCodec<?> visitIssuanceDecided(IssuanceDecided event) {
            return MonitoringCodecs.ISSUANCE_DECIDED;
        }
    };

    private ProjectCycleCodecs() {
    }

    static List<Object> scopes(Collection<SectoralScope> scopes) {
        List<Object> out = new ArrayList<>(scopes.size());
        for (SectoralScope s : scopes) {
            out.add((long) s.number());
        }
        return out;
    }

    private static void methodology(Methodology x, Map<String, Object> m) {
        m.put("methodologyId", x.id().value());
        m.put("hostParty", x.hostParty().value());
        m.put("title", x.title());
        m.put("sectoralScope", (long) x.scope().number());
        m.put("version", (long) x.version());
        m.put("status", x.status().name());
        x.maxMonitoringDays().ifPresent(d -> m.put("maxMonitoringDays", (long) d));
        m.put("sameEntityMayVerify", x.sameEntityMayVerify());
    }

    private static Methodology methodology(JsonIn in) {
        return new Methodology(in.id("methodologyId", MethodologyId::new), in.id("hostParty", PartyCode::new),
                in.string("title"), SectoralScope.ofNumber(in.longValue("sectoralScope")), in.intValue("version"),
                in.enumValue("status", MethodologyStatus.class),
                in.has("maxMonitoringDays") ? Optional.of(in.intValue("maxMonitoringDays")) : Optional.empty(),
                in.bool("sameEntityMayVerify"));
    }

    private static void entity(ThirdPartyEntity x, Map<String, Object> m) {
        m.put("thirdPartyEntityId", x.id().value());
        m.put("name", x.name());
        m.put("sectoralScopes", scopes(x.scopes()));
        List<Object> hosts = new ArrayList<>();
        x.hostParties().forEach(p -> hosts.add(p.value()));
        m.put("hostParties", hosts);
        m.put("status", x.status().name());
    }

    private static ThirdPartyEntity entity(JsonIn in) {
        List<PartyCode> hosts = new ArrayList<>();
        for (String s : in.strings("hostParties", false)) {
            hosts.add(new PartyCode(s));
        }
        return new ThirdPartyEntity(in.id("thirdPartyEntityId", ThirdPartyEntityId::new), in.string("name"),
                in.scopes("sectoralScopes"), new java.util.TreeSet<>(hosts), in.enumValue("status", AccreditationStatus.class));
    }
}

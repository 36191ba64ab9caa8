package org.jcm.ledger.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.Financing;
import org.jcm.ledger.id.FinancingKind;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectIdea;
import org.jcm.ledger.id.ReviewStep;
import org.jcm.ledger.id.ReviewVerdict;

/**
 * The JSON codecs of project applications (Project Idea Note to registration), each event type's
 * encoding beside its decoding; see {@link EventCodec} for the conventions. Documents are objects
 * {@code {sha256, kind, fileName, mediaType, size}}; optional members are left out when empty.
 */
final class ApplicationCodecs {

    static final TypeCodec<ApplicationSubmitted> APPLICATION_SUBMITTED = new TypeCodec<>(ApplicationSubmitted.class,
            (e, m) -> {
                m.put("applicationId", e.applicationId().value());
                idea(e.idea(), m);
                m.put("participants", participants(e.participants()));
            },
            (seq, at, actor, in) -> new ApplicationSubmitted(seq, at, actor, applicationId(in), idea(in),
                    participants(in.object("participants"))));

    static final TypeCodec<ProjectIdeaResubmitted> PROJECT_IDEA_RESUBMITTED = new TypeCodec<>(ProjectIdeaResubmitted.class,
            (e, m) -> {
                m.put("applicationId", e.applicationId().value());
                idea(e.idea(), m);
            },
            (seq, at, actor, in) -> new ProjectIdeaResubmitted(seq, at, actor, applicationId(in), idea(in)));

    static final TypeCodec<DesignSubmitted> DESIGN_SUBMITTED = new TypeCodec<>(DesignSubmitted.class,
            (e, m) -> {
                m.put("applicationId", e.applicationId().value());
                m.put("documents", documents(e.documents()));
            },
            (seq, at, actor, in) -> new DesignSubmitted(seq, at, actor, applicationId(in), documents(in)));

    static final TypeCodec<ApplicationReviewed> APPLICATION_REVIEWED = new TypeCodec<>(ApplicationReviewed.class,
            (e, m) -> {
                m.put("applicationId", e.applicationId().value());
                m.put("step", e.step().name());
                m.put("verdict", e.verdict().name());
                e.decisionReference().ifPresent(r -> m.put("decisionReference", r));
                m.put("reasons", new ArrayList<Object>(e.reasons()));
                m.put("documents", documents(e.documents()));
            },
            (seq, at, actor, in) -> new ApplicationReviewed(seq, at, actor, applicationId(in), in.enumValue("step", ReviewStep.class),
                    in.enumValue("verdict", ReviewVerdict.class), in.optionalString("decisionReference"),
                    in.strings("reasons", false), documents(in)));

    static final TypeCodec<ApplicationWithdrawn> APPLICATION_WITHDRAWN = new TypeCodec<>(ApplicationWithdrawn.class,
            (e, m) -> {
                m.put("applicationId", e.applicationId().value());
                m.put("reasons", new ArrayList<Object>(e.reasons()));
            },
            (seq, at, actor, in) -> new ApplicationWithdrawn(seq, at, actor, applicationId(in), in.strings("reasons", false)));

    static final TypeCodec<ParticipantChangeProposed> PARTICIPANT_CHANGE_PROPOSED = new TypeCodec<>(ParticipantChangeProposed.class,
            (e, m) -> {
                m.put("applicationId", e.applicationId().value());
                m.put("participants", participants(e.participants()));
            },
            (seq, at, actor, in) -> new ParticipantChangeProposed(seq, at, actor, applicationId(in),
                    participants(in.object("participants"))));

    static final TypeCodec<ParticipantsChanged> PARTICIPANTS_CHANGED = new TypeCodec<>(ParticipantsChanged.class,
            (e, m) -> {
                m.put("applicationId", e.applicationId().value());
                m.put("participants", participants(e.participants()));
            },
            (seq, at, actor, in) -> new ParticipantsChanged(seq, at, actor, applicationId(in), participants(in.object("participants"))));

    private ApplicationCodecs() {
    }

    private static ApplicationId applicationId(JsonIn in) {
        return in.id("applicationId", ApplicationId::new);
    }

    static List<Object> documents(List<DocumentRef> documents) {
        List<Object> out = new ArrayList<>(documents.size());
        for (DocumentRef d : documents) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sha256", d.sha256());
            m.put("kind", d.kind().name());
            m.put("fileName", d.fileName());
            m.put("mediaType", d.mediaType());
            m.put("size", d.size());
            out.add(m);
        }
        return out;
    }

    static List<DocumentRef> documents(JsonIn in) {
        List<DocumentRef> out = new ArrayList<>();
        for (JsonIn d : in.objects("documents")) {
            out.add(new DocumentRef(d.string("sha256"), d.enumValue("kind", DocumentKind.class), d.string("fileName"),
                    d.string("mediaType"), d.longValue("size")));
        }
        return out;
    }

    static List<Object> parties(List<PartyCode> parties) {
        List<Object> out = new ArrayList<>(parties.size());
        parties.forEach(p -> out.add(p.value()));
        return out;
    }

    static List<PartyCode> parties(JsonIn in, String field) {
        List<PartyCode> out = new ArrayList<>();
        for (String s : in.strings(field, false)) {
            out.add(new PartyCode(s));
        }
        return out;
    }

    static Map<String, Object> financing(Financing f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().name());
        f.programme().ifPresent(p -> m.put("programme", p));
        f.agency().ifPresent(a -> m.put("agency", a));
        m.put("japanShareBasisPoints", (long) f.japanShareBasisPoints());
        return m;
    }

    static Financing financing(JsonIn in) {
        return new Financing(in.enumValue("kind", FinancingKind.class), in.optionalString("programme"),
                in.optionalString("agency"), in.intValue("japanShareBasisPoints"));
    }

    private static void idea(ProjectIdea idea, Map<String, Object> m) {
        m.put("title", idea.title());
        m.put("hostParties", parties(idea.hostParties()));
        m.put("methodologyId", idea.methodologyId().value());
        m.put("financing", financing(idea.financing()));
        m.put("documents", documents(idea.documents()));
    }

    private static ProjectIdea idea(JsonIn in) {
        return new ProjectIdea(in.string("title"), parties(in, "hostParties"), in.id("methodologyId", MethodologyId::new),
                financing(in.object("financing")), documents(in));
    }

    private static Map<String, Object> participants(Participants p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("representative", p.representative().value());
        List<Object> others = new ArrayList<>();
        p.others().forEach(o -> others.add(o.value()));
        m.put("others", others);
        p.proxy().ifPresent(x -> m.put("proxy", x.value()));
        return m;
    }

    private static Participants participants(JsonIn in) {
        List<OrganizationId> others = new ArrayList<>();
        for (String s : in.strings("others", false)) {
            others.add(OrganizationId.parse(s));
        }
        Optional<OrganizationId> proxy = in.optionalString("proxy").map(OrganizationId::parse);
        return new Participants(in.id("representative", OrganizationId::parse), others, proxy);
    }
}

package org.jcm.ledger.event;

import java.util.ArrayList;
import java.util.Optional;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ReviewVerdict;

/**
 * The JSON codecs of monitoring cycles, each event type's encoding beside its decoding; see
 * {@link EventCodec} for the conventions and {@link ApplicationCodecs} for documents.
 */
final class MonitoringCodecs {

    static final TypeCodec<MonitoringReportSubmitted> REPORT_SUBMITTED = new TypeCodec<>(MonitoringReportSubmitted.class,
            (e, m) -> {
                m.put("monitoringCycleId", e.monitoringCycleId().value());
                m.put("projectId", e.projectId().value());
                m.put("periodStart", e.periodStart().toString());
                m.put("periodEnd", e.periodEnd().toString());
                m.put("claimedQuantity", e.claimedQuantity());
                m.put("documents", ApplicationCodecs.documents(e.documents()));
            },
            (seq, at, actor, in) -> new MonitoringReportSubmitted(seq, at, actor, in.id("monitoringCycleId", MonitoringCycleId::new),
                    in.id("projectId", ProjectId::new), in.date("periodStart"), in.date("periodEnd"), in.longValue("claimedQuantity"),
                    ApplicationCodecs.documents(in)));

    static final TypeCodec<MonitoringReportReviewed> REPORT_REVIEWED = new TypeCodec<>(MonitoringReportReviewed.class,
            (e, m) -> {
                m.put("monitoringCycleId", e.monitoringCycleId().value());
                m.put("verdict", e.verdict().name());
                e.verifiedQuantity().ifPresent(q -> m.put("verifiedQuantity", q));
                m.put("reasons", new ArrayList<Object>(e.reasons()));
                m.put("documents", ApplicationCodecs.documents(e.documents()));
            },
            (seq, at, actor, in) -> new MonitoringReportReviewed(seq, at, actor, in.id("monitoringCycleId", MonitoringCycleId::new),
                    in.enumValue("verdict", ReviewVerdict.class),
                    in.has("verifiedQuantity") ? Optional.of(in.longValue("verifiedQuantity")) : Optional.empty(),
                    in.strings("reasons", false), ApplicationCodecs.documents(in)));

    private MonitoringCodecs() {
    }
}

package org.jcm.ledger.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.DecidedShare;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.Quantity;
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

    static final TypeCodec<IssuanceDecided> ISSUANCE_DECIDED = new TypeCodec<>(IssuanceDecided.class,
            (e, m) -> {
                m.put("monitoringCycleId", e.monitoringCycleId().value());
                m.put("verdict", e.verdict().name());
                m.put("decisionReference", e.decisionReference());
                List<Object> shares = new ArrayList<>();
                for (DecidedShare d : e.shares()) {
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("registryId", d.registryId().value());
                    sm.put("numberingHost", d.numberingHost().value());
                    sm.put("vintage", (long) d.vintage().year());
                    List<Object> allocations = new ArrayList<>();
                    for (Allocation a : d.allocations()) {
                        Map<String, Object> am = new LinkedHashMap<>();
                        am.put("accountId", a.accountId().value());
                        am.put("quantity", a.quantity().tonnes());
                        allocations.add(am);
                    }
                    sm.put("allocations", allocations);
                    shares.add(sm);
                }
                m.put("shares", shares);
                e.japanGovernmentAccount().ifPresent(a -> m.put("japanGovernmentAccount", a.value()));
                m.put("reasons", new ArrayList<Object>(e.reasons()));
                m.put("documents", ApplicationCodecs.documents(e.documents()));
            },
            (seq, at, actor, in) -> {
                List<DecidedShare> shares = new ArrayList<>();
                for (JsonIn sm : in.objects("shares")) {
                    List<Allocation> allocations = new ArrayList<>();
                    for (JsonIn am : sm.objects("allocations")) {
                        allocations.add(new Allocation(am.id("accountId", AccountId::new), Quantity.of(am.longValue("quantity"))));
                    }
                    shares.add(new DecidedShare(sm.id("registryId", RegistryId::new), sm.id("numberingHost", PartyCode::new),
                            Vintage.of(sm.intValue("vintage")), allocations));
                }
                return new IssuanceDecided(seq, at, actor, in.id("monitoringCycleId", MonitoringCycleId::new),
                        in.enumValue("verdict", ReviewVerdict.class), in.string("decisionReference"), shares,
                        in.optionalString("japanGovernmentAccount").map(AccountId::new), in.strings("reasons", false),
                        ApplicationCodecs.documents(in));
            });

    private MonitoringCodecs() {
    }
}

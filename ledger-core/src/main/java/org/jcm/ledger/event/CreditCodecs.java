package org.jcm.ledger.event;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.command.Trade;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;

/**
 * The JSON codecs of the credit events (issuance requests, issuances, transfers, cancellations,
 * retirements), each event type's encoding beside its decoding; see {@link EventCodec} for the
 * conventions and the dispatch.
 */
final class CreditCodecs {

    static final TypeCodec<IssuanceRequested> ISSUANCE_REQUESTED = new TypeCodec<>(IssuanceRequested.class,
            (e, m) -> {
                m.put("issuanceRequestId", e.issuanceRequestId().value());
                m.put("projectId", e.projectId().value());
                m.put("organizationId", e.organizationId().value());
                m.put("monitoringPeriodStart", e.monitoringPeriodStart().toString());
                m.put("monitoringPeriodEnd", e.monitoringPeriodEnd().toString());
                m.put("verifiedQuantity", e.verifiedQuantity());
                m.put("verificationReference", e.verificationReference());
                e.monitoringCycleId().ifPresent(c -> m.put("monitoringCycleId", c.value()));
            },
            (seq, at, actor, in) -> {
                return new IssuanceRequested(seq, at, actor, in.id("issuanceRequestId", IssuanceRequestId::new),
                        in.id("projectId", ProjectId::new), in.id("organizationId", OrganizationId::new),
                        in.date("monitoringPeriodStart"), in.date("monitoringPeriodEnd"), in.longValue("verifiedQuantity"),
                        in.string("verificationReference"),
                        in.optionalString("monitoringCycleId").map(org.jcm.ledger.id.MonitoringCycleId::new));
            });

    static final TypeCodec<CreditsIssued> CREDITS_ISSUED = new TypeCodec<>(CreditsIssued.class,
            (e, m) -> {
                m.put("issuanceId", e.issuanceId().value());
                m.put("projectId", e.projectId().value());
                m.put("hostParty", e.hostParty().value());
                m.put("vintage", (long) e.vintage().year());
                m.put("monitoringPeriodStart", e.monitoringPeriodStart().toString());
                m.put("monitoringPeriodEnd", e.monitoringPeriodEnd().toString());
                m.put("totalQuantity", e.totalQuantity());
                List<Object> allocations = new ArrayList<>();
                for (IssuedAllocation a : e.allocations()) {
                    Map<String, Object> am = new LinkedHashMap<>();
                    am.put("accountId", a.accountId().value());
                    am.put("issuingRegistryId", a.issuingRegistryId().value());
                    am.put("first", a.first());
                    am.put("last", a.last());
                    allocations.add(am);
                }
                m.put("allocations", allocations);
                e.issuanceRequestId().ifPresent(x -> m.put("issuanceRequestId", x.value()));
            },
            (seq, at, actor, in) -> {
                List<IssuedAllocation> allocations = new ArrayList<>();
                for (JsonIn am : in.objects("allocations")) {
                    allocations.add(new IssuedAllocation(am.id("accountId", AccountId::new),
                            am.id("issuingRegistryId", RegistryId::new), am.longValue("first"), am.longValue("last")));
                }
                return new CreditsIssued(seq, at, actor, in.id("issuanceId", IssuanceId::new), in.id("projectId", ProjectId::new),
                        in.id("hostParty", PartyCode::new), Vintage.of(in.intValue("vintage")), in.date("monitoringPeriodStart"),
                        in.date("monitoringPeriodEnd"), in.longValue("totalQuantity"), allocations,
                        in.optionalString("issuanceRequestId").map(IssuanceRequestId::new));
            });

    static final TypeCodec<CreditsTransferred> CREDITS_TRANSFERRED = new TypeCodec<>(CreditsTransferred.class,
            (e, m) -> {
                m.put("fromAccountId", e.fromAccountId().value());
                m.put("toAccountId", e.toAccountId().value());
                m.put("quantity", e.quantity());
                m.put("ranges", RangeJson.toJson(e.ranges()));
                e.trade().ifPresent(t -> putTrade(m, t));
                e.memo().ifPresent(x -> m.put("memo", x));
            },
            (seq, at, actor, in) -> {
                return new CreditsTransferred(seq, at, actor, in.id("fromAccountId", AccountId::new),
                        in.id("toAccountId", AccountId::new), in.longValue("quantity"), RangeJson.rangesOf(in),
                        tradeOf(in), in.optionalString("memo"));
            });

    /** Writes a transfer's trade as the object {@code trade}: its price a plain decimal string with its scale. */
    static void putTrade(Map<String, Object> m, Trade t) {
        Map<String, Object> trade = new LinkedHashMap<>();
        trade.put("tradeId", t.tradeId());
        trade.put("venue", t.venue());
        trade.put("pricePerTonne", t.pricePerTonne().toPlainString());
        trade.put("currency", t.currency());
        m.put("trade", trade);
    }

    /** The optional object {@code trade}, as {@link #putTrade} writes it. */
    static Optional<Trade> tradeOf(JsonIn in) {
        return in.optionalObject("trade").map(t -> new Trade(t.string("tradeId"), t.string("venue"),
                new BigDecimal(t.string("pricePerTonne")), t.string("currency")));
    }

    static final TypeCodec<CreditsCancelled> CREDITS_CANCELLED = new TypeCodec<>(CreditsCancelled.class,
            (e, m) -> {
                m.put("fromAccountId", e.fromAccountId().value());
                m.put("toAccountId", e.toAccountId().value());
                m.put("quantity", e.quantity());
                m.put("ranges", RangeJson.toJson(e.ranges()));
                m.put("reason", e.reason().name());
                e.note().ifPresent(x -> m.put("note", x));
            },
            (seq, at, actor, in) -> {
                return new CreditsCancelled(seq, at, actor, in.id("fromAccountId", AccountId::new),
                        in.id("toAccountId", AccountId::new), in.longValue("quantity"), RangeJson.rangesOf(in),
                        in.enumValue("reason", CancellationReason.class), in.optionalString("note"));
            });

    static final TypeCodec<CreditsRetired> CREDITS_RETIRED = new TypeCodec<>(CreditsRetired.class,
            (e, m) -> {
                m.put("fromAccountId", e.fromAccountId().value());
                m.put("toAccountId", e.toAccountId().value());
                m.put("quantity", e.quantity());
                m.put("ranges", RangeJson.toJson(e.ranges()));
                m.put("purpose", e.purpose().name());
                e.beneficiary().ifPresent(x -> encodeBeneficiary(x, m));
                e.usingParty().ifPresent(x -> m.put("usingParty", x.value()));
                e.yearOfUse().ifPresent(x -> m.put("yearOfUse", (long) x.getValue()));
                e.note().ifPresent(x -> m.put("note", x));
            },
            (seq, at, actor, in) -> {
                return new CreditsRetired(seq, at, actor, in.id("fromAccountId", AccountId::new),
                        in.id("toAccountId", AccountId::new), in.longValue("quantity"), RangeJson.rangesOf(in),
                        in.enumValue("purpose", RetirementPurpose.class), beneficiary(in),
                        in.optionalString("usingParty").map(PartyCode::new),
                        in.has("yearOfUse") ? Optional.of(Year.of(in.intValue("yearOfUse"))) : Optional.empty(),
                        in.optionalString("note"));
            });

    /**
     * A stated name keeps the member {@code beneficiary} that every retirement before organizations
     * could be named used, so those events re-encode to the same canonical bytes (and hashes); an
     * organization is the new member {@code beneficiaryOrganizationId}.
     */
    private static void encodeBeneficiary(Beneficiary b, Map<String, Object> m) {
        if (b instanceof Beneficiary.Organization o) {
            m.put("beneficiaryOrganizationId", o.organizationId().value());
        } else if (b instanceof Beneficiary.Stated s) {
            m.put("beneficiary", s.name());
        }
    }

    private static Optional<Beneficiary> beneficiary(JsonIn in) {
        Optional<String> stated = in.optionalString("beneficiary");
        Optional<String> organization = in.optionalString("beneficiaryOrganizationId");
        if (stated.isPresent() && organization.isPresent()) {
            throw new EventFormatException("a retirement names either beneficiary or beneficiaryOrganizationId, not both");
        }
        if (organization.isPresent()) {
            return Optional.of(new Beneficiary.Organization(new OrganizationId(organization.get())));
        }
        return stated.map(Beneficiary.Stated::new);
    }

    private CreditCodecs() {
    }
}

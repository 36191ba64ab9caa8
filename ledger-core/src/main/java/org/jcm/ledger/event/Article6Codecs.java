package org.jcm.ledger.event;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.FirstTransferTrigger;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.Quantity;

/**
 * The JSON codecs of the Article 6.2 events (authorizations, amendments, revocations, first
 * transfers, corresponding adjustments), each event type's encoding beside its decoding; see
 * {@link EventCodec} for the conventions and the dispatch.
 */
final class Article6Codecs {

    static final TypeCodec<UnitsAuthorized> UNITS_AUTHORIZED = new TypeCodec<>(UnitsAuthorized.class,
            (e, m) -> {
                m.put("authorizationId", e.authorizationId().value());
                m.put("version", (long) e.version());
                m.put("party", e.party().value());
                m.put("cooperativeApproachId", e.cooperativeApproachId().value());
                m.put("purpose", e.purpose().name());
                e.oimp().ifPresent(x -> m.put("oimp", x));
                e.firstTransferDefinition().ifPresent(x -> m.put("firstTransferDefinition", x.name()));
                terms(e.terms(), m);
                e.issuanceId().ifPresent(x -> m.put("issuanceId", x.value()));
                m.put("ranges", RangeJson.toJson(e.ranges()));
            },
            (seq, at, actor, in) -> {
                if (in.longValue("version") != 1) {
                    throw new EventFormatException("UnitsAuthorized must be version 1");
                }
                return new UnitsAuthorized(seq, at, actor, in.id("authorizationId", AuthorizationId::new),
                        in.id("party", PartyCode::new), in.id("cooperativeApproachId", CooperativeApproachId::new),
                        in.enumValue("purpose", AuthorizationPurpose.class), in.optionalString("oimp"),
                        in.optionalString("firstTransferDefinition").map(OimpFirstTransfer::valueOf), terms(in),
                        in.optionalString("issuanceId").map(IssuanceId::new), RangeJson.rangesOf(in));
            });

    static final TypeCodec<AuthorizationAmended> AUTHORIZATION_AMENDED = new TypeCodec<>(AuthorizationAmended.class,
            (e, m) -> {
                m.put("authorizationId", e.authorizationId().value());
                m.put("version", (long) e.version());
                terms(e.terms(), m);
                e.issuanceId().ifPresent(x -> m.put("issuanceId", x.value()));
                m.put("ranges", RangeJson.toJson(e.ranges()));
                e.reason().ifPresent(x -> m.put("reason", x));
            },
            (seq, at, actor, in) -> {
                return new AuthorizationAmended(seq, at, actor, in.id("authorizationId", AuthorizationId::new),
                        in.intValue("version"), terms(in), in.optionalString("issuanceId").map(IssuanceId::new), RangeJson.rangesOf(in),
                        in.optionalString("reason"));
            });

    static final TypeCodec<AuthorizationRevoked> AUTHORIZATION_REVOKED = new TypeCodec<>(AuthorizationRevoked.class,
            (e, m) -> {
                m.put("authorizationId", e.authorizationId().value());
                m.put("ranges", RangeJson.toJson(e.ranges()));
                e.reason().ifPresent(x -> m.put("reason", x));
            },
            (seq, at, actor, in) -> {
                return new AuthorizationRevoked(seq, at, actor, in.id("authorizationId", AuthorizationId::new), RangeJson.rangesOf(in),
                        in.optionalString("reason"));
            });

    static final TypeCodec<FirstTransferRecorded> FIRST_TRANSFER_RECORDED = new TypeCodec<>(FirstTransferRecorded.class,
            (e, m) -> {
                m.put("authorizationId", e.authorizationId().value());
                m.put("trigger", e.trigger().name());
                m.put("causeSeq", e.causeSeq());
                m.put("transferringParty", e.transferringParty().value());
                e.acquiringParty().ifPresent(x -> m.put("acquiringParty", x.value()));
                m.put("quantity", e.quantity());
                m.put("ranges", RangeJson.toJson(e.ranges()));
            },
            (seq, at, actor, in) -> {
                return new FirstTransferRecorded(seq, at, actor, in.id("authorizationId", AuthorizationId::new),
                        in.enumValue("trigger", FirstTransferTrigger.class), in.longValue("causeSeq"),
                        in.id("transferringParty", PartyCode::new), in.optionalString("acquiringParty").map(PartyCode::new),
                        RangeJson.rangesOf(in));
            });

    static final TypeCodec<CorrespondingAdjustmentApplied> CORRESPONDING_ADJUSTMENT_APPLIED = new TypeCodec<>(CorrespondingAdjustmentApplied.class,
            (e, m) -> {
                m.put("party", e.party().value());
                m.put("year", (long) e.year().getValue());
                m.put("method", e.method().name());
                List<Object> seqs = new ArrayList<>(e.firstTransferSeqs());
                m.put("firstTransferSeqs", seqs);
                m.put("ranges", RangeJson.toJson(e.ranges()));
            },
            (seq, at, actor, in) -> {
                List<Long> seqs = new ArrayList<>();
                for (Object o : in.list("firstTransferSeqs")) {
                    seqs.add(JsonIn.integral(o, "firstTransferSeqs"));
                }
                return new CorrespondingAdjustmentApplied(seq, at, actor, in.id("party", PartyCode::new),
                        Year.of(in.intValue("year")), in.enumValue("method", CaMethod.class), seqs, RangeJson.rangesOf(in));
            });

    private Article6Codecs() {
    }

    private static void terms(AuthorizationTerms t, Map<String, Object> m) {
        t.authorizedQuantity().ifPresent(q -> m.put("authorizedQuantity", q.tonnes()));
        List<Object> vintages = new ArrayList<>();
        t.vintages().forEach(v -> vintages.add((long) v.year()));
        m.put("vintages", vintages);
        m.put("authorizedEntities", new ArrayList<Object>(t.authorizedEntities()));
    }

    private static AuthorizationTerms terms(JsonIn in) {
        List<Vintage> vintages = new ArrayList<>();
        for (Object o : in.list("vintages")) {
            vintages.add(Vintage.of(Math.toIntExact(JsonIn.integral(o, in.path() + ".vintages"))));
        }
        List<String> entities = new ArrayList<>();
        for (Object o : in.list("authorizedEntities")) {
            entities.add(JsonIn.str(o, in.path() + ".authorizedEntities"));
        }
        return new AuthorizationTerms(in.has("authorizedQuantity") ? Optional.of(Quantity.of(in.longValue("authorizedQuantity")))
                : Optional.empty(), vintages, entities);
    }
}

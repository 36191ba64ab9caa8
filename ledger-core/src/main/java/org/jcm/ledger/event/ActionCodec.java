package org.jcm.ledger.event;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.AmendAuthorization;
import org.jcm.ledger.command.ApplyCorrespondingAdjustment;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.command.UnfreezeAccount;
import org.jcm.ledger.command.UnitFilter;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;

/**
 * The JSON form of a proposed four-eyes action, as recorded in {@code ProposalMade.action}: the
 * command's fields by name, plus {@code type} (the command record's simple name, e.g.
 * {@code IssueCredits}). Same conventions as {@link EventCodec}: absent optionals are omitted,
 * dates are ISO 8601 strings, quantities, vintages and years integers, serial ranges block serial
 * strings ({@code JCM-MN001-2024-1-600}). Encoding (a visitor, so a new action does not compile
 * until it has one) and decoding live side by side; {@link #fromJson} of {@link #toJson} gives the
 * same action back. Replay decodes the action of every proposal, so its form never changes.
 */
public final class ActionCodec {

    private ActionCodec() {
    }

    /** The action as a JSON value tree (insertion-ordered maps, lists, strings, longs). */
    public static Map<String, Object> toJson(ProposableAction action) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", action.getClass().getSimpleName());
        action.acceptAction(new Encoder(m));
        return m;
    }

    /** The action a JSON value tree describes; malformed trees throw {@link EventFormatException}. */
    public static ProposableAction fromJson(Map<String, Object> json) {
        try {
            return decode(new JsonIn(json, null, "action", -1));
        } catch (EventFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EventFormatException("malformed action: " + e.getMessage(), e);
        }
    }

    static ProposableAction decode(JsonIn in) {
        String type = in.string("type");
        switch (type) {
            case "IssueCredits":
                return issue(in);
            case "FreezeAccount":
                return new FreezeAccount(in.id("accountId", AccountId::new), in.optionalString("reason"));
            case "UnfreezeAccount":
                return new UnfreezeAccount(in.id("accountId", AccountId::new), in.optionalString("reason"));
            case "CancelCredits":
                return cancel(in);
            case "AuthorizeUnits":
                return authorize(in);
            case "AmendAuthorization":
                return amend(in);
            case "RevokeAuthorization":
                return new RevokeAuthorization(in.id("authorizationId", AuthorizationId::new), in.optionalString("reason"));
            case "ApplyCorrespondingAdjustment":
                return adjust(in);
            default:
                throw new EventFormatException(in.path() + ".type '" + type + "' is not an action that can be proposed");
        }
    }

    // ------------------------------------------------------------------ decoding

    private static IssueCredits issue(JsonIn in) {
        List<Allocation> allocations = new ArrayList<>();
        for (JsonIn a : in.objects("allocations")) {
            allocations.add(new Allocation(a.id("accountId", AccountId::new), Quantity.of(a.longValue("quantity"))));
        }
        return new IssueCredits(in.id("issuanceId", IssuanceId::new), in.id("projectId", ProjectId::new),
                in.date("monitoringPeriodStart"), in.date("monitoringPeriodEnd"), Vintage.of(in.intValue("vintage")),
                Quantity.of(in.longValue("totalQuantity")), allocations, in.id("issuanceRequestId", IssuanceRequestId::new));
    }

    private static CancelCredits cancel(JsonIn in) {
        Optional<UnitFilter> filter = in.optionalObject("filter").map(f -> new UnitFilter(
                f.optionalString("projectId").map(ProjectId::new),
                f.has("vintage") ? Optional.of(Vintage.of(f.intValue("vintage"))) : Optional.empty(),
                f.optionalString("label").map(Label::valueOf)));
        return new CancelCredits(in.id("fromAccountId", AccountId::new), Quantity.of(in.longValue("quantity")),
                serials(in, "serialRanges"), filter, in.enumValue("reason", CancellationReason.class), in.optionalString("note"));
    }

    private static AuthorizeUnits authorize(JsonIn in) {
        return new AuthorizeUnits(in.id("authorizationId", AuthorizationId::new), in.id("party", PartyCode::new),
                in.id("cooperativeApproachId", CooperativeApproachId::new), in.enumValue("purpose", AuthorizationPurpose.class),
                in.optionalString("oimp"), in.optionalString("firstTransferDefinition").map(OimpFirstTransfer::valueOf),
                quantity(in, "authorizedQuantity"), vintages(in, "vintages"), strings(in, "authorizedEntities"),
                in.optionalString("issuanceId").map(IssuanceId::new), serials(in, "serialRanges"));
    }

    private static AmendAuthorization amend(JsonIn in) {
        return new AmendAuthorization(in.id("authorizationId", AuthorizationId::new), quantity(in, "authorizedQuantity"),
                in.has("vintages") ? Optional.of(vintages(in, "vintages")) : Optional.empty(),
                in.has("authorizedEntities") ? Optional.of(strings(in, "authorizedEntities")) : Optional.empty(),
                in.optionalString("issuanceId").map(IssuanceId::new), serials(in, "serialRanges"), in.optionalString("reason"));
    }

    private static ApplyCorrespondingAdjustment adjust(JsonIn in) {
        List<?> list = in.list("firstTransferSeqs");
        List<Long> seqs = new ArrayList<>(list.size());
        for (Object o : list) {
            seqs.add(JsonIn.integral(o, in.path() + ".firstTransferSeqs"));
        }
        return new ApplyCorrespondingAdjustment(in.id("party", PartyCode::new), Year.of(in.intValue("year")),
                in.enumValue("method", CaMethod.class), serials(in, "serialRanges"), seqs);
    }

    private static Optional<Quantity> quantity(JsonIn in, String field) {
        return in.has(field) ? Optional.of(Quantity.of(in.longValue(field))) : Optional.empty();
    }

    private static List<BlockSerial> serials(JsonIn in, String field) {
        List<BlockSerial> out = new ArrayList<>();
        for (Object o : in.list(field)) {
            out.add(BlockSerial.parse(JsonIn.str(o, in.path() + "." + field)));
        }
        return out;
    }

    private static List<Vintage> vintages(JsonIn in, String field) {
        List<Vintage> out = new ArrayList<>();
        for (Object o : in.list(field)) {
            out.add(Vintage.of(Math.toIntExact(JsonIn.integral(o, in.path() + "." + field))));
        }
        return out;
    }

    private static List<String> strings(JsonIn in, String field) {
        List<String> out = new ArrayList<>();
        for (Object o : in.list(field)) {
            out.add(JsonIn.str(o, in.path() + "." + field));
        }
        return out;
    }

    // ------------------------------------------------------------------ encoding

    /** Writes one action's fields into {@code m}. */
    private static final class Encoder implements ProposableAction.Visitor<Void> {
        private final Map<String, Object> m;

        Encoder(Map<String, Object> m) {
            this.m = m;
        }

        @Override
        public Void visitIssueCredits(IssueCredits a) {
            m.put("issuanceId", a.issuanceId().value());
            m.put("projectId", a.projectId().value());
            m.put("monitoringPeriodStart", a.monitoringPeriodStart().toString());
            m.put("monitoringPeriodEnd", a.monitoringPeriodEnd().toString());
            m.put("vintage", (long) a.vintage().year());
            m.put("totalQuantity", a.totalQuantity().tonnes());
            List<Object> allocations = new ArrayList<>();
            for (Allocation al : a.allocations()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("accountId", al.accountId().value());
                x.put("quantity", al.quantity().tonnes());
                allocations.add(x);
            }
            m.put("allocations", allocations);
            m.put("issuanceRequestId", a.issuanceRequestId().value());
            return null;
        }

        @Override
        public Void visitFreezeAccount(FreezeAccount a) {
            m.put("accountId", a.accountId().value());
            a.reason().ifPresent(r -> m.put("reason", r));
            return null;
        }

        @Override
        public Void visitUnfreezeAccount(UnfreezeAccount a) {
            m.put("accountId", a.accountId().value());
            a.reason().ifPresent(r -> m.put("reason", r));
            return null;
        }

        @Override
        public Void visitCancelCredits(CancelCredits a) {
            m.put("fromAccountId", a.fromAccountId().value());
            m.put("quantity", a.quantity().tonnes());
            m.put("serialRanges", serials(a.serialRanges()));
            a.filter().ifPresent(f -> {
                Map<String, Object> x = new LinkedHashMap<>();
                f.projectId().ifPresent(p -> x.put("projectId", p.value()));
                f.vintage().ifPresent(v -> x.put("vintage", (long) v.year()));
                f.label().ifPresent(l -> x.put("label", l.name()));
                m.put("filter", x);
            });
            m.put("reason", a.reason().name());
            a.note().ifPresent(n -> m.put("note", n));
            return null;
        }

        @Override
        public Void visitAuthorizeUnits(AuthorizeUnits a) {
            m.put("authorizationId", a.authorizationId().value());
            m.put("party", a.party().value());
            m.put("cooperativeApproachId", a.cooperativeApproachId().value());
            m.put("purpose", a.purpose().name());
            a.oimp().ifPresent(o -> m.put("oimp", o));
            a.firstTransferDefinition().ifPresent(d -> m.put("firstTransferDefinition", d.name()));
            a.authorizedQuantity().ifPresent(q -> m.put("authorizedQuantity", q.tonnes()));
            m.put("vintages", vintages(a.vintages()));
            m.put("authorizedEntities", new ArrayList<Object>(a.authorizedEntities()));
            a.issuanceId().ifPresent(i -> m.put("issuanceId", i.value()));
            m.put("serialRanges", serials(a.serialRanges()));
            return null;
        }

        @Override
        public Void visitAmendAuthorization(AmendAuthorization a) {
            m.put("authorizationId", a.authorizationId().value());
            a.authorizedQuantity().ifPresent(q -> m.put("authorizedQuantity", q.tonnes()));
            a.vintages().ifPresent(v -> m.put("vintages", vintages(v)));
            a.authorizedEntities().ifPresent(e -> m.put("authorizedEntities", new ArrayList<Object>(e)));
            a.issuanceId().ifPresent(i -> m.put("issuanceId", i.value()));
            m.put("serialRanges", serials(a.serialRanges()));
            a.reason().ifPresent(r -> m.put("reason", r));
            return null;
        }

        @Override
        public Void visitRevokeAuthorization(RevokeAuthorization a) {
            m.put("authorizationId", a.authorizationId().value());
            a.reason().ifPresent(r -> m.put("reason", r));
            return null;
        }

        @Override
        public Void visitApplyCorrespondingAdjustment(ApplyCorrespondingAdjustment a) {
            m.put("party", a.party().value());
            m.put("year", (long) a.year().getValue());
            m.put("method", a.method().name());
            m.put("serialRanges", serials(a.serialRanges()));
            m.put("firstTransferSeqs", new ArrayList<Object>(a.firstTransferSeqs()));
            return null;
        }

        private static List<Object> serials(List<BlockSerial> serials) {
            List<Object> out = new ArrayList<>(serials.size());
            for (BlockSerial s : serials) {
                out.add(s.format());
            }
            return out;
        }

        private static List<Object> vintages(List<Vintage> vintages) {
            List<Object> out = new ArrayList<>(vintages.size());
            for (Vintage v : vintages) {
                out.add((long) v.year());
            }
            return out;
        }
    }
}

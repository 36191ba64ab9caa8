package org.jcm.ledger.event;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PendingTransferId;

/**
 * The JSON codecs of the transfer controls (policies, trusted accounts, pending transfers), each
 * event type's encoding beside its decoding; see {@link EventCodec} for the conventions. Instants
 * ({@code effectiveAt}, {@code expiresAt}, {@code executeAt}) are written like {@code at}; delays
 * as ISO 8601 durations ({@code PT26H}).
 */
final class TransferControlCodecs {

    static final TypeCodec<TransferPolicySet> TRANSFER_POLICY_SET = new TypeCodec<>(TransferPolicySet.class,
            (e, m) -> {
                m.put("organizationId", e.organizationId().value());
                e.approvalThreshold().ifPresent(x -> m.put("approvalThreshold", x));
                m.put("untrustedNeedsApproval", e.untrustedNeedsApproval());
                m.put("untrustedDelay", e.untrustedDelay().toString());
            },
            (seq, at, actor, in) -> new TransferPolicySet(seq, at, actor, in.id("organizationId", OrganizationId::new),
                    in.has("approvalThreshold") ? Optional.of(in.longValue("approvalThreshold")) : Optional.empty(),
                    in.bool("untrustedNeedsApproval"), duration(in, "untrustedDelay")));

    static final TypeCodec<TrustedAccountAdded> TRUSTED_ACCOUNT_ADDED = new TypeCodec<>(TrustedAccountAdded.class,
            (e, m) -> {
                m.put("organizationId", e.organizationId().value());
                m.put("accountId", e.accountId().value());
                m.put("effectiveAt", EventCodec.formatTime(e.effectiveAt()));
            },
            (seq, at, actor, in) -> new TrustedAccountAdded(seq, at, actor, in.id("organizationId", OrganizationId::new),
                    in.id("accountId", AccountId::new), time(in, "effectiveAt")));

    static final TypeCodec<TrustedAccountRemoved> TRUSTED_ACCOUNT_REMOVED = new TypeCodec<>(TrustedAccountRemoved.class,
            (e, m) -> {
                m.put("organizationId", e.organizationId().value());
                m.put("accountId", e.accountId().value());
            },
            (seq, at, actor, in) -> new TrustedAccountRemoved(seq, at, actor, in.id("organizationId", OrganizationId::new),
                    in.id("accountId", AccountId::new)));

    static final TypeCodec<TransferPended> TRANSFER_PENDED = new TypeCodec<>(TransferPended.class,
            (e, m) -> {
                m.put("pendingTransferId", e.pendingTransferId().value());
                m.put("organizationId", e.organizationId().value());
                m.put("fromAccountId", e.fromAccountId().value());
                m.put("toAccountId", e.toAccountId().value());
                m.put("quantity", e.quantity());
                m.put("ranges", RangeJson.toJson(e.ranges()));
                e.trade().ifPresent(t -> CreditCodecs.putTrade(m, t));
                e.memo().ifPresent(x -> m.put("memo", x));
                m.put("destinationTrusted", e.destinationTrusted());
                m.put("approvalRequired", e.approvalRequired());
                m.put("delay", e.delay().toString());
                e.expiresAt().ifPresent(x -> m.put("expiresAt", EventCodec.formatTime(x)));
                e.executeAt().ifPresent(x -> m.put("executeAt", EventCodec.formatTime(x)));
            },
            (seq, at, actor, in) -> new TransferPended(seq, at, actor, in.id("pendingTransferId", PendingTransferId::new),
                    in.id("organizationId", OrganizationId::new), in.id("fromAccountId", AccountId::new),
                    in.id("toAccountId", AccountId::new), in.longValue("quantity"), RangeJson.rangesOf(in),
                    CreditCodecs.tradeOf(in), in.optionalString("memo"), in.bool("destinationTrusted"),
                    in.bool("approvalRequired"), duration(in, "delay"), optionalTime(in, "expiresAt"),
                    optionalTime(in, "executeAt")));

    static final TypeCodec<PendingTransferApproved> PENDING_TRANSFER_APPROVED = new TypeCodec<>(PendingTransferApproved.class,
            (e, m) -> {
                m.put("pendingTransferId", e.pendingTransferId().value());
                m.put("executeAt", EventCodec.formatTime(e.executeAt()));
            },
            (seq, at, actor, in) -> new PendingTransferApproved(seq, at, actor,
                    in.id("pendingTransferId", PendingTransferId::new), time(in, "executeAt")));

    static final TypeCodec<PendingTransferExecuted> PENDING_TRANSFER_EXECUTED = new TypeCodec<>(PendingTransferExecuted.class,
            (e, m) -> {
                m.put("pendingTransferId", e.pendingTransferId().value());
                m.put("fromAccountId", e.fromAccountId().value());
                m.put("toAccountId", e.toAccountId().value());
                m.put("quantity", e.quantity());
                m.put("ranges", RangeJson.toJson(e.ranges()));
                e.trade().ifPresent(t -> CreditCodecs.putTrade(m, t));
                e.memo().ifPresent(x -> m.put("memo", x));
            },
            (seq, at, actor, in) -> new PendingTransferExecuted(seq, at, actor,
                    in.id("pendingTransferId", PendingTransferId::new), in.id("fromAccountId", AccountId::new),
                    in.id("toAccountId", AccountId::new), in.longValue("quantity"), RangeJson.rangesOf(in),
                    CreditCodecs.tradeOf(in), in.optionalString("memo")));

    static final TypeCodec<PendingTransferCancelled> PENDING_TRANSFER_CANCELLED = new TypeCodec<>(PendingTransferCancelled.class,
            (e, m) -> {
                m.put("pendingTransferId", e.pendingTransferId().value());
                m.put("reason", e.reason());
            },
            (seq, at, actor, in) -> new PendingTransferCancelled(seq, at, actor,
                    in.id("pendingTransferId", PendingTransferId::new), in.string("reason")));

    static final TypeCodec<PendingTransferExpired> PENDING_TRANSFER_EXPIRED = new TypeCodec<>(PendingTransferExpired.class,
            (e, m) -> m.put("pendingTransferId", e.pendingTransferId().value()),
            (seq, at, actor, in) -> new PendingTransferExpired(seq, at, actor,
                    in.id("pendingTransferId", PendingTransferId::new)));

    private TransferControlCodecs() {
    }

    private static Instant time(JsonIn in, String field) {
        return EventCodec.parseTime(in.string(field));
    }

    private static Optional<Instant> optionalTime(JsonIn in, String field) {
        return in.has(field) ? Optional.of(time(in, field)) : Optional.empty();
    }

    private static Duration duration(JsonIn in, String field) {
        String text = in.string(field);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new EventFormatException(in.path() + "." + field + ": '" + text + "' is not an ISO 8601 duration", e);
        }
    }
}

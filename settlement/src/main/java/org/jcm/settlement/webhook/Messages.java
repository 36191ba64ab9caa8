package org.jcm.settlement.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jcm.ledger.canonical.Json;
import org.jcm.settlement.apply.LedgerNotice;
import org.jcm.settlement.apply.TransferNotice;
import org.jcm.settlement.trade.RegisteredTrade;
import org.jcm.settlement.trade.TradeStatus;

/**
 * Turns what the consumer applied into webhook messages: a transfer into {@code transfer.outgoing}
 * for the sending account's organization and {@code transfer.incoming} for the receiving one's
 * (pending transfers and project-cycle changes: {@link NoticeMessages}); a trade's new status into {@code trade.settled}, {@code trade.mismatched} or {@code trade.failed} for
 * its venue. Bodies follow the Standard Webhooks envelope {@code {"type","timestamp","data"}}.
 * Message ids are derived from the event, so that the same event always has the same id.
 */
public final class Messages {

    private Messages() {
    }

    /**
     * The messages of a batch's transfers and trade changes for the owners that have endpoints,
     * transfers first, each in ledger order. Only those owners' messages are made at all, so that a
     * batch nobody listens to costs nothing.
     */
    public static List<WebhookMessage> of(List<LedgerNotice> notices, List<RegisteredTrade> trades,
                                          Set<Owner> subscribers) {
        List<WebhookMessage> messages = new ArrayList<>();
        for (LedgerNotice notice : notices) {
            if (notice instanceof TransferNotice transfer) {
                if (subscribers.contains(organization(transfer.fromOrganization()))) {
                    messages.add(transfer(transfer, EventType.TRANSFER_OUTGOING));
                }
                if (subscribers.contains(organization(transfer.toOrganization()))) {
                    messages.add(transfer(transfer, EventType.TRANSFER_INCOMING));
                }
            } else {
                NoticeMessages.add(notice, subscribers, messages);
            }
        }
        messages.addAll(trades(trades, subscribers));
        return messages;
    }

    /** The messages of trades whose status changed to a decided one, for the venues that have endpoints. */
    public static List<WebhookMessage> trades(List<RegisteredTrade> trades, Set<Owner> subscribers) {
        List<WebhookMessage> messages = new ArrayList<>();
        for (RegisteredTrade trade : trades) {
            EventType type = typeOf(trade.status());
            if (type != null && subscribers.contains(new Owner(OwnerKind.VENUE, trade.key().venue()))) {
                messages.add(trade(trade, type));
            }
        }
        return messages;
    }

    static Owner organization(String id) {
        return id == null ? null : new Owner(OwnerKind.ORGANIZATION, id);
    }

    private static EventType typeOf(TradeStatus status) {
        if (status == TradeStatus.SETTLED) {
            return EventType.TRADE_SETTLED;
        }
        if (status == TradeStatus.MISMATCHED) {
            return EventType.TRADE_MISMATCHED;
        }
        if (status == TradeStatus.FAILED) {
            return EventType.TRADE_FAILED;
        }
        return null;
    }

    private static WebhookMessage transfer(TransferNotice t, EventType type) {
        boolean outgoing = type == EventType.TRANSFER_OUTGOING;
        String organization = outgoing ? t.fromOrganization() : t.toOrganization();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("seq", t.seq());
        data.put("at", t.at().toString());
        data.put("organizationId", organization);
        data.put("accountId", outgoing ? t.fromAccountId() : t.toAccountId());
        data.put("counterpartyAccountId", outgoing ? t.toAccountId() : t.fromAccountId());
        data.put("fromAccountId", t.fromAccountId());
        data.put("toAccountId", t.toAccountId());
        data.put("quantity", t.quantity());
        List<Map<String, Object>> instruments = new ArrayList<>();
        for (TransferNotice.InstrumentTonnes tonnes : t.instruments()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("instrument", tonnes.instrument());
            item.put("quantity", tonnes.quantity());
            instruments.add(item);
        }
        data.put("instruments", instruments);
        if (t.venue() != null) {
            data.put("trade", Map.of("venue", t.venue(), "tradeId", t.tradeId()));
        }
        String id = "ledger-" + t.seq() + "-" + (outgoing ? "out" : "in");
        return new WebhookMessage(new Owner(OwnerKind.ORGANIZATION, organization), type, id, t.seq(), t.at(),
                body(type, t.at(), data));
    }

    private static WebhookMessage trade(RegisteredTrade trade, EventType type) {
        Instant at = trade.statusAt() == null ? trade.deliverBy() : trade.statusAt();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("venue", trade.key().venue());
        data.put("tradeId", trade.key().tradeId());
        data.put("status", trade.status().name());
        data.put("ledgerSeq", trade.statusSeq() == 0 ? null : trade.statusSeq());
        data.put("statusAt", at.toString());
        data.put("sellerAccountId", trade.sellerAccountId());
        data.put("buyerAccountId", trade.buyerAccountId());
        data.put("instrument", trade.instrument().code());
        data.put("quantity", trade.quantity());
        data.put("pricePerTonne", trade.pricePerTonne().toPlainString());
        data.put("currency", trade.currency());
        data.put("deliverBy", trade.deliverBy().toString());
        data.put("mismatches", trade.mismatches());
        String id = "trade-" + trade.key().venue() + "-" + digest(trade.key().tradeId()) + "-"
                + type.wireName().substring("trade.".length());
        return new WebhookMessage(new Owner(OwnerKind.VENUE, trade.key().venue()), type, id, trade.statusSeq(), at,
                body(type, at, data));
    }

    static String body(EventType type, Instant at, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.wireName());
        body.put("timestamp", at.toString());
        body.put("data", data);
        return Json.write(body);
    }

    /** 16 bytes of SHA-256 in hex: a trade id in a header-safe form. */
    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

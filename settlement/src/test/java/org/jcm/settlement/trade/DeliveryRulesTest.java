package org.jcm.settlement.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.Vintage;
import org.junit.jupiter.api.Test;

/** Delivery versus payment as a pure function: the same status whatever order things happen in. */
class DeliveryRulesTest {

    static final Instant DEADLINE = Instant.parse("2025-07-01T18:00:00Z");
    static final Instrument NONE = new Instrument(new PartyCode("MNG"), Vintage.of(2024), Label.NONE);
    static final Instrument AUTHORIZED = new Instrument(new PartyCode("MNG"), Vintage.of(2024), Label.AUTHORIZED);
    static final RegisteredTrade TRADE = new RegisteredTrade(new TradeKey("JPX", "T-1"), "MNG01-H00001",
            "JPN01-H00001", NONE, 100, new BigDecimal("10.00"), "JPY", DEADLINE, TradeStatus.PENDING_DELIVERY, 0,
            null, List.of());

    static PricedTransfer transfer(long seq, String at, String from, String to, TradeLegSpec... legs) {
        List<TradeLeg> list = new java.util.ArrayList<>();
        int n = 1;
        for (TradeLegSpec leg : legs) {
            list.add(new TradeLeg(seq, n++, Instant.parse(at), leg.instrument(), leg.quantity(),
                    new BigDecimal("10.00"), "JPY", "JPX", "T-1", from, to));
        }
        return new PricedTransfer(seq, Instant.parse(at), "JPX", "T-1", from, to, list);
    }

    record TradeLegSpec(Instrument instrument, long quantity) {
    }

    static TradeLegSpec leg(Instrument instrument, long quantity) {
        return new TradeLegSpec(instrument, quantity);
    }

    static Clock at(String time) {
        return Clock.fixed(Instant.parse(time), ZoneOffset.UTC);
    }

    @Test
    void a_matching_transfer_in_time_settles_the_trade() {
        RegisteredTrade after = DeliveryRules.onTransfer(TRADE,
                transfer(7, "2025-07-01T10:00:00Z", "MNG01-H00001", "JPN01-H00001", leg(NONE, 100)));
        assertThat(after.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(after.statusSeq()).isEqualTo(7);
        assertThat(after.statusAt()).isEqualTo(Instant.parse("2025-07-01T10:00:00Z"));
    }

    @Test
    void a_transfer_at_the_deadline_itself_is_in_time() {
        assertThat(DeliveryRules.onTransfer(TRADE, transfer(7, "2025-07-01T18:00:00Z", "MNG01-H00001",
                "JPN01-H00001", leg(NONE, 100))).status()).isEqualTo(TradeStatus.SETTLED);
    }

    @Test
    void every_differing_field_of_the_sellers_transfer_is_listed_in_a_fixed_order() {
        RegisteredTrade after = DeliveryRules.onTransfer(TRADE,
                transfer(7, "2025-07-01T10:00:00Z", "MNG01-H00001", "JPN01-H00009", leg(AUTHORIZED, 99)));
        assertThat(after.status()).isEqualTo(TradeStatus.MISMATCHED);
        assertThat(after.mismatches()).containsExactly("buyerAccountId", "quantity", "instrument");
    }

    @Test
    void a_transfer_from_another_account_than_the_seller_changes_nothing_whatever_it_carries() {
        // Exactly the trade's terms, but not from the seller; then a late one from a stranger.
        assertThat(DeliveryRules.onTransfer(TRADE,
                transfer(7, "2025-07-01T10:00:00Z", "MNG01-H00002", "JPN01-H00001", leg(NONE, 100)))).isEqualTo(TRADE);
        assertThat(DeliveryRules.onTransfer(TRADE,
                transfer(7, "2025-07-01T10:00:00Z", "JPN01-H00009", "JPN01-H00009", leg(NONE, 1)))).isEqualTo(TRADE);
        assertThat(DeliveryRules.onTransfer(TRADE,
                transfer(8, "2025-07-01T19:00:00Z", "JPN01-H00009", "JPN01-H00001", leg(NONE, 100)))).isEqualTo(TRADE);
        RegisteredTrade failed = DeliveryRules.sweep(TRADE, at("2025-07-02T00:00:00Z"));
        assertThat(DeliveryRules.onTransfer(failed,
                transfer(9, "2025-07-01T10:00:00Z", "JPN01-H00009", "JPN01-H00001", leg(NONE, 100)))).isEqualTo(failed);
    }

    @Test
    void a_strangers_transfer_before_the_sellers_leaves_the_seller_to_decide() {
        RegisteredTrade after = DeliveryRules.replay(TRADE, List.of(
                transfer(5, "2025-07-01T09:00:00Z", "JPN01-H00009", "JPN01-H00009", leg(NONE, 1)),
                transfer(6, "2025-07-01T10:00:00Z", "MNG01-H00001", "JPN01-H00001", leg(NONE, 100))),
                at("2025-07-01T12:00:00Z"));
        assertThat(after.status()).isEqualTo(TradeStatus.SETTLED);
        assertThat(after.statusSeq()).isEqualTo(6);
    }

    @Test
    void a_transfer_spanning_two_instruments_does_not_deliver_a_one_instrument_trade() {
        RegisteredTrade after = DeliveryRules.onTransfer(TRADE, transfer(7, "2025-07-01T10:00:00Z", "MNG01-H00001",
                "JPN01-H00001", leg(NONE, 60), leg(AUTHORIZED, 40)));
        assertThat(after.mismatches()).containsExactly("instrument");
    }

    @Test
    void the_first_transfer_in_time_decides_and_later_ones_change_nothing() {
        RegisteredTrade mismatched = DeliveryRules.onTransfer(TRADE,
                transfer(7, "2025-07-01T10:00:00Z", "MNG01-H00001", "JPN01-H00001", leg(NONE, 50)));
        RegisteredTrade after = DeliveryRules.onTransfer(mismatched,
                transfer(9, "2025-07-01T11:00:00Z", "MNG01-H00001", "JPN01-H00001", leg(NONE, 100)));
        assertThat(after).isEqualTo(mismatched);
    }

    @Test
    void a_late_transfer_fails_a_pending_trade_but_a_later_in_time_one_still_decides() {
        RegisteredTrade late = DeliveryRules.onTransfer(TRADE,
                transfer(7, "2025-07-01T19:00:00Z", "MNG01-H00001", "JPN01-H00001", leg(NONE, 100)));
        assertThat(late.status()).isEqualTo(TradeStatus.FAILED);
        assertThat(late.statusSeq()).isEqualTo(7);
        assertThat(late.statusAt()).isEqualTo(DEADLINE);
        RegisteredTrade decided = DeliveryRules.onTransfer(late,
                transfer(8, "2025-07-01T17:00:00Z", "MNG01-H00001", "JPN01-H00001", leg(NONE, 100)));
        assertThat(decided.status()).isEqualTo(TradeStatus.SETTLED);
    }

    @Test
    void the_sweep_fails_a_pending_trade_only_after_its_deadline() {
        assertThat(DeliveryRules.sweep(TRADE, at("2025-07-01T18:00:00Z")).status())
                .isEqualTo(TradeStatus.PENDING_DELIVERY);
        RegisteredTrade failed = DeliveryRules.sweep(TRADE, at("2025-07-01T18:00:00.001Z"));
        assertThat(failed.status()).isEqualTo(TradeStatus.FAILED);
        assertThat(failed.statusAt()).isEqualTo(DEADLINE);
    }

    @Test
    void replaying_transfers_after_registration_gives_what_the_consumer_gives_before_it() {
        List<PricedTransfer> transfers = List.of(
                transfer(5, "2025-07-01T19:00:00Z", "MNG01-H00001", "JPN01-H00001", leg(NONE, 100)),
                transfer(6, "2025-07-01T17:59:00Z", "MNG01-H00001", "JPN01-H00001", leg(NONE, 100)));
        RegisteredTrade consumer = TRADE;
        for (PricedTransfer t : transfers) {
            consumer = DeliveryRules.onTransfer(consumer, t);
        }
        assertThat(DeliveryRules.replay(TRADE, transfers, at("2025-07-02T00:00:00Z"))).isEqualTo(consumer);
    }
}

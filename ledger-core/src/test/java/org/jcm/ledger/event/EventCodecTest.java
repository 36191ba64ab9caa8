package org.jcm.ledger.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Trade;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.junit.jupiter.api.Test;

/** The JSON value tree of events: flat, fixed time format, absent optionals omitted, strict decoding. */
class EventCodecTest {

    static final Actor HOLDER = Actor.accountHolder("alice", OrganizationId.parse("MNG01-O0001"));
    static final BlockRange RANGE = new BlockRange(new PartyCode("MNG"), Vintage.of(2024), new ProjectId("MN001"),
            new IssuanceId("MN001-2024-01"), new RegistryId("MNG01"), 1001, 1250);

    static CreditsTransferred transfer(Optional<Trade> trade, Optional<String> memo) {
        return new CreditsTransferred(7, Instant.parse("2025-04-01T09:30:00Z"), HOLDER, AccountId.parse("MNG01-H00001"),
                AccountId.parse("JPN01-H00002"), 250, List.of(RANGE), trade, memo);
    }

    @Test
    void a_transfer_encodes_flat_with_header_first_and_optionals_omitted() {
        Map<String, Object> json = EventCodec.toJson(transfer(Optional.empty(), Optional.empty()));

        assertThat(json.keySet()).containsExactly("seq", "type", "at", "actor", "fromAccountId", "toAccountId", "quantity", "ranges");
        assertThat(json.get("seq")).isEqualTo(7L);
        assertThat(json.get("type")).isEqualTo("CreditsTransferred");
        assertThat(json.get("at")).isEqualTo("2025-04-01T09:30:00.000Z");
        assertThat(json.get("actor")).isEqualTo(Map.of("role", "account-holder", "subject", "alice", "scope", "MNG01-O0001"));
        assertThat(json.get("ranges")).isEqualTo(List.of(Map.of("hostParty", "MNG", "vintage", 2024L, "projectId", "MN001",
                "issuanceId", "MN001-2024-01", "issuingRegistryId", "MNG01", "first", 1001L, "last", 1250L)));
    }

    @Test
    void a_trade_price_is_a_decimal_string_with_its_scale() {
        Trade trade = new Trade("T-1", "JPX", new BigDecimal("1250.50"), "JPY");
        Map<String, Object> json = EventCodec.toJson(transfer(Optional.of(trade), Optional.of("first lot")));

        assertThat(json.get("trade")).isEqualTo(Map.of("tradeId", "T-1", "venue", "JPX", "pricePerTonne", "1250.50",
                "currency", "JPY"));
        assertThat(json.get("memo")).isEqualTo("first lot");
        assertThat(EventCodec.fromJson(json)).isEqualTo(transfer(Optional.of(trade), Optional.of("first lot")));
    }

    @Test
    void times_always_carry_three_fraction_digits_and_are_truncated_to_milliseconds() {
        assertThat(EventCodec.formatTime(Instant.parse("2025-04-01T09:30:00.123456Z"))).isEqualTo("2025-04-01T09:30:00.123Z");
        assertThat(EventCodec.formatTime(Instant.parse("2025-04-01T09:30:00.1Z"))).isEqualTo("2025-04-01T09:30:00.100Z");
        CreditsTransferred e = new CreditsTransferred(1, Instant.parse("2025-04-01T09:30:00.123456Z"), HOLDER,
                AccountId.parse("MNG01-H00001"), AccountId.parse("JPN01-H00002"), 250, List.of(RANGE), Optional.empty(),
                Optional.empty());
        assertThat(e.at()).isEqualTo(Instant.parse("2025-04-01T09:30:00.123Z"));
        assertThatThrownBy(() -> EventCodec.parseTime("2025-04-01T09:30:00Z")).isInstanceOf(EventFormatException.class);
    }

    @Test
    void decoding_refuses_missing_fields_unknown_types_and_bad_values() {
        Map<String, Object> good = EventCodec.toJson(transfer(Optional.empty(), Optional.empty()));

        Map<String, Object> missing = new LinkedHashMap<>(good);
        missing.remove("toAccountId");
        assertThatThrownBy(() -> EventCodec.fromJson(missing)).isInstanceOf(EventFormatException.class)
                .hasMessageContaining("toAccountId");

        Map<String, Object> unknown = new LinkedHashMap<>(good);
        unknown.put("type", "CreditsTeleported");
        assertThatThrownBy(() -> EventCodec.fromJson(unknown)).isInstanceOf(EventFormatException.class);

        Map<String, Object> badId = new LinkedHashMap<>(good);
        badId.put("fromAccountId", "nope");
        assertThatThrownBy(() -> EventCodec.fromJson(badId)).isInstanceOf(EventFormatException.class);

        Map<String, Object> fraction = new LinkedHashMap<>(good);
        fraction.put("quantity", new BigDecimal("250.5"));
        assertThatThrownBy(() -> EventCodec.fromJson(fraction)).isInstanceOf(EventFormatException.class);

        Map<String, Object> integral = new LinkedHashMap<>(good);
        integral.put("quantity", new BigDecimal("250"));
        assertThat(EventCodec.fromJson(integral)).isEqualTo(transfer(Optional.empty(), Optional.empty()));
    }
}

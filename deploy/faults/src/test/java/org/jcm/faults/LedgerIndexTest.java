package org.jcm.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.jcm.ledger.canonical.Json;
import org.junit.jupiter.api.Test;

class LedgerIndexTest {

    private static Map<?, ?> entry(String json) {
        return (Map<?, ?>) Json.parse(json);
    }

    @Test
    void indexesLoadTransfersByMemoAndVolumesByHostPartyAndDay() {
        LedgerIndex index = new LedgerIndex("fault-");
        index.add(entry("{\"seq\":1,\"event\":{\"type\":\"PartyRegistered\",\"at\":\"2026-11-29T10:00:00.000Z\"}}"));
        index.add(entry("{\"seq\":2,\"event\":{\"type\":\"CreditsTransferred\",\"at\":\"2026-11-29T10:00:01.000Z\","
                + "\"memo\":\"fault-a-1\",\"ranges\":[{\"hostParty\":\"MNG\",\"first\":1,\"last\":1},"
                + "{\"hostParty\":\"MNG\",\"first\":5,\"last\":7}]}}"));
        index.add(entry("{\"seq\":3,\"event\":{\"type\":\"CreditsTransferred\",\"at\":\"2026-11-30T00:00:00.000Z\","
                + "\"memo\":\"Sold on JCMX\",\"ranges\":[{\"hostParty\":\"MNG\",\"first\":10,\"last\":19}]}}"));
        index.add(entry("{\"seq\":4,\"event\":{\"type\":\"CreditsTransferred\",\"at\":\"2026-11-30T00:00:01.000Z\","
                + "\"memo\":\"fault-a-1\",\"ranges\":[{\"hostParty\":\"JPN\",\"first\":1,\"last\":2}]}}"));

        assertThat(index.head()).isEqualTo(4);
        assertThat(index.seqsByMemo()).containsOnly(Map.entry("fault-a-1", List.of(2L, 4L)));
        assertThat(index.transferredByPartyDay()).containsOnly(Map.entry("MNG 2026-11-29", 4L),
                Map.entry("MNG 2026-11-30", 10L), Map.entry("JPN 2026-11-30", 2L));
    }

    @Test
    void refusesEntriesOutOfOrder() {
        LedgerIndex index = new LedgerIndex("fault-");
        index.add(entry("{\"seq\":1,\"event\":{\"type\":\"PartyRegistered\"}}"));
        assertThatThrownBy(() -> index.add(entry("{\"seq\":3,\"event\":{\"type\":\"PartyRegistered\"}}")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void volumesCompareSettlementFeedWithLedgerTotals() {
        Map<String, Long> settlement = VolumeComparison.settlementTotals((List<?>) Json.parse(
                "[{\"party\":\"MNG\",\"date\":\"2026-11-29\",\"issued\":10000,\"transferred\":4,\"retired\":0,\"cancelled\":0},"
                        + "{\"party\":\"JPN\",\"date\":\"2026-11-29\",\"issued\":5,\"transferred\":0,\"retired\":0,\"cancelled\":0}]"));
        assertThat(settlement).containsOnly(Map.entry("MNG 2026-11-29", 4L));
        assertThat(VolumeComparison.differences(Map.of("MNG 2026-11-29", 4L), settlement)).isEmpty();
        assertThat(VolumeComparison.differences(Map.of("MNG 2026-11-29", 5L, "MNG 2026-11-30", 1L), settlement))
                .containsExactly("MNG 2026-11-29: registry 5, settlement 4", "MNG 2026-11-30: registry 1, settlement 0");
    }
}

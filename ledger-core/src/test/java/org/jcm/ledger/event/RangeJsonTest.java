package org.jcm.ledger.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jcm.ledger.event.EventCodecTest.RANGE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.junit.jupiter.api.Test;

/** The public JSON form of unit ranges is exactly the one events carry, member order included. */
class RangeJsonTest {

    static final BlockRange OTHER = new BlockRange(new PartyCode("JPN"), Vintage.of(2025), new ProjectId("JP002"),
            new IssuanceId("JP002-2025-03"), new RegistryId("JPN01"), 7, 7);

    @Test
    void ranges_are_written_with_their_members_in_the_documented_order() {
        List<Object> json = RangeJson.toJson(List.of(RANGE));

        assertThat(json).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> range = (Map<String, Object>) json.get(0);
        assertThat(range.keySet()).containsExactly("hostParty", "vintage", "projectId", "issuanceId", "issuingRegistryId",
                "first", "last");
        assertThat(range).containsEntry("vintage", 2024L).containsEntry("first", 1001L).containsEntry("last", 1250L);
    }

    @Test
    void the_ranges_of_an_event_are_the_same_json_and_the_same_canonical_text() {
        List<BlockRange> ranges = List.of(RANGE, OTHER);
        AuthorizationRevoked event = new AuthorizationRevoked(9, Instant.parse("2025-04-01T09:30:00Z"), EventCodecTest.HOLDER,
                new AuthorizationId("MNG-NDC-1"), ranges, Optional.empty());

        Object fromEvent = EventCodec.toJson(event).get("ranges");

        assertThat(RangeJson.toJson(ranges)).isEqualTo(fromEvent);
        assertThat(Jcs.canonicalize(RangeJson.toJson(ranges))).isEqualTo(Jcs.canonicalize(fromEvent));
    }

    @Test
    void no_ranges_is_an_empty_array() {
        assertThat(RangeJson.toJson(List.of())).isEmpty();
        assertThat(Jcs.canonicalize(RangeJson.toJson(List.of()))).isEqualTo("[]");
    }
}

package org.jcm.settlement.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.proof.MerkleHash;
import org.junit.jupiter.api.Test;

/**
 * The witness's leaf is exactly the registry's {@code ledger_event.event_json}: for a known event (non-ASCII
 * text, a sub-object, a boolean), the canonical bytes settlement takes from a topic record are byte for
 * byte the stored text, and their leaf hash is the one computed independently (Python's hashlib:
 * {@code sha256(b'\x00' + event_json.encode())}).
 */
class LeafBytesTest {

    /** A PartyRegistered event as registry-api stores it in {@code ledger_event.event_json} (RFC 8785). */
    static final String EVENT_JSON = "{\"actor\":{\"role\":\"operator\",\"scope\":\"\",\"subject\":\"ops\"},"
            + "\"at\":\"2025-01-06T00:00:00.123Z\",\"cooperativeApproachId\":\"CA0012\",\"iso2\":\"MN\","
            + "\"jcmStatus\":\"PARTNER\",\"name\":\"Mongolia — Улаанбаатар é\",\"parisAgreementParty\":true,"
            + "\"party\":\"MNG\",\"seq\":1,\"type\":\"PartyRegistered\"}";
    static final String LEAF_HASH = "d66bd01fca705ea1d96c8336944602b51e9410349ec0efc83d4ee85a6bf9ac27";
    static final String CHAIN_HASH = "1bd0bf9e7564d4e41c86c264d1c11567350622542a895cc93d2b71cd44d90573";

    /** The record value as registry-api's LedgerEntryJson writes it: the stored text embedded as it is. */
    static byte[] record(String eventJson) {
        return ("{\"seq\":1,\"prevHash\":\"" + HashChain.ZERO_HEX + "\",\"hash\":\"" + CHAIN_HASH + "\",\"event\":"
                + eventJson + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_leaf_of_a_topic_record_is_the_stored_event_json_byte_for_byte() {
        LedgerEntry entry = EntryDecoder.decode(record(EVENT_JSON));

        assertThat(entry.canonicalEvent()).isEqualTo(EVENT_JSON.getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(MerkleHash.leaf(entry.canonicalEvent()))).isEqualTo(LEAF_HASH);
        assertThatCode(() -> EntryDecoder.verifyOwnHash(entry)).doesNotThrowAnyException();
    }

    @Test
    void an_event_written_in_another_member_order_and_spacing_gives_the_same_leaf() {
        String reordered = "{ \"type\" : \"PartyRegistered\", \"seq\": 1, \"party\":\"MNG\", \"parisAgreementParty\": true,"
                + " \"name\":\"Mongolia \\u2014 \\u0423\\u043b\\u0430\\u0430\\u043d\\u0431\\u0430\\u0430\\u0442\\u0430\\u0440"
                + " \\u00e9\", \"jcmStatus\":\"PARTNER\", \"iso2\":\"MN\", \"cooperativeApproachId\":\"CA0012\","
                + " \"at\":\"2025-01-06T00:00:00.123Z\", \"actor\":{\"subject\":\"ops\",\"scope\":\"\",\"role\":\"operator\"} }";

        LedgerEntry entry = EntryDecoder.decode(record(reordered));

        assertThat(HexFormat.of().formatHex(MerkleHash.leaf(entry.canonicalEvent()))).isEqualTo(LEAF_HASH);
    }
}

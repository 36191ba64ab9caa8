package org.jcm.ledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.canonical.ChainVerification.Broken;
import org.jcm.ledger.canonical.ChainVerification.Intact;
import org.jcm.ledger.canonical.ChainVerification.Problem;
import org.junit.jupiter.api.Test;

/** Examples for the hash chain: known answers, hex codecs, and each way verification can fail. */
class HashChainTest {

    /*
     * Expected hashes computed outside Java, from hand-written canonical text, in two ways that agree:
     *   python3: h1 = sha256(bytes(32) + b'{"quantity":10,"seq":1,"type":"CreditsIssued"}')
     *            h2 = sha256(h1.digest() + '{"note":"\u00e9","seq":2,"type":"CreditsRetired"}'.encode())
     *   shell:   { head -c 32 /dev/zero; printf '%s' '{"quantity":10,"seq":1,"type":"CreditsIssued"}'; } | sha256sum
     *            { printf '%s' "$h1" | xxd -r -p; printf '{"note":"\xc3\xa9","seq":2,"type":"CreditsRetired"}'; } | sha256sum
     */
    private static final String KNOWN_HASH_1 = "2b1b50c062c45f6440cee6f47101da82e8137251b45f5ff6d5a9124da0a04309";
    private static final String KNOWN_HASH_2 = "3db9fc0767bd1dbcd5da8eebcfbadd4d148afe78122adf854ca628e409f05b74";

    private static List<Map<String, Object>> twoKnownEvents() {
        // Insertion order differs from canonical order on purpose, so sorting is part of the answer.
        Map<String, Object> issued = new LinkedHashMap<>();
        issued.put("type", "CreditsIssued");
        issued.put("seq", 1L);
        issued.put("quantity", 10L);
        Map<String, Object> retired = new LinkedHashMap<>();
        retired.put("type", "CreditsRetired");
        retired.put("seq", 2L);
        retired.put("note", "\u00e9");
        return List.of(issued, retired);
    }

    @Test
    void a_chain_of_two_fixed_events_has_the_independently_computed_hashes() {
        List<Map<String, Object>> events = twoKnownEvents();

        byte[] first = HashChain.next(HashChain.zero(), Jcs.canonicalBytes(events.get(0)));
        byte[] second = HashChain.next(first, Jcs.canonicalBytes(events.get(1)));

        assertThat(HashChain.toHex(first)).isEqualTo(KNOWN_HASH_1);
        assertThat(HashChain.toHex(second)).isEqualTo(KNOWN_HASH_2);
    }

    @Test
    void a_well_formed_chain_verifies_to_its_head() {
        ChainVerification result = HashChain.verify(Chains.of(twoKnownEvents()));

        assertThat(result).isEqualTo(new Intact(2, KNOWN_HASH_2, 2));
        assertThat(result.isIntact()).isTrue();
    }

    @Test
    void an_empty_chain_is_intact_at_the_genesis() {
        assertThat(HashChain.verify(List.of())).isEqualTo(ChainVerification.GENESIS);
        assertThat(ChainVerification.GENESIS).isEqualTo(new Intact(0, "0".repeat(64), 0));
    }

    @Test
    void verifying_page_by_page_reaches_the_same_head_as_verifying_at_once() {
        List<ChainEntry> chain = Chains.of(events(7));

        ChainVerification firstPage = HashChain.verify(chain.subList(0, 3));
        ChainVerification rest = HashChain.verifyFrom((Intact) firstPage, chain.subList(3, 7));

        assertThat(rest).isEqualTo(HashChain.verify(chain));
        assertThat(((Intact) rest).entriesChecked()).isEqualTo(7);
    }

    @Test
    void a_missing_entry_is_reported_as_a_sequence_gap_at_the_entry_after_it() {
        List<ChainEntry> chain = new ArrayList<>(Chains.of(events(5)));
        chain.remove(2);

        assertThat(HashChain.verify(chain)).isEqualTo(new Broken(4, Problem.SEQUENCE_GAP, "3", "4"));
    }

    @Test
    void a_repeated_entry_is_reported_as_a_sequence_gap() {
        List<ChainEntry> chain = new ArrayList<>(Chains.of(events(3)));
        chain.add(2, chain.get(1));

        assertThat(HashChain.verify(chain)).isEqualTo(new Broken(2, Problem.SEQUENCE_GAP, "3", "2"));
    }

    @Test
    void a_chain_must_start_at_seq_1() {
        List<ChainEntry> chain = Chains.of(events(3));

        assertThat(HashChain.verify(chain.subList(1, 3))).isEqualTo(new Broken(2, Problem.SEQUENCE_GAP, "1", "2"));
    }

    @Test
    void the_first_entry_must_follow_64_zeros() {
        byte[] event = Jcs.canonicalBytes(Map.of("seq", 1L));
        byte[] notZero = HashChain.zero();
        notZero[31] = 1;
        ChainEntry first = new ChainEntry(1, notZero, HashChain.next(notZero, event), event);

        assertThat(HashChain.verify(List.of(first)))
                .isEqualTo(new Broken(1, Problem.PREV_HASH_MISMATCH, "0".repeat(64), "0".repeat(62) + "01"));
    }

    @Test
    void a_rewritten_event_is_reported_as_a_hash_mismatch_with_both_hashes() {
        List<ChainEntry> chain = new ArrayList<>(Chains.of(events(3)));
        ChainEntry original = chain.get(1);
        byte[] forged = Jcs.canonicalBytes(Map.of("seq", 2L, "quantity", 1_000_000L));
        chain.set(1, new ChainEntry(2, original.prevHash(), original.hash(), forged));

        Broken broken = (Broken) HashChain.verify(chain);

        assertThat(broken.seq()).isEqualTo(2);
        assertThat(broken.problem()).isEqualTo(Problem.HASH_MISMATCH);
        assertThat(broken.expected()).isEqualTo(HashChain.toHex(HashChain.next(original.prevHash(), forged)));
        assertThat(broken.found()).isEqualTo(HashChain.toHex(original.hash()));
        assertThat(broken.describe()).startsWith("chain broken at seq 2: hash is not SHA-256(prevHash || JCS(event))");
    }

    @Test
    void hex_round_trips_in_lowercase() {
        byte[] hash = HashChain.fromHex(KNOWN_HASH_1);

        assertThat(hash).hasSize(32);
        assertThat(hash[0]).isEqualTo((byte) 0x2b);
        assertThat(hash[31]).isEqualTo((byte) 0x09);
        assertThat(HashChain.toHex(hash)).isEqualTo(KNOWN_HASH_1);
        assertThat(HashChain.toHex(HashChain.zero())).isEqualTo(HashChain.ZERO_HEX).isEqualTo("0".repeat(64));
    }

    @Test
    void bad_hex_is_refused_with_the_reason() {
        assertThatThrownBy(() -> HashChain.fromHex(KNOWN_HASH_1.toUpperCase()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a hash in hex must be lowercase 0-9a-f; found 'B' at index 1");
        assertThatThrownBy(() -> HashChain.fromHex("abc"))
                .hasMessage("a hash in hex must be 64 characters, got 3 characters");
        assertThatThrownBy(() -> HashChain.fromHex("g" + KNOWN_HASH_1.substring(1)))
                .hasMessage("a hash in hex must be lowercase 0-9a-f; found 'g' at index 0");
        assertThatThrownBy(() -> HashChain.fromHex(null))
                .hasMessage("a hash in hex must be 64 characters, got null");
    }

    @Test
    void hashes_of_the_wrong_length_are_refused() {
        assertThatThrownBy(() -> HashChain.next(new byte[31], new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("previousHash must be 32 bytes, got 31 bytes");
        assertThatThrownBy(() -> HashChain.toHex(new byte[33]))
                .hasMessage("a hash must be 32 bytes, got 33 bytes");
        assertThatThrownBy(() -> new ChainEntry(1, new byte[32], new byte[16], new byte[0]))
                .hasMessage("hash must be 32 bytes, got 16");
    }

    @Test
    void the_zero_hash_cannot_be_corrupted_by_a_caller() {
        HashChain.zero()[0] = 1;

        assertThat(HashChain.zero()).containsOnly(0).hasSize(32);
    }

    @Test
    void entries_compare_by_content() {
        byte[] event = Jcs.canonicalBytes(Map.of("seq", 1L));
        ChainEntry entry = ChainEntry.ofHex(1, HashChain.ZERO_HEX, KNOWN_HASH_1, event);

        assertThat(entry).isEqualTo(ChainEntry.ofHex(1, HashChain.ZERO_HEX, KNOWN_HASH_1, event.clone()));
        assertThat(entry).hasSameHashCodeAs(ChainEntry.ofHex(1, HashChain.ZERO_HEX, KNOWN_HASH_1, event.clone()));
        assertThat(entry.toString()).contains("prevHash=" + HashChain.ZERO_HEX, "hash=" + KNOWN_HASH_1);
    }

    private static List<Map<String, Object>> events(int count) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (long seq = 1; seq <= count; seq++) {
            events.add(Map.of("seq", seq, "type", "CreditsTransferred", "quantity", 100 * seq));
        }
        return events;
    }
}

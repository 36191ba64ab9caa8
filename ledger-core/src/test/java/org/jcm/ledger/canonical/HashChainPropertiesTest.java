package org.jcm.ledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jcm.ledger.canonical.ChainVerification.Broken;
import org.jcm.ledger.canonical.ChainVerification.Problem;

/** Properties of the hash chain over random events: intact chains verify, any flipped byte is caught. */
class HashChainPropertiesTest {

    /** The parts of a stored entry that an attacker or a fault could alter. */
    enum Part { EVENT, PREV_HASH, HASH }

    @Provide
    Arbitrary<List<Map<String, Object>>> events() {
        return JsonValues.events().list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 1000)
    void a_chain_built_from_any_events_verifies(@ForAll("events") List<Map<String, Object>> events) {
        assertThat(HashChain.verify(Chains.of(events)))
                .isEqualTo(new ChainVerification.Intact(events.size(), HashChain.toHex(lastHash(events)), events.size()));
    }

    @Property(tries = 1000)
    void flipping_any_single_byte_of_any_entry_is_detected_at_that_entry(
            @ForAll("events") List<Map<String, Object>> events,
            @ForAll @IntRange(min = 0, max = 1_000_000) int entryPick,
            @ForAll Part part,
            @ForAll @IntRange(min = 0, max = 1_000_000) int bytePick,
            @ForAll @IntRange(min = 1, max = 255) int mask) {
        List<ChainEntry> chain = new ArrayList<>(Chains.of(events));
        int index = entryPick % chain.size();
        chain.set(index, flip(chain.get(index), part, bytePick, (byte) mask));

        ChainVerification result = HashChain.verify(chain);

        assertThat(result).isInstanceOf(Broken.class);
        Broken broken = (Broken) result;
        assertThat(broken.seq()).isEqualTo(index + 1L);
        assertThat(broken.problem()).isEqualTo(part == Part.PREV_HASH ? Problem.PREV_HASH_MISMATCH : Problem.HASH_MISMATCH);
    }

    private static ChainEntry flip(ChainEntry entry, Part part, int bytePick, byte mask) {
        byte[] event = entry.canonicalEvent().clone();
        byte[] prevHash = entry.prevHash().clone();
        byte[] hash = entry.hash().clone();
        byte[] target = part == Part.EVENT ? event : part == Part.PREV_HASH ? prevHash : hash;
        target[bytePick % target.length] ^= mask;
        return new ChainEntry(entry.seq(), prevHash, hash, event);
    }

    private static byte[] lastHash(List<Map<String, Object>> events) {
        byte[] hash = HashChain.zero();
        for (Map<String, Object> event : events) {
            hash = HashChain.next(hash, Jcs.canonicalBytes(event));
        }
        return hash;
    }
}

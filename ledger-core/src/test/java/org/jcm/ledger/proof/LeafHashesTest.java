package org.jcm.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LeafHashesTest {

    @Property(tries = 200)
    void appending_and_dropping_keeps_the_same_hashes_in_the_same_order_as_a_plain_queue(
            @ForAll @Size(max = 30) java.util.List<@IntRange(min = 0, max = 9000) Integer> steps) {
        LeafHashes packed = new LeafHashes();
        Deque<byte[]> plain = new ArrayDeque<>();
        long next = 0;
        boolean append = true;
        for (int step : steps) {
            if (append) {
                for (int i = 0; i < step; i++) {
                    byte[] leaf = MerkleHash.leaf(("entry " + next++).getBytes(StandardCharsets.UTF_8));
                    packed.add(leaf);
                    plain.addLast(leaf);
                }
            } else {
                int drop = (int) Math.min(step, plain.size());
                packed.dropFirst(drop);
                for (int i = 0; i < drop; i++) {
                    plain.removeFirst();
                }
            }
            append = !append;
            assertThat(packed.size()).isEqualTo(plain.size());
            long index = 0;
            for (byte[] leaf : plain) {
                assertThat(packed.get(index++)).isEqualTo(leaf);
            }
            assertThat(packed.retainedBytes()).isLessThanOrEqualTo((plain.size() + 2L * 4096) * 32);
        }
    }

    @Test
    void a_hash_of_the_wrong_length_an_index_out_of_range_and_dropping_too_many_are_refused() {
        LeafHashes hashes = new LeafHashes();
        hashes.add(new byte[32]);
        assertThatThrownBy(() -> hashes.add(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hashes.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> hashes.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> hashes.dropFirst(2)).isInstanceOf(IllegalArgumentException.class);
        hashes.clear();
        assertThat(hashes.size()).isZero();
        assertThat(hashes.retainedBytes()).isZero();
    }
}

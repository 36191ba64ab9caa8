package org.jcm.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The right edge of the tree: its root is RFC 9162 MTH at every size, and it can be rebuilt and copied. */
class TreeEdgeTest {

    @Test
    void the_edge_root_equals_the_recursive_mth_for_every_size_from_1_to_2000() {
        List<byte[]> leaves = MerkleProofsProperties.LEAVES;
        TreeEdge edge = TreeEdge.empty();
        for (int size = 1; size <= leaves.size(); size++) {
            edge.append(leaves.get(size - 1));
            assertThat(edge.size()).isEqualTo(size);
            assertThat(edge.hashes()).hasSize(Long.bitCount(size));
            assertThat(Bytes.hex(edge.root())).as("size %d", size)
                    .isEqualTo(Bytes.hex(ReferenceTree.mth(leaves.subList(0, size))));
        }
    }

    @Test
    void an_edge_read_from_a_node_source_or_rebuilt_from_its_hashes_continues_like_the_original() {
        MemoryTree tree = MerkleProofsProperties.TREE;
        for (long size : new long[] {0, 1, 2, 3, 255, 256, 257, 1000, 1999}) {
            TreeEdge read = TreeEdge.of(tree, size);
            TreeEdge rebuilt = new TreeEdge(size, read.hashes());
            read.append(tree.node(0, size));
            rebuilt.append(tree.node(0, size));

            assertThat(read.root()).as("size %d", size + 1).isEqualTo(MerkleProofs.rootOf(tree, size + 1));
            assertThat(rebuilt.root()).isEqualTo(read.root());
        }
    }

    @Test
    void a_copy_is_independent_of_the_original() {
        TreeEdge edge = TreeEdge.of(MerkleProofsProperties.TREE, 5);
        TreeEdge copy = edge.copy();
        byte[] rootAt5 = edge.root();

        edge.append(MerkleProofsProperties.LEAVES.get(5));

        assertThat(copy.size()).isEqualTo(5);
        assertThat(copy.root()).isEqualTo(rootAt5);
        assertThat(edge.root()).isNotEqualTo(rootAt5);
    }

    @Test
    void an_edge_with_the_wrong_number_of_hashes_or_a_short_hash_is_refused() {
        byte[] hash = new byte[32];

        assertThatThrownBy(() -> new TreeEdge(3, List.of(hash))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 complete subtrees");
        assertThatThrownBy(() -> new TreeEdge(1, List.of(new byte[31]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TreeEdge(-1, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeEdge.empty().append(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }
}

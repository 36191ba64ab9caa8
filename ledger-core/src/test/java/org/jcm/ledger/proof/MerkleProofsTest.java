package org.jcm.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jcm.ledger.proof.Bytes.hex;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the tree and its proofs: the RFC 6962 test tree of 8 leaves whose node hashes,
 * roots and proofs are published with transparency-dev/merkle (testonly/constants.go and
 * testdata/), and the edge cases of the verifiers.
 */
class MerkleProofsTest {

    static final String[] LEAF_INPUTS = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};

    static final String[] ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    static MemoryTree rfc6962Tree() {
        MemoryTree tree = new MemoryTree();
        for (String input : LEAF_INPUTS) {
            tree.append(MerkleHash.leaf(hex(input)));
        }
        return tree;
    }

    @Test
    void the_roots_of_the_rfc_6962_test_tree_are_the_published_ones_for_every_size() {
        MemoryTree tree = rfc6962Tree();
        TreeEdge edge = TreeEdge.empty();
        assertThat(hex(edge.root())).isEqualTo(ROOTS[0]);
        assertThat(hex(MerkleHash.emptyRoot())).isEqualTo(ROOTS[0]);
        for (int size = 1; size <= 8; size++) {
            edge.append(tree.node(0, size - 1));
            assertThat(hex(MerkleProofs.rootOf(tree, size))).as("size %d", size).isEqualTo(ROOTS[size]);
            assertThat(hex(edge.root())).as("edge of size %d", size).isEqualTo(ROOTS[size]);
        }
    }

    @Test
    void the_inclusion_proof_of_leaf_0_in_the_test_tree_of_8_is_the_published_one() {
        List<byte[]> proof = MerkleProofs.inclusion(rfc6962Tree(), 0, 8);

        assertThat(proof).extracting(Bytes::hex).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(MerkleProofs.verifyInclusion(MerkleHash.leaf(hex("")), 0, 8, proof, hex(ROOTS[8]))).isTrue();
    }

    @Test
    void the_consistency_proof_from_6_to_8_in_the_test_tree_is_the_published_one() {
        List<byte[]> proof = MerkleProofs.consistency(rfc6962Tree(), 6, 8);

        assertThat(proof).extracting(Bytes::hex).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(MerkleProofs.verifyConsistency(6, 8, hex(ROOTS[6]), hex(ROOTS[8]), proof)).isTrue();
    }

    @Test
    void a_tree_of_one_leaf_has_an_empty_inclusion_proof_and_the_leaf_hash_as_root() {
        MemoryTree tree = rfc6962Tree();
        byte[] leaf = tree.node(0, 0);

        assertThat(MerkleProofs.inclusion(tree, 0, 1)).isEmpty();
        assertThat(MerkleProofs.verifyInclusion(leaf, 0, 1, List.of(), leaf)).isTrue();
        assertThat(MerkleProofs.verifyInclusion(leaf, 0, 1, List.of(leaf), leaf)).isFalse();
    }

    @Test
    void an_index_outside_the_tree_never_verifies() {
        MemoryTree tree = rfc6962Tree();
        byte[] root = hex(ROOTS[8]);
        List<byte[]> proof = MerkleProofs.inclusion(tree, 7, 8);
        byte[] leaf = tree.node(0, 7);

        assertThat(MerkleProofs.verifyInclusion(leaf, 7, 8, proof, root)).isTrue();
        assertThat(MerkleProofs.verifyInclusion(leaf, 8, 8, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, -1, 8, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 0, 0, List.of(), root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 7, 7, proof, root)).isFalse();
    }

    @Test
    void hashes_of_the_wrong_length_or_null_proof_elements_make_a_proof_fail_instead_of_throwing() {
        MemoryTree tree = rfc6962Tree();
        byte[] root = hex(ROOTS[8]);
        List<byte[]> proof = new ArrayList<>(MerkleProofs.inclusion(tree, 2, 8));
        byte[] leaf = tree.node(0, 2);

        assertThat(MerkleProofs.verifyInclusion(new byte[31], 2, 8, proof, root)).isFalse();
        assertThat(MerkleProofs.verifyInclusion(leaf, 2, 8, proof, new byte[33])).isFalse();
        proof.set(1, new byte[0]);
        assertThat(MerkleProofs.verifyInclusion(leaf, 2, 8, proof, root)).isFalse();
        proof.set(1, null);
        assertThat(MerkleProofs.verifyInclusion(leaf, 2, 8, proof, root)).isFalse();
    }

    @Test
    void consistency_of_equal_sizes_needs_an_empty_proof_and_equal_roots() {
        byte[] root = hex(ROOTS[5]);

        assertThat(MerkleProofs.consistency(rfc6962Tree(), 5, 5)).isEmpty();
        assertThat(MerkleProofs.verifyConsistency(5, 5, root, root, List.of())).isTrue();
        assertThat(MerkleProofs.verifyConsistency(5, 5, root, hex(ROOTS[6]), List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(5, 5, root, root, List.of(root))).isFalse();
    }

    @Test
    void consistency_from_size_0_or_to_a_smaller_size_never_verifies() {
        byte[] empty = MerkleHash.emptyRoot();

        assertThat(MerkleProofs.verifyConsistency(0, 0, empty, empty, List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(0, 8, empty, hex(ROOTS[8]), List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(8, 6, hex(ROOTS[8]), hex(ROOTS[6]), List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(6, 8, hex(ROOTS[6]), hex(ROOTS[8]), List.of())).isFalse();
    }

    @Test
    void building_a_proof_outside_the_tree_is_refused() {
        MemoryTree tree = rfc6962Tree();

        assertThatThrownBy(() -> MerkleProofs.inclusion(tree, 8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.consistency(tree, 0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.consistency(tree, 8, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.rootOf(tree, 9)).isInstanceOf(IllegalArgumentException.class);
    }
}

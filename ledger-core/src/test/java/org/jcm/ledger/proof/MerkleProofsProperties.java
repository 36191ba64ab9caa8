package org.jcm.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Inclusion and consistency proofs over random trees of 1 to 2000 leaves: they equal RFC 9162's
 * recursive definitions, they verify, and they fail for any altered byte and for any other position.
 */
class MerkleProofsProperties {

    static final int MAX = 2000;
    static final List<byte[]> LEAVES = ReferenceTree.leafHashes(MAX);
    static final MemoryTree TREE = ReferenceTree.memoryTree(LEAVES);

    /** The parts of an inclusion proof's inputs that can be altered. */
    enum InclusionPart { LEAF, ROOT, PROOF }

    /** The parts of a consistency proof's inputs that can be altered. */
    enum ConsistencyPart { OLD_ROOT, NEW_ROOT, PROOF }

    static byte[] root(int size) {
        return ReferenceTree.mth(LEAVES.subList(0, size));
    }

    @Property(tries = 300)
    void an_inclusion_proof_is_rfc_9162_path_and_verifies(
            @ForAll @IntRange(min = 1, max = MAX) int size, @ForAll @IntRange(min = 0, max = MAX) int pick) {
        int index = pick % size;
        List<byte[]> proof = MerkleProofs.inclusion(TREE, index, size);

        assertThat(Bytes.same(proof, ReferenceTree.path(index, LEAVES.subList(0, size)))).isTrue();
        assertThat(MerkleProofs.verifyInclusion(LEAVES.get(index), index, size, proof, root(size))).isTrue();
    }

    @Property(tries = 500)
    void altering_any_byte_of_the_leaf_the_root_or_the_inclusion_proof_makes_it_fail(
            @ForAll @IntRange(min = 1, max = MAX) int size, @ForAll @IntRange(min = 0, max = MAX) int pick,
            @ForAll InclusionPart part, @ForAll @IntRange(min = 0, max = 10_000) int bytePick,
            @ForAll @IntRange(min = 1, max = 255) int mask) {
        int index = pick % size;
        byte[] leaf = LEAVES.get(index);
        byte[] root = root(size);
        List<byte[]> proof = Bytes.copy(MerkleProofs.inclusion(TREE, index, size));
        if (part == InclusionPart.LEAF) {
            leaf = Bytes.flip(leaf, bytePick, mask);
        } else if (part == InclusionPart.ROOT) {
            root = Bytes.flip(root, bytePick, mask);
        } else {
            Assume.that(!proof.isEmpty());
            int element = bytePick % proof.size();
            proof.set(element, Bytes.flip(proof.get(element), bytePick / proof.size(), mask));
        }

        assertThat(MerkleProofs.verifyInclusion(leaf, index, size, proof, root)).isFalse();
    }

    @Property(tries = 300)
    void adding_or_removing_a_hash_of_an_inclusion_proof_makes_it_fail(
            @ForAll @IntRange(min = 1, max = MAX) int size, @ForAll @IntRange(min = 0, max = MAX) int pick,
            @ForAll @IntRange(min = 0, max = 64) int at, @ForAll boolean add) {
        int index = pick % size;
        List<byte[]> proof = new ArrayList<>(MerkleProofs.inclusion(TREE, index, size));
        if (add) {
            proof.add(at % (proof.size() + 1), LEAVES.get(at));
        } else {
            Assume.that(!proof.isEmpty());
            proof.remove(at % proof.size());
        }

        assertThat(MerkleProofs.verifyInclusion(LEAVES.get(index), index, size, proof, root(size))).isFalse();
    }

    /**
     * With the true leaf and the true root of another position (index, size), a proof verifies only if
     * it is also that position's proof: a proof cannot be moved to another index or another tree size.
     */
    @Property(tries = 500)
    void an_inclusion_proof_does_not_prove_any_other_index_or_tree_size(
            @ForAll @IntRange(min = 1, max = MAX) int size, @ForAll @IntRange(min = 0, max = MAX) int pick,
            @ForAll @IntRange(min = 1, max = MAX) int otherSize, @ForAll @IntRange(min = 0, max = MAX) int otherPick) {
        int index = pick % size;
        int otherIndex = otherPick % otherSize;
        Assume.that(index != otherIndex || size != otherSize);
        List<byte[]> proof = MerkleProofs.inclusion(TREE, index, size);
        List<byte[]> otherProof = ReferenceTree.path(otherIndex, LEAVES.subList(0, otherSize));

        boolean verified = MerkleProofs.verifyInclusion(LEAVES.get(otherIndex), otherIndex, otherSize, proof,
                root(otherSize));

        assertThat(verified).isEqualTo(Bytes.same(proof, otherProof));
        assertThat(MerkleProofs.verifyInclusion(LEAVES.get(index), otherIndex, size, proof, root(size)))
                .isEqualTo(index == otherIndex);
    }

    @Property(tries = 300)
    void a_consistency_proof_is_rfc_9162_proof_and_verifies(
            @ForAll @IntRange(min = 1, max = MAX) int n, @ForAll @IntRange(min = 0, max = MAX) int pick) {
        int m = 1 + pick % n;
        List<byte[]> proof = MerkleProofs.consistency(TREE, m, n);

        assertThat(Bytes.same(proof, ReferenceTree.proof(m, LEAVES.subList(0, n)))).isTrue();
        assertThat(MerkleProofs.verifyConsistency(m, n, root(m), root(n), proof)).isTrue();
    }

    @Property(tries = 500)
    void altering_any_byte_of_either_root_or_the_consistency_proof_makes_it_fail(
            @ForAll @IntRange(min = 1, max = MAX) int n, @ForAll @IntRange(min = 0, max = MAX) int pick,
            @ForAll ConsistencyPart part, @ForAll @IntRange(min = 0, max = 10_000) int bytePick,
            @ForAll @IntRange(min = 1, max = 255) int mask) {
        int m = 1 + pick % n;
        byte[] rootM = root(m);
        byte[] rootN = root(n);
        List<byte[]> proof = Bytes.copy(MerkleProofs.consistency(TREE, m, n));
        if (part == ConsistencyPart.OLD_ROOT) {
            rootM = Bytes.flip(rootM, bytePick, mask);
        } else if (part == ConsistencyPart.NEW_ROOT) {
            rootN = Bytes.flip(rootN, bytePick, mask);
        } else {
            Assume.that(!proof.isEmpty());
            int element = bytePick % proof.size();
            proof.set(element, Bytes.flip(proof.get(element), bytePick / proof.size(), mask));
        }

        assertThat(MerkleProofs.verifyConsistency(m, n, rootM, rootN, proof)).isFalse();
    }

    @Property(tries = 300)
    void adding_or_removing_a_hash_of_a_consistency_proof_makes_it_fail(
            @ForAll @IntRange(min = 1, max = MAX) int n, @ForAll @IntRange(min = 0, max = MAX) int pick,
            @ForAll @IntRange(min = 0, max = 64) int at, @ForAll boolean add) {
        int m = 1 + pick % n;
        List<byte[]> proof = new ArrayList<>(MerkleProofs.consistency(TREE, m, n));
        if (add) {
            proof.add(at % (proof.size() + 1), LEAVES.get(at));
        } else {
            Assume.that(!proof.isEmpty());
            proof.remove(at % proof.size());
        }

        assertThat(MerkleProofs.verifyConsistency(m, n, root(m), root(n), proof)).isFalse();
    }

    /** With the true roots of other sizes (m', n'), a proof verifies only if it is also their proof. */
    @Property(tries = 500)
    void a_consistency_proof_does_not_prove_any_other_pair_of_sizes(
            @ForAll @IntRange(min = 1, max = MAX) int n, @ForAll @IntRange(min = 0, max = MAX) int pick,
            @ForAll @IntRange(min = 1, max = MAX) int otherN, @ForAll @IntRange(min = 0, max = MAX) int otherPick) {
        int m = 1 + pick % n;
        int otherM = 1 + otherPick % otherN;
        Assume.that(m != otherM || n != otherN);
        List<byte[]> proof = MerkleProofs.consistency(TREE, m, n);
        List<byte[]> otherProof = ReferenceTree.proof(otherM, LEAVES.subList(0, otherN));

        boolean verified = MerkleProofs.verifyConsistency(otherM, otherN, root(otherM), root(otherN), proof);

        assertThat(verified).isEqualTo(Bytes.same(proof, otherProof));
    }
}

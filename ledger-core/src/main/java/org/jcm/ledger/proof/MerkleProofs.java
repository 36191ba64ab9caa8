package org.jcm.ledger.proof;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * RFC 9162 section 2.1 Merkle tree hashes, inclusion proofs and consistency proofs: building them from
 * a {@link NodeSource}, and verifying them with nothing but the proof, the sizes and the roots.
 *
 * <p>Building needs the tree; verifying needs only SHA-256. The builders take the tree's nodes from the
 * source and never hash more than {@code O(log n)} nodes themselves. The verifiers follow RFC 9162
 * sections 2.1.3.2 and 2.1.4.2 step by step, return false for any proof that does not verify
 * (wrong length, wrong hash, index or size out of range), and throw only for null arguments.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** Returns MTH(D[0:size]), the root of the first {@code size} leaves. */
    public static byte[] rootOf(NodeSource source, long size) {
        Objects.requireNonNull(source, "source");
        if (size < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative: " + size);
        }
        return size == 0 ? MerkleHash.emptyRoot() : rangeRoot(source, 0, size);
    }

    /**
     * Returns PATH(index, D[0:size]) of RFC 9162 section 2.1.3.1: the audit path of leaf {@code index}
     * in the tree of size {@code size}, from the leaf's sibling up to the root's child.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < size}
     */
    public static List<byte[]> inclusion(NodeSource source, long index, long size) {
        Objects.requireNonNull(source, "source");
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + size);
        }
        List<byte[]> topDown = new ArrayList<>();
        long start = 0;
        long width = size;
        long leaf = index;
        while (width > 1) {
            long k = Long.highestOneBit(width - 1);
            if (leaf < k) {
                topDown.add(rangeRoot(source, start + k, start + width));
                width = k;
            } else {
                topDown.add(source.node(Long.numberOfTrailingZeros(k), start / k));
                leaf -= k;
                start += k;
                width -= k;
            }
        }
        Collections.reverse(topDown);
        return topDown;
    }

    /**
     * Returns PROOF(m, D[0:n]) of RFC 9162 section 2.1.4.1: the consistency proof from the tree of size
     * {@code m} to the tree of size {@code n}. Empty when {@code m == n}.
     *
     * @throws IllegalArgumentException unless {@code 1 <= m <= n}
     */
    public static List<byte[]> consistency(NodeSource source, long m, long n) {
        Objects.requireNonNull(source, "source");
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("a consistency proof needs 1 <= m <= n, got m=" + m + ", n=" + n);
        }
        List<byte[]> topDown = new ArrayList<>();
        long start = 0;
        long width = n;
        long old = m;
        boolean wholeOldTree = true;
        while (old != width) {
            long k = Long.highestOneBit(width - 1);
            if (old <= k) {
                topDown.add(rangeRoot(source, start + k, start + width));
                width = k;
            } else {
                topDown.add(source.node(Long.numberOfTrailingZeros(k), start / k));
                old -= k;
                start += k;
                width -= k;
                wholeOldTree = false;
            }
        }
        List<byte[]> proof = new ArrayList<>(topDown.size() + 1);
        if (!wholeOldTree) {
            proof.add(rangeRoot(source, start, start + width));
        }
        Collections.reverse(topDown);
        proof.addAll(topDown);
        return proof;
    }

    /**
     * Verifies an inclusion proof by RFC 9162 section 2.1.3.2: true when {@code leafHash} is the leaf
     * hash at {@code index} in the tree of size {@code size} whose root is {@code root}.
     */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(root, "root");
        if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || !isHash(p)) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Verifies a consistency proof by RFC 9162 section 2.1.4.2: true when the tree of size {@code m}
     * with root {@code rootM} is a prefix of the tree of size {@code n} with root {@code rootN}.
     *
     * <p>For {@code m == n} the proof must be empty and the roots equal. {@code m = 0} is refused
     * (false): RFC 9162 defines consistency proofs for {@code 0 < m}, and no checkpoint has size 0.
     */
    public static boolean verifyConsistency(long m, long n, byte[] rootM, byte[] rootN, List<byte[]> proof) {
        Objects.requireNonNull(rootM, "rootM");
        Objects.requireNonNull(rootN, "rootN");
        Objects.requireNonNull(proof, "proof");
        if (m < 1 || m > n || !isHash(rootM) || !isHash(rootN)) {
            return false;
        }
        if (m == n) {
            return proof.isEmpty() && MessageDigest.isEqual(rootM, rootN);
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(m) == 1) {
            path.add(rootM);
        }
        path.addAll(proof);
        if (path.isEmpty() || path.stream().anyMatch(hash -> !isHash(hash))) {
            return false;
        }
        return checkConsistencyPath(m, n, rootM, rootN, path);
    }

    /** The loop of RFC 9162 section 2.1.4.2 steps 4 to 7, over a path whose first hash is the seed. */
    private static boolean checkConsistencyPath(long m, long n, byte[] rootM, byte[] rootN, List<byte[]> path) {
        long fn = m - 1;
        long sn = n - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, rootM) && MessageDigest.isEqual(sr, rootN);
    }

    /**
     * Returns MTH(D[start:end]) for a range whose start is a multiple of the largest power of two not
     * above its length, as every range in PATH and PROOF is: the range is then a row of complete
     * subtrees, one per bit of its length, largest first, folded from the right.
     */
    static byte[] rangeRoot(NodeSource source, long start, long end) {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("an empty or negative range: " + start + ".." + end);
        }
        List<byte[]> parts = new ArrayList<>();
        long at = start;
        long length = end - start;
        for (int height = 63 - Long.numberOfLeadingZeros(length); height >= 0; height--) {
            if ((length >>> height & 1) == 1) {
                if ((at & ((1L << height) - 1)) != 0) {
                    throw new IllegalArgumentException("range " + start + ".." + end + " is not aligned");
                }
                parts.add(source.node(height, at >>> height));
                at += 1L << height;
            }
        }
        byte[] root = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(parts.get(i), root);
        }
        return root;
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == MerkleHash.HASH_BYTES;
    }
}

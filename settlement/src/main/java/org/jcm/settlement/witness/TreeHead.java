package org.jcm.settlement.witness;

/**
 * The head of the witness's own tree: how many entries it holds and their root.
 *
 * @param size the number of leaves (the entries with seq 1..size)
 * @param root the RFC 9162 root hash, 32 bytes
 */
public record TreeHead(long size, byte[] root) {
}

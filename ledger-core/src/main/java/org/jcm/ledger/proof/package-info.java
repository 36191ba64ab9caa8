/**
 * Tamper evidence that does not depend on the database: the RFC 9162 Merkle tree over the ledger's
 * entries ({@link org.jcm.ledger.proof.MerkleHash}, {@link org.jcm.ledger.proof.TreeEdge},
 * {@link org.jcm.ledger.proof.MerkleProofs}), its storage as C2SP tlog-tiles
 * ({@link org.jcm.ledger.proof.Tiles}, {@link org.jcm.ledger.proof.TileNodeSource}), and the signed
 * statements about it: C2SP signed notes ({@link org.jcm.ledger.proof.SignedNote}) with keys in the
 * golang.org/x/mod/sumdb/note string form ({@link org.jcm.ledger.proof.NoteKeys}), checkpoints
 * ({@link org.jcm.ledger.proof.Checkpoint}) and witness cosignatures
 * ({@link org.jcm.ledger.proof.Cosignature}).
 *
 * <p>The leaf of the tree is an entry's canonical event bytes (the UTF-8 RFC 8785 form that the hash
 * chain hashes); leaf index = seq - 1. docs/transparency-log.md defines every format byte by byte.
 *
 * <p>Everything here is plain Java 17: SHA-256 and Ed25519 come from {@code java.security}.
 */
package org.jcm.ledger.proof;

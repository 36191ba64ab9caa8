package org.jcm.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/transparency-log.md ("The tree, the notes and the keys"), computed here:
 * three events' leaf hashes, the root, the proofs, the example keys, the signed checkpoint and its
 * cosignature. Ed25519 signatures are deterministic, so every value is a known answer, and the page
 * must show exactly these values.
 */
class TransparencyLogExampleTest {

    static final String[] EVENTS = {
        "{\"quantity\":10,\"seq\":1,\"type\":\"CreditsIssued\"}",
        "{\"note\":\"\u00e9\",\"seq\":2,\"type\":\"CreditsRetired\"}",
        "{\"quantity\":4,\"seq\":3,\"type\":\"CreditsTransferred\"}"};
    static final String[] LEAF_HASHES = {
        "c530ffeb2094f9b674131c5fdbadfd78584232def6aa0c8e3617fbf49bb92371",
        "ef0fd8caa9ecc4489a20805cf9e9eabe1d718bb42a939d43c540933df6470006",
        "e089c7a0db61a9f30475964c95a2908e599b41afd76a4fe2aa372e57a7616429"};
    static final String NODE_01 = "33730c9e187ce0faf5290af888aaa127b7547c2fabe2b57c0d6dab10de857da3";
    static final String ROOT = "9d1ec4182cb6c754fd9ace187558d4279b626731f9e669c30fa334b2220dd608";
    static final String ROOT_BASE64 = "nR7EGCy2x1T9ms4YdVjUJ5tiZzH55mnDD6M0siIN1gg=";

    static final String LOG_SIGNER = "PRIVATE+KEY+jcm.local/ledger+945f85b4+AcuR81MJ+TMfNYX7/QD8UnN28P8iFDxlmC3NDO/46UfB";
    static final String LOG_VERIFIER = "jcm.local/ledger+945f85b4+AeMKWoVARezYt5zyv5hjss3zbY+Mmh+v1bfafVRZvNa2";
    static final String WITNESS_SIGNER = "PRIVATE+KEY+jcm.local/witness+9426ceb9+BMpfdSaUx8FDc7o2j0jMNMw6tNM2L1/aRmnJwtXtE2UG";
    static final String WITNESS_VERIFIER = "jcm.local/witness+9426ceb9+BLgx7/p1u0X0lfemBgSIAJet79//lT4PLSc26htv87aQ";
    static final long COSIGNED_AT = 1_767_225_600L;

    static final String NOTE = "jcm.local/ledger\n3\n" + ROOT_BASE64 + "\n\n"
            + "\u2014 jcm.local/ledger lF+FtMTMF/VlS8IIWB9ZNY0/9GswUy8tmvliLLvo4Dd+UN4jEa2Sxg04ogbeX7wbXCPMxQjpdb7gAOfJLAIrkVzMEAE=\n"
            + "\u2014 jcm.local/witness lCbOuQAAAABpVbkAkpSfnFW1kc9NIiYQ1OOTEsqAuzT6gw9mYFdITB1ZI0HadCeb5oeFttYvOtI2+OMja8dJSuqM7BL9ZWJvBt4gCg==\n";

    @Test
    void the_leaf_hashes_nodes_root_and_proofs_of_three_events_are_the_documented_ones() {
        MemoryTree tree = new MemoryTree();
        for (int i = 0; i < EVENTS.length; i++) {
            byte[] leaf = MerkleHash.leaf(EVENTS[i].getBytes(StandardCharsets.UTF_8));
            assertThat(Bytes.hex(leaf)).isEqualTo(LEAF_HASHES[i]);
            tree.append(leaf);
        }

        assertThat(Bytes.hex(tree.node(1, 0))).isEqualTo(NODE_01);
        assertThat(Bytes.hex(tree.root())).isEqualTo(ROOT);
        assertThat(Base64.getEncoder().encodeToString(tree.root())).isEqualTo(ROOT_BASE64);
        assertThat(MerkleProofs.inclusion(tree, 0, 3)).extracting(Bytes::hex).containsExactly(LEAF_HASHES[1], LEAF_HASHES[2]);
        assertThat(MerkleProofs.inclusion(tree, 2, 3)).extracting(Bytes::hex).containsExactly(NODE_01);
        assertThat(MerkleProofs.consistency(tree, 2, 3)).extracting(Bytes::hex).containsExactly(LEAF_HASHES[2]);
        assertThat(MerkleProofs.verifyConsistency(2, 3, Bytes.hex(NODE_01), Bytes.hex(ROOT),
                List.of(Bytes.hex(LEAF_HASHES[2])))).isTrue();
    }

    @Test
    void the_example_keys_come_from_the_documented_seeds() {
        assertThat(signerFromSeedText("jcm.local/ledger", NoteKeys.ED25519, "jcm example log key")).isEqualTo(LOG_SIGNER);
        assertThat(signerFromSeedText("jcm.local/witness", NoteKeys.COSIGNATURE_V1, "jcm example witness key"))
                .isEqualTo(WITNESS_SIGNER);
        assertThat(NoteKeys.signer(LOG_SIGNER).verifierKey()).isEqualTo(LOG_VERIFIER);
        assertThat(NoteKeys.signer(WITNESS_SIGNER).verifierKey()).isEqualTo(WITNESS_VERIFIER);
    }

    @Test
    void the_example_checkpoint_signed_and_cosigned_is_the_documented_note() {
        Checkpoint checkpoint = new Checkpoint("jcm.local/ledger", 3, Bytes.hex(ROOT));
        String line = Cosignature.sign(checkpoint, NoteKeys.signer(WITNESS_SIGNER), COSIGNED_AT);

        SignedNote note = checkpoint.sign(NoteKeys.signer(LOG_SIGNER)).withSignature(Cosignature.parse(line).noteSignature());

        assertThat(note.encode()).isEqualTo(NOTE);
        assertThat(Checkpoint.open(NOTE, NoteKeys.verifier(LOG_VERIFIER))).isEqualTo(checkpoint);
        String witnessLine = NOTE.substring(NOTE.lastIndexOf('\u2014'));
        assertThat(Cosignature.verify(witnessLine, checkpoint, NoteKeys.verifier(WITNESS_VERIFIER))).isTrue();
    }

    @Test
    void docs_transparency_log_md_shows_these_values() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "transparency-log.md"));

        for (String value : List.of(LEAF_HASHES[0], LEAF_HASHES[1], LEAF_HASHES[2], NODE_01, ROOT, ROOT_BASE64,
                LOG_SIGNER, LOG_VERIFIER, WITNESS_SIGNER, WITNESS_VERIFIER, EVENTS[0], EVENTS[1], EVENTS[2],
                Long.toString(COSIGNED_AT))) {
            assertThat(page).contains(value);
        }
        assertThat(page).contains(NOTE);
    }

    private static String signerFromSeedText(String name, int algorithm, String seedText) {
        byte[] seed = MerkleHash.sha256(seedText.getBytes(StandardCharsets.UTF_8));
        byte[] key = new byte[33];
        key[0] = (byte) algorithm;
        System.arraycopy(seed, 0, key, 1, 32);
        int keyId = NoteKeys.keyId(name, algorithm, Ed25519.rawPublicKey(Ed25519.fromSeed(seed).getPublic()));
        return "PRIVATE+KEY+" + name + "+" + NoteKeys.keyIdHex(keyId) + "+" + Base64.getEncoder().encodeToString(key);
    }
}

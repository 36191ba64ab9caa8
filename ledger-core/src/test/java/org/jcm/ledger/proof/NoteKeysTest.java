package org.jcm.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jcm.ledger.proof.GoNoteVectors.ENOCH_VERIFIER;
import static org.jcm.ledger.proof.GoNoteVectors.PETER_SIGNER;
import static org.jcm.ledger.proof.GoNoteVectors.PETER_VERIFIER;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Key strings: the Go note package's vectors parse, every mangling of them is refused, new keys work. */
class NoteKeysTest {

    @Test
    void the_go_signer_key_derives_the_go_verifier_key() {
        NoteKeys.Signer signer = NoteKeys.signer(PETER_SIGNER);

        assertThat(signer.name()).isEqualTo("PeterNeumann");
        assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
        assertThat(signer.algorithm()).isEqualTo(NoteKeys.ED25519);
        assertThat(signer.verifierKey()).isEqualTo(PETER_VERIFIER);
        assertThat(NoteKeys.verifier(PETER_VERIFIER).verifierKey()).isEqualTo(PETER_VERIFIER);
        assertThat(NoteKeys.verifier(ENOCH_VERIFIER).keyId()).isEqualTo(0xaf0cfe78);
    }

    @Test
    void every_truncation_and_every_changed_character_of_the_go_verifier_key_is_refused() {
        byte[] key = PETER_VERIFIER.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i <= key.length; i++) {
            for (int j = i + 1; j <= key.length; j++) {
                if (i != 0 || j != key.length) {
                    String part = PETER_VERIFIER.substring(i, j);
                    assertThatThrownBy(() -> NoteKeys.verifier(part)).as(part).isInstanceOf(NoteFormatException.class);
                }
            }
        }
        for (int i = 0; i < key.length; i++) {
            byte[] changed = key.clone();
            changed[i]++;
            String mangled = new String(changed, StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> NoteKeys.verifier(mangled)).as(mangled).isInstanceOf(NoteFormatException.class);
        }
    }

    @Test
    void the_go_package_bad_keys_are_refused_a_wrong_length_and_an_unknown_algorithm() {
        assertThatThrownBy(() -> NoteKeys.verifier(
                "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                .isInstanceOf(NoteFormatException.class);
        byte[] longKey = new byte[34];
        longKey[0] = NoteKeys.ED25519;
        assertThatThrownBy(() -> NoteKeys.verifier("PeterNeumann+cc469956+" + Base64.getEncoder().encodeToString(longKey)))
                .isInstanceOf(NoteFormatException.class).hasMessageContaining("32-byte public key");
        assertThatThrownBy(() -> NoteKeys.verifier(
                "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(NoteFormatException.class).hasMessageContaining("unknown key algorithm 0x65");
    }

    @Test
    void every_truncation_and_every_changed_character_of_the_go_signer_key_is_refused_without_echoing_it() {
        byte[] key = PETER_SIGNER.getBytes(StandardCharsets.US_ASCII);
        String secret = PETER_SIGNER.substring(PETER_SIGNER.lastIndexOf("+A") + 1);
        for (int i = 0; i <= key.length; i++) {
            for (int j = i + 1; j <= key.length; j++) {
                if (i != 0 || j != key.length) {
                    String part = PETER_SIGNER.substring(i, j);
                    assertThatThrownBy(() -> NoteKeys.signer(part)).isInstanceOf(NoteFormatException.class);
                }
            }
        }
        for (int i = 0; i < key.length; i++) {
            byte[] changed = key.clone();
            changed[i]++;
            String mangled = new String(changed, StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> NoteKeys.signer(mangled)).isInstanceOf(NoteFormatException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret.substring(0, 20)));
        }
    }

    @Test
    void a_generated_key_signs_and_its_verifier_checks_and_a_changed_message_or_signature_fails() {
        for (int algorithm : new int[] {NoteKeys.ED25519, NoteKeys.COSIGNATURE_V1}) {
            NoteKeys.KeyStrings keys = NoteKeys.generate("jcm.local/ledger", algorithm);
            NoteKeys.Signer signer = NoteKeys.signer(keys.signerKey());
            NoteKeys.Verifier verifier = NoteKeys.verifier(keys.verifierKey());
            byte[] message = "hi".getBytes(StandardCharsets.UTF_8);
            byte[] sig = signer.sign(message);

            assertThat(signer.verifierKey()).isEqualTo(keys.verifierKey());
            assertThat(verifier.keyId()).isEqualTo(signer.keyId());
            assertThat(verifier.algorithm()).isEqualTo(algorithm);
            assertThat(Base64.getDecoder().decode(keys.verifierKey().split("\\+", 3)[2])[0]).isEqualTo((byte) algorithm);
            assertThat(verifier.verify(message, sig)).isTrue();
            assertThat(verifier.verify("ho".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
            assertThat(verifier.verify(message, Bytes.flip(sig, 0, 1))).isFalse();
            assertThat(verifier.verify(message, new byte[63])).isFalse();
            assertThat(NoteKeys.verifier(NoteKeys.generate("jcm.local/ledger", algorithm).verifierKey())
                    .verify(message, sig)).isFalse();
        }
    }

    @Test
    void the_key_id_is_the_first_four_bytes_of_sha_256_of_name_newline_algorithm_and_key() {
        NoteKeys.KeyStrings ledger = NoteKeys.generate("jcm.local/witness", NoteKeys.COSIGNATURE_V1);
        byte[] withAlgorithm = Base64.getDecoder().decode(ledger.verifierKey().split("\\+", 3)[2]);
        byte[] digest = MerkleHash.sha256("jcm.local/witness\n".getBytes(StandardCharsets.UTF_8), withAlgorithm);

        assertThat(ledger.verifierKey().split("\\+")[1]).isEqualTo(Bytes.hex(digest).substring(0, 8));
        assertThat(NoteKeys.keyIdHex(0xc74f20a3)).isEqualTo("c74f20a3");
        assertThat(NoteKeys.keyIdHex(0x0000002a)).isEqualTo("0000002a");
    }

    @Test
    void the_same_key_under_algorithms_0x01_and_0x04_has_different_key_ids() {
        byte[] encoded = Base64.getDecoder().decode(PETER_VERIFIER.substring(PETER_VERIFIER.lastIndexOf('+') + 1));
        byte[] publicKey = java.util.Arrays.copyOfRange(encoded, 1, encoded.length);

        assertThat(NoteKeys.keyId("PeterNeumann", NoteKeys.ED25519, publicKey)).isEqualTo(0xc74f20a3);
        assertThat(NoteKeys.keyId("PeterNeumann", NoteKeys.COSIGNATURE_V1, publicKey)).isNotEqualTo(0xc74f20a3);
    }

    @Test
    void key_names_with_spaces_plus_signs_or_control_characters_are_refused() {
        for (String name : new String[] {"", "a b", "a+b", "a\u00a0b", "a\u2003b", "a\tb", "a\nb", "a\u0001b"}) {
            assertThat(NoteKeys.isValidName(name)).as("'%s'", name).isFalse();
            assertThatThrownBy(() -> NoteKeys.generate(name, NoteKeys.ED25519)).isInstanceOf(NoteFormatException.class);
        }
        assertThat(NoteKeys.isValidName("jcm-registry.example/ledger")).isTrue();
        assertThatThrownBy(() -> NoteKeys.generate("x", 0x02)).isInstanceOf(NoteFormatException.class);
    }

    @Test
    void printing_a_signer_or_generated_keys_never_shows_the_private_key() {
        NoteKeys.KeyStrings keys = NoteKeys.generate("jcm.local/ledger", NoteKeys.ED25519);

        assertThat(keys.toString()).doesNotContain("PRIVATE").contains(keys.verifierKey());
        assertThat(NoteKeys.signer(keys.signerKey()).toString()).isEqualTo(
                "Signer[jcm.local/ledger+" + keys.verifierKey().split("\\+")[1] + "]");
    }
}

package org.jcm.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Checkpoint texts: the C2SP example, one spelling per checkpoint, and opening a signed checkpoint. */
class CheckpointTest {

    static final String C2SP_TEXT = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    static final String ROOT = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void the_c2sp_example_checkpoint_parses_and_prints_back_unchanged() {
        Checkpoint checkpoint = Checkpoint.parse(C2SP_TEXT);

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20_852_163L);
        assertThat(Base64.getEncoder().encodeToString(checkpoint.root()))
                .isEqualTo("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
        assertThat(checkpoint.text()).isEqualTo(C2SP_TEXT);
        assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
    }

    @Test
    void tree_sizes_that_are_not_plain_decimals_without_leading_zeros_are_refused() {
        assertRefused("o\n01\n" + ROOT + "\n", "no leading zeros");
        assertRefused("o\n00\n" + ROOT + "\n", "no leading zeros");
        assertRefused("o\n-1\n" + ROOT + "\n", "decimal number");
        assertRefused("o\n+1\n" + ROOT + "\n", "decimal number");
        assertRefused("o\n1.0\n" + ROOT + "\n", "decimal number");
        assertRefused("o\n 1\n" + ROOT + "\n", "decimal number");
        assertRefused("o\n\n" + ROOT + "\n", "decimal number");
        assertRefused("o\n١\n" + ROOT + "\n", "decimal number");
        assertRefused("o\n9223372036854775808\n" + ROOT + "\n", "at most 9223372036854775807");
        assertRefused("o\n12345678901234567890\n" + ROOT + "\n", "at most 19 digits");
        assertThat(Checkpoint.parse("o\n9223372036854775807\n" + ROOT + "\n").size()).isEqualTo(Long.MAX_VALUE);
        assertThat(Checkpoint.parse("o\n0\n" + ROOT + "\n").size()).isZero();
    }

    @Test
    void root_hashes_of_the_wrong_length_or_in_a_second_spelling_are_refused() {
        assertRefused("o\n1\n" + Base64.getEncoder().encodeToString(new byte[31]) + "\n", "32 bytes, got 31");
        assertRefused("o\n1\n" + Base64.getEncoder().encodeToString(new byte[33]) + "\n", "32 bytes, got 33");
        assertRefused("o\n1\n" + ROOT.replace("=", "") + "\n", "canonical base64");
        assertRefused("o\n1\n" + ROOT.substring(0, 42) + "B=\n", "canonical base64");
        assertRefused("o\n1\n" + Base64.getUrlEncoder().encodeToString(new byte[] {-1, -2, -3}).repeat(11) + "\n",
                "base64");
        assertRefused("o\n1\n\n", "32 bytes, got 0");
    }

    @Test
    void extension_lines_missing_lines_and_a_missing_final_newline_are_refused() {
        assertRefused("o\n1\n" + ROOT + "\nextension\n", "exactly three lines");
        assertRefused("o\n1\n" + ROOT + "\n\n", "exactly three lines");
        assertRefused("o\n1\n", "exactly three lines");
        assertRefused("o\n1\n" + ROOT, "ends with a newline");
        assertRefused("o\r\n1\n" + ROOT + "\n", "origin");
    }

    @Test
    void an_origin_that_is_not_a_key_name_is_refused() {
        assertRefused("\n1\n" + ROOT + "\n", "origin");
        assertRefused("my log\n1\n" + ROOT + "\n", "origin");
        assertRefused("a+b\n1\n" + ROOT + "\n", "origin");
    }

    @Test
    void a_signed_checkpoint_opens_with_the_log_key_and_ignores_cosignature_lines() {
        NoteKeys.Signer log = NoteKeys.signer(NoteKeys.generate("jcm.local/ledger", NoteKeys.ED25519).signerKey());
        NoteKeys.Signer witness = NoteKeys.signer(NoteKeys.generate("jcm.local/witness", NoteKeys.COSIGNATURE_V1)
                .signerKey());
        Checkpoint checkpoint = new Checkpoint("jcm.local/ledger", 3, new byte[32]);
        SignedNote note = checkpoint.sign(log)
                .withSignature(Cosignature.parse(Cosignature.sign(checkpoint, witness, 1_700_000_000L)).noteSignature());

        assertThat(Checkpoint.open(note.encode(), log.verifier())).isEqualTo(checkpoint);
        assertThat(note.signatures()).hasSize(2);
    }

    @Test
    void a_checkpoint_signed_by_another_key_or_under_another_origin_is_refused() {
        NoteKeys.Signer log = NoteKeys.signer(NoteKeys.generate("jcm.local/ledger", NoteKeys.ED25519).signerKey());
        NoteKeys.Signer other = NoteKeys.signer(NoteKeys.generate("jcm.local/ledger", NoteKeys.ED25519).signerKey());
        NoteKeys.Signer elsewhere = NoteKeys.signer(NoteKeys.generate("elsewhere", NoteKeys.ED25519).signerKey());
        Checkpoint checkpoint = new Checkpoint("jcm.local/ledger", 3, new byte[32]);
        String foreignOrigin = SignedNote.sign(checkpoint.text(), elsewhere).encode();

        assertThatThrownBy(() -> Checkpoint.open(checkpoint.sign(other).encode(), log.verifier()))
                .isInstanceOf(NoteVerificationException.class);
        assertThatThrownBy(() -> Checkpoint.open(foreignOrigin, elsewhere.verifier()))
                .isInstanceOf(NoteVerificationException.class).hasMessageContaining("is not the name of its signing key");
        assertThatThrownBy(() -> checkpoint.sign(elsewhere)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_checkpoint_keeps_its_own_copy_of_the_root() {
        byte[] root = new byte[32];
        Checkpoint checkpoint = new Checkpoint("o", 1, root);
        root[0] = 1;
        checkpoint.root()[1] = 1;

        assertThat(checkpoint.root()).isEqualTo(new byte[32]);
        assertThatThrownBy(() -> new Checkpoint("o", -1, new byte[32])).isInstanceOf(NoteFormatException.class);
    }

    private static void assertRefused(String text, String reason) {
        assertThatThrownBy(() -> Checkpoint.parse(text)).as(text).isInstanceOf(NoteFormatException.class)
                .hasMessageContaining(reason);
    }
}

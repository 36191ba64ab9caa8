package org.jcm.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jcm.ledger.proof.GoNoteVectors.ENOCH_SIG;
import static org.jcm.ledger.proof.GoNoteVectors.ENOCH_VERIFIER;
import static org.jcm.ledger.proof.GoNoteVectors.PETER_SIG;
import static org.jcm.ledger.proof.GoNoteVectors.PETER_SIGNER;
import static org.jcm.ledger.proof.GoNoteVectors.PETER_VERIFIER;
import static org.jcm.ledger.proof.GoNoteVectors.SIGNED_BY_PETER;
import static org.jcm.ledger.proof.GoNoteVectors.TEXT;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Signed notes: the Go and C2SP vectors, what verification ignores, and what it refuses. */
class SignedNoteTest {

    static final NoteKeys.Verifier PETER = NoteKeys.verifier(PETER_VERIFIER);
    static final NoteKeys.Verifier ENOCH = NoteKeys.verifier(ENOCH_VERIFIER);

    @Test
    void signing_the_go_text_with_the_go_key_gives_exactly_the_go_note() {
        SignedNote note = SignedNote.sign(TEXT, NoteKeys.signer(PETER_SIGNER));

        assertThat(note.encode()).isEqualTo(SIGNED_BY_PETER);
        assertThat(note.text()).isEqualTo(TEXT);
    }

    @Test
    void the_go_note_verifies_and_parses_into_text_and_signature() {
        SignedNote note = SignedNote.parse(SIGNED_BY_PETER);

        List<SignedNote.Signature> verified = note.verify(PETER);

        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(verified).hasSize(1);
        assertThat(verified.get(0).name()).isEqualTo("PeterNeumann");
        assertThat(verified.get(0).keyId()).isEqualTo(0xc74f20a3);
        assertThat(verified.get(0).signature()).hasSize(64);
        assertThat(note.encode()).isEqualTo(SIGNED_BY_PETER);
    }

    @Test
    void the_c2sp_signed_note_example_verifies() {
        NoteKeys.Verifier foo = NoteKeys.verifier(GoNoteVectors.C2SP_VERIFIER);

        assertThat(SignedNote.parse(GoNoteVectors.C2SP_NOTE).verify(foo)).hasSize(1);
    }

    @Test
    void lines_of_unknown_keys_are_ignored_and_each_known_key_is_checked() {
        SignedNote both = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);

        assertThat(both.signatures()).hasSize(2);
        assertThat(both.verify(PETER)).extracting(SignedNote.Signature::name).containsExactly("PeterNeumann");
        assertThat(both.verify(ENOCH)).extracting(SignedNote.Signature::name).containsExactly("EnochRoot");
        assertThat(both.verify(PETER, ENOCH)).extracting(SignedNote.Signature::name)
                .containsExactly("PeterNeumann", "EnochRoot");
    }

    @Test
    void a_note_with_no_known_key_is_refused() {
        SignedNote note = SignedNote.parse(TEXT + "\n" + ENOCH_SIG);
        NoteKeys.Verifier stranger = NoteKeys.verifier(NoteKeys.generate("PeterNeumann", NoteKeys.ED25519).verifierKey());

        assertThatThrownBy(() -> note.verify(PETER)).isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("no signature of a known key");
        assertThatThrownBy(() -> SignedNote.parse(SIGNED_BY_PETER).verify(stranger))
                .isInstanceOf(NoteVerificationException.class);
        assertThatThrownBy(() -> note.verify()).isInstanceOf(NoteVerificationException.class);
    }

    @Test
    void an_altered_text_is_refused() {
        SignedNote note = SignedNote.parse(SIGNED_BY_PETER.replace("cryptography", "Cryptography"));

        assertThatThrownBy(() -> note.verify(PETER)).isInstanceOf(NoteVerificationException.class)
                .hasMessageContaining("PeterNeumann+c74f20a3 does not verify");
    }

    @Test
    void an_altered_signature_of_a_known_key_is_refused_even_beside_a_valid_one() {
        String altered = PETER_SIG.replace("x08go/ZJkuBS9", "x08go/ZJkuBT9");

        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + altered).verify(PETER))
                .isInstanceOf(NoteVerificationException.class).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + ENOCH_SIG + altered).verify(PETER, ENOCH))
                .isInstanceOf(NoteVerificationException.class);
    }

    @Test
    void malformed_notes_are_refused_with_a_format_error() {
        String[] bad = {
            TEXT,
            TEXT + "\n",
            TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
            "\u0001" + TEXT + "\n" + PETER_SIG,
            "\ud800" + TEXT + "\n" + PETER_SIG,
            TEXT + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
            TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
            TEXT + "\n" + PETER_SIG.replace("AM=", "AM"),
            TEXT + "\n" + "\u2014 PeterNeumann AAAA\n",
            TEXT + "\n" + PETER_SIG.replace("\u2014 ", "- "),
        };
        for (String note : bad) {
            assertThatThrownBy(() -> SignedNote.parse(note)).as(note).isInstanceOf(NoteFormatException.class);
        }
    }

    @Test
    void a_note_with_more_than_100_signature_lines_is_refused() {
        assertThat(SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(100)).signatures()).hasSize(100);
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + PETER_SIG.repeat(101)))
                .isInstanceOf(NoteFormatException.class).hasMessageContaining("at most 100");
    }

    @Test
    void adding_a_signature_replaces_the_line_of_the_same_key() {
        SignedNote both = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        SignedNote.Signature peter = both.signatures().get(0);

        SignedNote again = both.withSignature(peter);

        assertThat(again.encode()).isEqualTo(TEXT + "\n" + ENOCH_SIG + PETER_SIG);
        assertThat(again.verify(PETER, ENOCH)).hasSize(2);
    }

    @Test
    void a_text_without_final_newline_or_a_cosignature_key_cannot_sign() {
        NoteKeys.Signer peter = NoteKeys.signer(PETER_SIGNER);
        NoteKeys.Signer witness = NoteKeys.signer(NoteKeys.generate("w", NoteKeys.COSIGNATURE_V1).signerKey());

        assertThatThrownBy(() -> SignedNote.sign("abc", peter)).isInstanceOf(NoteFormatException.class);
        assertThatThrownBy(() -> SignedNote.sign("", peter)).isInstanceOf(NoteFormatException.class);
        assertThatThrownBy(() -> SignedNote.sign(TEXT, witness)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cosignature.sign");
        assertThatThrownBy(() -> SignedNote.parse(SIGNED_BY_PETER).verify(witness.verifier()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignedNote.parse(SIGNED_BY_PETER).verify(PETER, PETER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share name and key id");
    }
}

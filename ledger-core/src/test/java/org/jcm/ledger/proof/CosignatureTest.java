package org.jcm.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Witness cosignatures (C2SP tlog-cosignature v1): the signed message, the line, and tampering. */
class CosignatureTest {

    static final NoteKeys.Signer WITNESS = NoteKeys.signer(
            NoteKeys.generate("jcm.local/witness", NoteKeys.COSIGNATURE_V1).signerKey());
    static final Checkpoint CHECKPOINT = Checkpoint.parse(CheckpointTest.C2SP_TEXT);

    @Test
    void the_signed_message_is_the_c2sp_header_the_time_line_and_the_checkpoint_text() {
        assertThat(new String(Cosignature.message(CHECKPOINT, 1_679_315_147L), StandardCharsets.UTF_8)).isEqualTo(
                "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n"
                        + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
    }

    @Test
    void the_c2sp_example_cosignature_line_parses_into_key_id_and_timestamp() {
        Cosignature cosignature = Cosignature.parse("\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/"
                + "zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==");

        assertThat(cosignature.witness()).isEqualTo("witness.example.com/w1");
        assertThat(cosignature.keyIdHex()).isEqualTo("8d66cf3f");
        assertThat(cosignature.timestamp()).isEqualTo(1_679_315_147L);
        assertThat(cosignature.signature()).hasSize(64);
    }

    @Test
    void a_cosignature_verifies_with_the_witness_key_and_has_the_c2sp_layout() {
        String line = Cosignature.sign(CHECKPOINT, WITNESS, 1_700_000_000L);
        byte[] bytes = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));

        assertThat(line).startsWith("\u2014 jcm.local/witness ");
        assertThat(bytes).hasSize(4 + 8 + 64);
        assertThat(Codec.int32(bytes, 0)).isEqualTo(WITNESS.keyId());
        assertThat(Bytes.hex(java.util.Arrays.copyOfRange(bytes, 4, 12))).isEqualTo("000000006553f100");
        assertThat(Cosignature.verify(line, CHECKPOINT, WITNESS.verifier())).isTrue();
        assertThat(Cosignature.verify(line + "\n", CHECKPOINT, WITNESS.verifier())).isTrue();
        assertThat(Cosignature.parse(line).line()).isEqualTo(line);
    }

    @Test
    void a_cosignature_does_not_verify_for_another_checkpoint_time_signature_or_key() {
        String line = Cosignature.sign(CHECKPOINT, WITNESS, 1_700_000_000L);
        Cosignature parsed = Cosignature.parse(line);
        Checkpoint otherSize = new Checkpoint(CHECKPOINT.origin(), CHECKPOINT.size() + 1, CHECKPOINT.root());
        Checkpoint otherRoot = new Checkpoint(CHECKPOINT.origin(), CHECKPOINT.size(), new byte[32]);
        String otherTime = new Cosignature(parsed.witness(), parsed.keyId(), 1_700_000_001L, parsed.signature()).line();
        String otherSignature = new Cosignature(parsed.witness(), parsed.keyId(), parsed.timestamp(),
                Bytes.flip(parsed.signature(), 7, 0x40)).line();
        NoteKeys.Verifier otherWitness = NoteKeys.verifier(
                NoteKeys.generate("jcm.local/witness", NoteKeys.COSIGNATURE_V1).verifierKey());

        assertThat(Cosignature.verify(line, otherSize, WITNESS.verifier())).isFalse();
        assertThat(Cosignature.verify(line, otherRoot, WITNESS.verifier())).isFalse();
        assertThat(Cosignature.verify(otherTime, CHECKPOINT, WITNESS.verifier())).isFalse();
        assertThat(Cosignature.verify(otherSignature, CHECKPOINT, WITNESS.verifier())).isFalse();
        assertThat(Cosignature.verify(line, CHECKPOINT, otherWitness)).isFalse();
        assertThat(Cosignature.verify("\u2014 jcm.local/witness AAAA", CHECKPOINT, WITNESS.verifier())).isFalse();
    }

    @Test
    void a_forged_cosignature_made_with_the_log_key_under_the_witness_name_does_not_verify() {
        NoteKeys.Signer log = NoteKeys.signer(NoteKeys.generate("jcm.local/witness", NoteKeys.ED25519).signerKey());
        byte[] sig = log.sign(Cosignature.message(CHECKPOINT, 5));
        String forged = new Cosignature("jcm.local/witness", WITNESS.keyId(), 5, sig).line();

        assertThat(Cosignature.verify(forged, CHECKPOINT, WITNESS.verifier())).isFalse();
        assertThatThrownBy(() -> Cosignature.sign(CHECKPOINT, log, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cosignature.verify(forged, CHECKPOINT, log.verifier()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lines_of_the_wrong_length_or_with_a_timestamp_beyond_2_to_the_63_are_refused() {
        byte[] bytes = new byte[4 + 8 + 64];
        bytes[4] = (byte) 0x80;
        String topBit = "\u2014 w " + Base64.getEncoder().encodeToString(bytes);
        String shortLine = "\u2014 w " + Base64.getEncoder().encodeToString(new byte[4 + 64]);

        assertThatThrownBy(() -> Cosignature.parse(topBit)).isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("2^63-1");
        assertThatThrownBy(() -> Cosignature.parse(shortLine)).isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("76 bytes");
        assertThatThrownBy(() -> Cosignature.sign(CHECKPOINT, WITNESS, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}

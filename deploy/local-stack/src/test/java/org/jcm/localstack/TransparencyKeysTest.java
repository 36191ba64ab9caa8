package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jcm.ledger.proof.NoteKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransparencyKeysTest {

    @Test
    void the_log_key_is_made_once_and_settlement_pins_its_verifier_key(@TempDir Path folder) throws Exception {
        Path keys = folder.resolve("keys");
        Map<String, String> registry = new TransparencyKeys(keys).registryEnvironment();
        Map<String, String> settlement = new TransparencyKeys(keys).settlementEnvironment();

        Path logKey = Path.of(registry.get("JCM_CHECKPOINT_SIGNING_KEY_FILE"));
        NoteKeys.Signer signer = NoteKeys.signer(Files.readString(logKey).strip());
        assertThat(signer.name()).isEqualTo("jcm.local/ledger");
        assertThat(signer.algorithm()).isEqualTo(NoteKeys.ED25519);
        assertThat(settlement.get("JCM_WITNESS_LOG_KEY")).isEqualTo(signer.verifierKey());
        assertThat(settlement).containsEntry("JCM_WITNESS_ENABLED", "true").containsEntry("JCM_WITNESS_ORIGIN",
                registry.get("JCM_CHECKPOINT_ORIGIN"));
        assertThat(Path.of(settlement.get("JCM_WITNESS_SIGNING_KEY_FILE")).getParent()).isEqualTo(logKey.getParent());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logKey))).isEqualTo("rw-------");
        assertThat(new TransparencyKeys(keys).settlementEnvironment().get("JCM_WITNESS_LOG_KEY"))
                .isEqualTo(signer.verifierKey());
    }
}

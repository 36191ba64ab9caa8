package org.jcm.ledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path folder;

    @Test
    void a_missing_file_is_created_once_readable_by_its_owner_and_then_read_as_it_is() throws Exception {
        Path file = folder.resolve("keys").resolve("log.key");
        KeyFile.Loaded first = KeyFile.load(file, "jcm.local/ledger", NoteKeys.ED25519, true);
        assertThat(first.created()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        KeyFile.Loaded again = KeyFile.load(file, "jcm.local/ledger", NoteKeys.ED25519, true);
        assertThat(again.created()).isFalse();
        assertThat(again.signer().verifierKey()).isEqualTo(first.signer().verifierKey());
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void a_missing_file_without_generating_and_a_key_of_another_name_or_algorithm_are_refused() {
        Path file = folder.resolve("witness.key");
        assertThatThrownBy(() -> KeyFile.load(file, "jcm.local/witness", NoteKeys.COSIGNATURE_V1, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
        KeyFile.load(file, "jcm.local/witness", NoteKeys.COSIGNATURE_V1, true);
        assertThatThrownBy(() -> KeyFile.load(file, "other/witness", NoteKeys.COSIGNATURE_V1, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("named other/witness");
        assertThatThrownBy(() -> KeyFile.load(file, "jcm.local/witness", NoteKeys.ED25519, false))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("PRIVATE+KEY");
    }
}

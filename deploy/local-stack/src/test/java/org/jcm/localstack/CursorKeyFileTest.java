package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorKeyFileTest {

    @Test
    void the_key_is_generated_once_as_32_bytes_of_base64_readable_by_its_owner_only(@TempDir Path folder) throws Exception {
        Path file = new DataFolder(folder).cursorKey();

        String first = CursorKeyFile.environment(file).get("JCM_PAGING_CURSOR_KEY");
        String second = CursorKeyFile.environment(file).get("JCM_PAGING_CURSOR_KEY");

        assertThat(second).isEqualTo(first);
        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}

package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {

    @Test
    void a_folder_holding_other_files_is_refused_so_that_fresh_never_wipes_it(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("thesis.tex"), "precious");

        assertThatThrownBy(() -> new DataFolder(root).prepare())
                .isInstanceOfSatisfying(StackException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(StackException.BAD_DATA_FOLDER))
                .hasMessageContaining("thesis.tex");
        assertThat(root.resolve("thesis.tex")).exists();
    }

    @Test
    void a_folder_that_embedded_main_used_is_adopted(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("postgres"));
        Files.createDirectories(root.resolve("kafka"));

        new DataFolder(root).prepare();

        assertThat(root.resolve(DataFolder.MARKER)).exists();
        assertThat(root.resolve("logs")).isDirectory();
    }

    @Test
    void wiping_deletes_everything_but_the_lock_and_the_marker(@TempDir Path root) throws Exception {
        DataFolder folder = new DataFolder(root);
        folder.prepare();
        Files.createDirectories(folder.postgres().resolve("base"));
        Files.writeString(folder.postgres().resolve("base").resolve("1"), "data");
        Files.writeString(folder.tokensFile(), "JCM_TOKEN_OPERATOR=x");
        Files.writeString(folder.lockFile(), "pid=1");

        assertThat(folder.wipe()).isTrue();

        try (var entries = Files.list(root)) {
            assertThat(entries.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(DataFolder.MARKER, "stack.lock");
        }
        assertThat(folder.isNew()).isTrue();
        folder.prepare();
        assertThat(folder.wipe()).as("nothing but an empty logs folder to wipe").isFalse();
    }
}

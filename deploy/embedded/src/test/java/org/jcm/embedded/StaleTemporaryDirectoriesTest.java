package org.jcm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tests that only abandoned temporary directories are swept. */
class StaleTemporaryDirectoriesTest {

    private final String prefix = "jcm-sweep-test-" + UUID.randomUUID() + "-";
    private final List<Path> created = new ArrayList<>();

    @AfterEach
    void removeWhatIsLeft() {
        created.forEach(Directories::deleteRecursively);
    }

    @Test
    void an_old_unlocked_directory_is_swept_after_its_leftovers_are_handled() throws Exception {
        Path abandoned = directory("abandoned", Duration.ofHours(1));
        List<Path> handled = new ArrayList<>();

        StaleTemporaryDirectories.sweep(prefix, "lock", handled::add);

        assertThat(handled).containsExactly(abandoned);
        assertThat(abandoned).doesNotExist();
    }

    @Test
    void a_directory_whose_lock_is_held_is_kept() throws Exception {
        Path inUse = directory("in-use", Duration.ofHours(1));
        try (FileChannel channel = FileChannel.open(inUse.resolve("lock"), StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            StaleTemporaryDirectories.sweep(prefix, "lock", path -> { });
            assertThat(lock.isValid()).isTrue();
        }
        assertThat(inUse).exists();
    }

    @Test
    void a_young_directory_is_kept_because_its_server_may_still_be_starting() throws Exception {
        Path starting = directory("starting", Duration.ofSeconds(5));

        StaleTemporaryDirectories.sweep(prefix, "lock", path -> { });

        assertThat(starting).exists();
    }

    private Path directory(String name, Duration age) throws Exception {
        Path directory = Files.createDirectory(Path.of(System.getProperty("java.io.tmpdir"), prefix + name));
        created.add(directory);
        Files.writeString(directory.resolve("lock"), "");
        Files.setLastModifiedTime(directory, FileTime.from(Instant.now().minus(age)));
        return directory;
    }
}

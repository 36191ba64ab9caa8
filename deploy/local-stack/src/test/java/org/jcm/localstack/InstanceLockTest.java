package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {

    @Test
    void a_second_start_on_a_locked_folder_is_refused_naming_the_running_launcher(@TempDir Path folder) {
        Path file = folder.resolve("stack.lock");
        try (InstanceLock lock = InstanceLock.acquire(file)) {
            lock.put("registry.url", "http://localhost:8080");

            assertThatThrownBy(() -> InstanceLock.acquire(file))
                    .isInstanceOfSatisfying(StackException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(StackException.ALREADY_RUNNING))
                    .hasMessageContaining("already running")
                    .hasMessageContaining("launcher pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("http://localhost:8080");
        }
    }

    @Test
    void stopping_removes_the_lock_file_and_frees_the_folder(@TempDir Path folder) {
        Path file = folder.resolve("stack.lock");
        InstanceLock.acquire(file).close();

        assertThat(file).doesNotExist();
        try (InstanceLock again = InstanceLock.acquire(file)) {
            assertThat(again.previous()).isEmpty();
        }
    }

    @Test
    void a_lock_file_left_by_a_killed_launcher_is_taken_over_and_its_record_is_read(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("stack.lock");
        Files.writeString(file, "pid=999999\nregistry-api.pid=999998\n");

        try (InstanceLock lock = InstanceLock.acquire(file)) {
            assertThat(lock.previous()).containsEntry("pid", "999999").containsEntry("registry-api.pid", "999998");
            assertThat(Files.readString(file)).contains("pid=" + ProcessHandle.current().pid()).doesNotContain("999998");
        }
    }
}

package org.jcm.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Removes temporary directories left by JVMs that were killed before they could close their
 * servers (a test run stopped with SIGKILL, for one), so that such runs do not pile up
 * postmasters and disk space on a shared machine.
 */
final class StaleTemporaryDirectories {

    /** Younger directories may belong to a server that is still starting and has not locked them yet. */
    private static final Duration MINIMUM_AGE = Duration.ofMinutes(10);

    private StaleTemporaryDirectories() {
    }

    /**
     * Deletes the directories in the temporary directory whose name starts with the prefix, that
     * are old enough, and whose lock file no live process holds; {@code beforeDelete} may stop
     * what still runs on one.
     */
    static void sweep(String prefix, String lockFileName, Consumer<Path> beforeDelete) {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> candidates;
        try (Stream<Path> children = Files.list(temporary)) {
            candidates = children.filter(path -> path.getFileName().toString().startsWith(prefix))
                    .filter(Files::isDirectory)
                    .toList();
        } catch (IOException e) {
            return;
        }
        for (Path directory : candidates) {
            if (isOldEnough(directory) && !isLocked(directory.resolve(lockFileName))) {
                try {
                    beforeDelete.accept(directory);
                    Directories.deleteRecursively(directory);
                } catch (RuntimeException e) {
                    // Someone else's leftovers are not worth failing a start over.
                }
            }
        }
    }

    private static boolean isOldEnough(Path directory) {
        try {
            Instant modified = Files.getLastModifiedTime(directory).toInstant();
            return modified.isBefore(Instant.now().minus(MINIMUM_AGE));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isLocked(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            // Unreadable: leave it alone.
            return true;
        }
    }
}

package org.jcm.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stops what a killed launcher left running, before the ports are checked: the services its lock
 * file names, and the PostgreSQL server its data directory's {@code postmaster.pid} names. A
 * process counts as ours only if its command line names this data folder, so a reused process id
 * never gets another program stopped. (Kafka ran inside the launcher and died with it.)
 */
final class Leftovers {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private Leftovers() {
    }

    static void stop(Map<String, String> previous, DataFolder folder, Progress progress) {
        String marker = "-D" + ServiceProcess.DATA_MARKER_PROPERTY + "=" + folder.root();
        previous.forEach((key, value) -> {
            if (key.endsWith(".pid")) {
                String service = key.substring(0, key.length() - ".pid".length());
                InstanceLock.parsePid(value).flatMap(ProcessHandle::of)
                        .filter(process -> commandLine(process).map(line -> line.contains(marker)).orElse(false))
                        .ifPresent(process -> stop(service, process, "TERM", progress));
            }
        });
        if (inUseByLiveJvm(folder.postgres())) {
            // Another JVM (EmbeddedMain, say) runs this server; the start will say the directory is in use.
            return;
        }
        postmasterPid(folder.postgres()).flatMap(ProcessHandle::of)
                .filter(process -> commandLine(process).map(line -> line.contains("/postgres ")
                        && line.contains(" -D " + folder.postgres() + " ")).orElse(false))
                // SIGINT is PostgreSQL's fast shutdown: open sessions end, committed data stay.
                .ifPresent(process -> stop("PostgreSQL", process, "INT", progress));
    }

    private static void stop(String what, ProcessHandle process, String signal, Progress progress) {
        if (!isRunning(process)) {
            return;
        }
        progress.step("Stopping " + what + " (pid " + process.pid() + "), left running by a launcher that was killed");
        signal(process.pid(), signal);
        if (!awaitExit(process, GRACE)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            awaitExit(process, Duration.ofSeconds(10));
        }
    }

    /** zonky holds a file lock on {@code epg-lock} while its JVM runs the server; the lock dies with the JVM. */
    private static boolean inUseByLiveJvm(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("epg-lock");
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
            return false;
        }
    }

    private static Optional<Long> postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : InstanceLock.parsePid(lines.get(0));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The full command line, arguments separated by spaces and followed by one: /proc has it untruncated. */
    private static Optional<String> commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return Optional.of(new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' '));
            }
        } catch (IOException e) {
            // Gone meanwhile, or not ours to read: fall back to the JDK.
        }
        return process.info().commandLine().map(line -> line + " ");
    }

    /** A zombie (exited, not yet reaped by init) counts as stopped: it holds no port and no file. */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            int afterName = stat.lastIndexOf(')');
            char state = afterName >= 0 && afterName + 2 < stat.length() ? stat.charAt(afterName + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return process.isAlive();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process);
            }
        }
        return true;
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

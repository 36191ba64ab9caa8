package org.jcm.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Reads the {@code postmaster.pid} file of a data directory and clears one left behind by a
 * previous run that was killed.
 */
final class PostmasterPidFile {

    private static final String FILE_NAME = "postmaster.pid";
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(15);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final Path dataDirectory;

    PostmasterPidFile(Path dataDirectory) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
    }

    /** The process id written by the running (or last) postmaster, if the file exists. */
    OptionalLong pid() {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(FILE_NAME));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The live postmaster process of this data directory, if there is one. */
    Optional<ProcessHandle> livePostmaster() {
        OptionalLong pid = pid();
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong())
                .filter(Processes::isRunning)
                .filter(this::isPostgresOfThisDirectory);
    }

    /**
     * Makes the data directory startable after a previous run died without stopping its server.
     * A postmaster that outlived its JVM is shut down (fast mode, then killed if it hangs); a pid
     * file naming a dead or unrelated process is removed. PostgreSQL would itself ignore a pid
     * file of a dead process, but not one whose pid has been reused by another process, which is
     * common after a container restart, so the file is removed here in both cases.
     */
    void clearLeftovers() {
        Optional<ProcessHandle> orphan = livePostmaster();
        if (orphan.isPresent()) {
            stop(orphan.get());
        }
        try {
            Files.deleteIfExists(dataDirectory.resolve(FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops a postmaster: SIGINT asks for a fast shutdown, SIGKILL follows if it does not end. */
    static void stop(ProcessHandle postmaster) {
        signal(postmaster.pid(), "INT");
        if (awaitExit(postmaster, FAST_SHUTDOWN_WAIT)) {
            return;
        }
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        if (!awaitExit(postmaster, KILL_WAIT)) {
            throw new IllegalStateException("PostgreSQL process " + postmaster.pid() + " did not stop");
        }
    }

    private boolean isPostgresOfThisDirectory(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        boolean isPostgres = info.command().map(c -> c.endsWith("/postgres")).orElse(false);
        boolean isThisDirectory = info.arguments()
                .map(args -> List.of(args).contains(dataDirectory.toString()))
                .orElse(false);
        return isPostgres && isThisDirectory;
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling PostgreSQL", e);
        }
    }

    /**
     * Waits for a process to end, polling: the postmaster is not our child once pg_ctl has
     * exited, and the JDK polls the exit of such processes only every second or so.
     */
    static boolean awaitExit(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (Processes.isRunning(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !Processes.isRunning(process);
            }
        }
        return true;
    }
}

package org.jcm.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stops services that a killed launcher left running. Its lock file still names their process ids;
 * a process counts as ours only if its command line carries this data folder's marker property, so
 * a reused process id never gets another program killed. (PostgreSQL's leftovers are handled by
 * the embedded server itself, Kafka runs inside the launcher and died with it.)
 */
final class Leftovers {

    private Leftovers() {
    }

    static void stop(Map<String, String> previous, Path dataFolder, Progress progress) {
        String marker = "-D" + ServiceProcess.DATA_MARKER_PROPERTY + "=" + dataFolder;
        previous.forEach((key, value) -> {
            if (!key.endsWith(".pid")) {
                return;
            }
            String service = key.substring(0, key.length() - ".pid".length());
            InstanceLock.parsePid(value).flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> commandLine(process).map(line -> line.contains(marker)).orElse(false))
                    .ifPresent(process -> {
                        progress.step("Stopping " + service + " (pid " + process.pid() + ") left running by a killed launcher");
                        process.destroy();
                        process.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).join();
                        if (process.isAlive()) {
                            process.destroyForcibly();
                            process.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
                        }
                    });
        });
    }

    /** The full command line: /proc has it untruncated on Linux; elsewhere the JDK's view. */
    private static Optional<String> commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return Optional.of(new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' '));
            }
        } catch (IOException e) {
            // Gone meanwhile, or not ours to read: fall back to the JDK.
        }
        return process.info().commandLine();
    }
}

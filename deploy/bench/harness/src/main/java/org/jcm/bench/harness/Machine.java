package org.jcm.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Where and on what a run took place: cores, CPU model, memory, load average at the start,
 * Java, and the commit of the checkout (with a note when it has uncommitted changes).
 */
record Machine(int cores, String cpuModel, String memory, String loadAverage, String java, String commit, String branch,
               Instant startedAt) {

    static Machine describe(Path projectDirectory) {
        String commit = git(projectDirectory, "rev-parse", "--short=12", "HEAD");
        String dirty = git(projectDirectory, "status", "--porcelain", "--untracked-files=no");
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemory(), readLoadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                commit.isEmpty() ? "unknown" : commit + (dirty.isEmpty() ? "" : " (with uncommitted changes)"),
                git(projectDirectory, "rev-parse", "--abbrev-ref", "HEAD"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** One line for the report. */
    String line() {
        return String.format(Locale.ROOT, "nproc %d, %s, %s memory, load average at start %s; %s; commit %s%s; %s",
                cores, cpuModel, memory, loadAverage, java, commit, branch.isEmpty() ? "" : " on " + branch, startedAt);
    }

    /** The current 1-, 5- and 15-minute load averages. */
    static String readLoadAverage() {
        List<String> fields = List.of(read("/proc/loadavg").trim().split("\\s+"));
        return fields.size() >= 3 ? String.join(" ", fields.subList(0, 3)) : "unknown";
    }

    private static String readCpuModel() {
        for (String line : read("/proc/cpuinfo").split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    private static String readMemory() {
        for (String line : read("/proc/meminfo").split("\n")) {
            if (line.startsWith("MemTotal:")) {
                long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.0f GiB", kib / 1024.0 / 1024.0);
            }
        }
        return "unknown";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String git(Path directory, String... arguments) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return "";
            }
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}

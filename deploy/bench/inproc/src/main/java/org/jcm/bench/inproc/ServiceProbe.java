package org.jcm.bench.inproc;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link WritePathBench} reads about the service under load: its metrics ({@code /q/metrics}, management port),
 * and, from {@code /proc}, the CPU time of the service, of PostgreSQL and of the load generator
 * and the service's resident memory; {@code jcmd} starts and stops its JFR recording.
 */
final class ServiceProbe {

    private final HttpClient client;
    private final String base;

    ServiceProbe(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    /** The sum of every series of one metric in /q/metrics (0 if absent). */
    double metric(String name) {
        double sum = 0;
        try {
            String body = client.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : body.split("\n")) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException | InterruptedException | NumberFormatException e) {
            WritePathBench.log("metrics unavailable: %s", e);
        }
        return sum;
    }

    /** The writer's batch count, command count and commit seconds from /q/metrics (zeros if absent). */
    double[] writerBatches() {
        double[] out = new double[3];
        try {
            String body = client.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : body.split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                if (space < 0) {
                    continue;
                }
                String name = line.substring(0, space);
                double value = Double.parseDouble(line.substring(space + 1));
                if (name.startsWith("jcm_writer_batch_commands_count")) {
                    out[0] = value;
                } else if (name.startsWith("jcm_writer_batch_commands_sum")) {
                    out[1] = value;
                } else if (name.startsWith("jcm_writer_commit_seconds_sum")) {
                    out[2] = value;
                }
            }
        } catch (IOException | InterruptedException | NumberFormatException e) {
            WritePathBench.log("metrics unavailable: %s", e);
        }
        return out;
    }

    /** Clock ticks per second of /proc/[pid]/stat (USER_HZ, 100 on Linux). */
    static final int TICKS_PER_SECOND = 100;

    /** User plus system CPU of a process, in clock ticks (0 if it is gone). */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Paths.get("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state ppid ... utime is field 14 of the whole line, index 11 here
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU of the postmaster and its children (backends, WAL writer, checkpointer, ...). */
    static long postgresCpuTicks(long postmasterPid) {
        long total = cpuTicks(postmasterPid);
        try (var dirs = Files.list(Paths.get("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == postmasterPid) {
                        total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    /** CPU time of this JVM, the load generator. */
    static long benchCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The resident memory of a process, in KiB (0 if it is gone). */
    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** Runs {@code jcmd} on a process and logs its answer. */
    static void jcmd(long pid, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        WritePathBench.log("jcmd %s: %s", String.join(" ", args), out.trim().replace('\n', ' '));
    }
}

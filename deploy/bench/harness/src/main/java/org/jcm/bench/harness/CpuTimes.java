package org.jcm.bench.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time (user and system, milliseconds) used so far by registry-api, by PostgreSQL (the
 * postmaster, its live backends, and the backends it has reaped) and by the load generator (the
 * HTTP client's Vert.x threads and the thread that runs the phase; not the Kafka broker, which
 * shares the harness JVM). Differences over a phase, divided by the work done, give CPU per
 * request: a figure that, unlike wall-clock throughput, hardly depends on what else runs on the
 * machine, and that shows whether the load generator took a large share of the cores.
 */
record CpuTimes(long registryMillis, long postgresMillis, long generatorMillis) {

    /** Linux's USER_HZ, the unit of the times in {@code /proc/<pid>/stat}; 100 on every common kernel. */
    private static final long TICKS_PER_SECOND = 100;

    static CpuTimes read(long registryPid, long postmasterPid) {
        long postgres = ticks(postmasterPid, true).orElse(0);
        postgres += ProcessHandle.of(postmasterPid).stream().flatMap(ProcessHandle::descendants)
                .mapToLong(child -> ticks(child.pid(), false).orElse(0)).sum();
        return new CpuTimes(millis(ticks(registryPid, false).orElse(0)), millis(postgres), readGeneratorMillis());
    }

    /** CPU time of the Vert.x threads (event loops of the load generator's HTTP client) and of the calling thread. */
    private static long readGeneratorMillis() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return 0;
        }
        long nanos = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread == Thread.currentThread() || thread.getName().startsWith("vert.x-")) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return nanos / 1_000_000;
    }

    CpuTimes minus(CpuTimes earlier) {
        return new CpuTimes(registryMillis - earlier.registryMillis, postgresMillis - earlier.postgresMillis,
                generatorMillis - earlier.generatorMillis);
    }

    private static long millis(long ticks) {
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    private static OptionalLong ticks(long pid, boolean withReapedChildren) {
        try {
            return parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII),
                    withReapedChildren);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * utime + stime (fields 14 and 15 of {@code /proc/<pid>/stat}), plus cutime + cstime (16 and 17,
     * children it has waited for) if asked; the command name (field 2) may hold spaces and parentheses.
     */
    static OptionalLong parseStat(String stat, boolean withReapedChildren) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return OptionalLong.empty();
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        if (fields.length < 15) {
            return OptionalLong.empty();
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return OptionalLong.of(ticks);
    }
}

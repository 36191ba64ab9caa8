package org.jcm.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time (user and system, milliseconds) used so far by registry-api, by PostgreSQL (the
 * postmaster, its live backends, and the backends it has reaped) and by the harness JVM (the load
 * generator and the embedded Kafka broker). Differences over a phase, divided by the work done,
 * give CPU per request: a figure that, unlike wall-clock throughput, hardly depends on what else
 * runs on the machine.
 */
record CpuTimes(long registryMillis, long postgresMillis, long harnessMillis) {

    /** Linux's USER_HZ, the unit of the times in {@code /proc/<pid>/stat}; 100 on every common kernel. */
    private static final long TICKS_PER_SECOND = 100;

    static CpuTimes read(long registryPid, long postmasterPid) {
        long postgres = ticks(postmasterPid, true).orElse(0);
        postgres += ProcessHandle.of(postmasterPid).stream().flatMap(ProcessHandle::descendants)
                .mapToLong(child -> ticks(child.pid(), false).orElse(0)).sum();
        return new CpuTimes(millis(ticks(registryPid, false).orElse(0)), millis(postgres),
                millis(ticks(ProcessHandle.current().pid(), false).orElse(0)));
    }

    CpuTimes minus(CpuTimes earlier) {
        return new CpuTimes(registryMillis - earlier.registryMillis, postgresMillis - earlier.postgresMillis,
                harnessMillis - earlier.harnessMillis);
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

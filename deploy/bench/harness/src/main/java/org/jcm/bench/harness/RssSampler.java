package org.jcm.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a process's resident set size ({@code VmRSS} in {@code /proc/<pid>/status}) every
 * 200 ms on a daemon thread and keeps the peak since the last {@link #resetPeak()}.
 */
final class RssSampler implements AutoCloseable {

    private final long pid;
    private final AtomicLong peakKib = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    RssSampler(long pid) {
        this.pid = pid;
        this.thread = new Thread(this::sample, "rss-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    /** The peak since the last reset, in KiB (0 if nothing could be read). */
    long resetPeak() {
        long peak = peakKib.getAndSet(0);
        current().ifPresent(kib -> peakKib.accumulateAndGet(kib, Math::max));
        return peak;
    }

    /** VmRSS now, in KiB. */
    OptionalLong current() {
        try {
            return parseVmRss(Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The {@code VmRSS:} line of a {@code /proc/<pid>/status} text, in KiB. */
    static OptionalLong parseVmRss(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return OptionalLong.of(Long.parseLong(line.substring(6).replace("kB", "").trim()));
            }
        }
        return OptionalLong.empty();
    }

    private void sample() {
        while (running) {
            current().ifPresent(kib -> peakKib.accumulateAndGet(kib, Math::max));
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

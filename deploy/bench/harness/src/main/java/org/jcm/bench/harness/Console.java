package org.jcm.bench.harness;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines on the console, each prefixed with the seconds since the run started. */
final class Console {

    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    Console(PrintStream out) {
        this.out = out;
    }

    void step(String text) {
        synchronized (out) {
            out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - startNanos) / 1e9, text);
            out.flush();
        }
    }

    void plain(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}

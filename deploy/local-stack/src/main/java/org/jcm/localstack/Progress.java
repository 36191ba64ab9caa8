package org.jcm.localstack;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Console progress lines, each prefixed with the seconds since the launcher started. Public for
 * the fault harness, which prints its steps and {@link DemoData}'s on the same clock.
 */
public final class Progress {

    private final PrintStream out;
    private final long startNanos;

    public Progress(PrintStream out) {
        this.out = out;
        this.startNanos = System.nanoTime();
    }

    /** Prints one step. */
    public void step(String text) {
        line(text);
    }

    /** Prints a problem that does not stop the stack. */
    void warn(String text) {
        line("WARNING: " + text);
    }

    /** Prints text as it is, without a time prefix (summaries, tokens). */
    void plain(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }

    /** Seconds since the launcher started, for "ready in" messages. */
    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void line(String text) {
        synchronized (out) {
            out.printf(Locale.ROOT, "[%5.1fs] %s%n", elapsedSeconds(), text);
            out.flush();
        }
    }
}

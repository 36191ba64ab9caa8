package org.jcm.cli;

import java.io.PrintWriter;

/**
 * A progress bar on standard error, drawn only when jcm runs on a terminal (so that a redirected
 * or captured error stream gets no carriage returns), e.g. {@code ledger [########          ] 41%
 * 41000/100000}; without a known total it counts.
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean shown;
    private long done;

    private Progress(PrintWriter err, String label, long total, boolean shown) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.shown = shown;
    }

    /** A bar for {@code total} steps (0 when unknown), shown when the console is a terminal. */
    static Progress of(PrintWriter err, String label, long total) {
        return new Progress(err, label, total, System.console() != null);
    }

    /** The same bar, never drawn. */
    Progress hidden() {
        return new Progress(err, label, total, false);
    }

    /** Counts {@code steps} more and redraws. */
    void step(long steps) {
        done += steps;
        if (shown) {
            err.print("\r" + line());
            err.flush();
        }
    }

    /** Ends the bar's line. */
    void done() {
        if (shown) {
            err.println();
            err.flush();
        }
    }

    String line() {
        if (total <= 0) {
            return label + " " + done;
        }
        int filled = (int) Math.min(WIDTH, done * WIDTH / total);
        return label + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + Math.min(100, done * 100 / total) + "% " + done + "/" + total;
    }
}

package org.jcm.bench.harness;

/**
 * What became of one request.
 *
 * @param completedNanos when the answer was complete (or the failure known), on the load loop's clock
 * @param units what the request did when it succeeded: 1 for a single request, the accepted items of a batch
 * @param failedUnits units that failed: 1 for a failed single request, the refused items of a batch
 * @param error why it failed (HTTP status and problem code, or the I/O error), or null if nothing failed
 */
record Outcome(long completedNanos, int units, int failedUnits, String error) {

    Outcome {
        if (units < 0 || failedUnits < 0) {
            throw new IllegalArgumentException("negative units");
        }
        if ((failedUnits > 0) != (error != null)) {
            throw new IllegalArgumentException("an error needs failed units and failed units need an error");
        }
    }

    static Outcome success(long completedNanos, int units) {
        return new Outcome(completedNanos, units, 0, null);
    }

    static Outcome failure(long completedNanos, String error) {
        return new Outcome(completedNanos, 0, 1, error);
    }
}

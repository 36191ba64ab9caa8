package org.jcm.bench.harness;

/**
 * One line of the result table: a measured phase and its verdict.
 *
 * @param scenario the scenario's name
 * @param mode "closed" or "open"
 * @param load clients (closed loop) or the arrival rate (open loop), as text
 * @param throughput units done per second
 * @param unit what a unit is ("req/s", "transfers/s")
 * @param p50Millis median latency
 * @param p99Millis 99th percentile
 * @param p999Millis 99.9th percentile
 * @param failedUnits units that failed
 * @param totalUnits units attempted
 * @param cpu CPU time used during the phase (registry-api, PostgreSQL, load generator)
 * @param target the target that applies, or "" if none
 * @param verdict PASS, FAIL or "" when there is no target
 */
record Row(String scenario, String mode, String load, double throughput, String unit, double p50Millis, double p99Millis,
           double p999Millis, long failedUnits, long totalUnits, CpuTimes cpu, String target, String verdict) {

    Row withCheck(String target, boolean met) {
        return new Row(scenario, mode, load, throughput, unit, p50Millis, p99Millis, p999Millis, failedUnits, totalUnits,
                cpu, target, met ? "PASS" : "FAIL");
    }

    Row withTarget(String target) {
        return new Row(scenario, mode, load, throughput, unit, p50Millis, p99Millis, p999Millis, failedUnits, totalUnits,
                cpu, target, "");
    }

    /** Whether errors stay at or below 0.1 % of the units attempted, the most a passing phase may have. */
    boolean errorsAcceptable() {
        return failedUnits * 1000 <= totalUnits;
    }
}

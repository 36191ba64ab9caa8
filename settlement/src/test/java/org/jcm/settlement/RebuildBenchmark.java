package org.jcm.settlement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.jcm.settlement.testing.TestLedger.A;
import static org.jcm.settlement.testing.TestLedger.C;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.id.AccountId;
import org.jcm.settlement.testing.Await;
import org.jcm.settlement.testing.TestLedger;
import org.jcm.testsupport.Management;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures rebuild speed (events/s) and live commit-to-feed lag at a steady rate of priced
 * transfers. Not a test: it runs only with {@code -Djcm.bench=true} (see docs/performance.md)
 * and prints its figures; timing assertions do not belong in tests.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "jcm.bench", matches = "true")
class RebuildBenchmark {

    static final int VINTAGE = 2090;

    @Test
    void measure_rebuild_speed_and_live_lag() {
        int events = Integer.getInteger("jcm.bench.events", 200_000);
        int liveRate = Integer.getInteger("jcm.bench.rate", 1_000);
        int liveSeconds = Integer.getInteger("jcm.bench.seconds", 10);
        TestLedger ledger = TestLedger.get();
        Instant start = Instant.parse("2025-11-01T00:00:00Z");
        ledger.issue(start, VINTAGE, C, 100);
        long first = ledger.head() + 1;
        for (int i = 0; i < events; i++) {
            applyTransfer(ledger, start.plusMillis(i * 10L), i);
        }
        ledger.publishRange(first, ledger.head());
        long loadBegan = System.nanoTime();
        waitFor(ledger.head(), -1);
        System.out.printf("FIRST APPLY: %d events in %.2f s%n", ledger.head(),
                (System.nanoTime() - loadBegan) / 1e9);
        printMetrics("settlement_batch_apply");

        long head = ledger.head();
        long generation = given().when().get("/api/v1/status").then().extract().jsonPath().getLong("generation");
        long began = System.nanoTime();
        double postgresBefore = postgresCpuSeconds();
        System.out.println("REBUILD REQUESTED at " + java.time.Instant.now());
        given().auth().oauth2(TestTokens.operator()).when().post("/api/v1/admin/rebuild").then().statusCode(202);
        System.out.println("REBUILD ACCEPTED at " + java.time.Instant.now());
        double readerBefore = threadCpuSeconds("settlement-ledger-consumer")
                + threadCpuSeconds("settlement-ledger-decoder-");
        // The start of a rebuild (wipe, a new Kafka consumer, the first fetch) apart from the streaming.
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(5)).until(() -> {
            JsonPath status = given().when().get("/api/v1/status").then().extract().jsonPath();
            return status.getLong("generation") == generation + 1 && status.getLong("lastAppliedSeq") > 0;
        });
        double firstBatch = (System.nanoTime() - began) / 1e9;
        waitFor(head, generation + 1);
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("REBUILD START: first batch applied %.2f s after the request%n", firstBatch);
        System.out.printf("REBUILD: %d events in %.2f s = %.0f events/s%n", head, seconds, head / seconds);
        // Wall time depends on what else runs on the machine; CPU time does not, so it tells what
        // each stage would manage with a core of its own.
        double reader = threadCpuSeconds("settlement-ledger-consumer")
                + threadCpuSeconds("settlement-ledger-decoder-") - readerBefore;
        double writer = threadCpuSeconds("settlement-ledger-writer");
        double postgres = postgresCpuSeconds() - postgresBefore;
        System.out.printf("REBUILD CPU: reader and decoders %.2f s, writer %.2f s, PostgreSQL %.2f s;"
                + " all %.2f s = %.0f events per CPU-second%n", reader, writer, postgres, reader + writer + postgres,
                head / (reader + writer + postgres));

        // Live: priced transfers at a steady rate, each stamped with the time it is published, as
        // the registry stamps commits; the service's own timer measures commit to feed.
        // Quantiles of the live phase alone, from the timer's histogram buckets before and after it:
        // the timer's own quantiles also hold the bulk load's first batch, whose events carry
        // timestamps of 2025 (the consumer was caught up when that burst arrived).
        java.util.TreeMap<Double, Double> bucketsBefore = buckets("settlement_commit_to_feed_seconds");
        long intervalNanos = 1_000_000_000L / liveRate;
        long next = System.nanoTime();
        for (int i = 0; i < liveRate * liveSeconds; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            next += intervalNanos;
            long seq = ledger.head() + 1;
            applyTransfer(ledger, Instant.now(), i + events);
            ledger.publishRange(seq, seq);
        }
        Await.caughtUp();
        printMetrics("settlement_commit_to_feed_seconds");
        java.util.TreeMap<Double, Double> live = buckets("settlement_commit_to_feed_seconds");
        live.replaceAll((bound, count) -> count - bucketsBefore.getOrDefault(bound, 0.0));
        System.out.printf("LIVE LAG: %d priced transfers at %d/s, %.0f batches; commit to feed p50 <= %s s, p99 <= %s s,"
                        + " max <= %s s (upper bounds of the timer's histogram buckets)%n", liveRate * liveSeconds, liveRate,
                live.lastEntry().getValue(), quantile(live, 0.5), quantile(live, 0.99), quantile(live, 1.0));
    }

    /** The cumulative counts of a timer's histogram buckets, by upper bound in seconds. */
    private static java.util.TreeMap<Double, Double> buckets(String name) {
        java.util.TreeMap<Double, Double> counts = new java.util.TreeMap<>();
        String metrics = Management.given().when().get("/q/metrics").then().extract().asString();
        java.util.regex.Pattern bucket = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(name) + "_bucket\\{.*le=\"([^\"]+)\".*} ([0-9.eE+-]+)");
        metrics.lines().map(bucket::matcher).filter(java.util.regex.Matcher::matches).forEach(m -> counts.put(
                m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1)),
                Double.parseDouble(m.group(2))));
        return counts;
    }

    /** The smallest bucket bound that holds at least {@code q} of the counts. */
    private static String quantile(java.util.TreeMap<Double, Double> cumulative, double q) {
        double total = cumulative.lastEntry().getValue();
        for (var entry : cumulative.entrySet()) {
            if (entry.getValue() >= q * total) {
                return entry.getKey().isInfinite() ? "+Inf" : String.valueOf(entry.getKey());
            }
        }
        return "+Inf";
    }

    /** Waits until {@code seq} is applied (in {@code generation}, unless -1), printing progress. */
    private static void waitFor(long seq, long generation) {
        long[] lastPrint = {System.nanoTime()};
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonPath status = given().when().get("/api/v1/status").then().extract().jsonPath();
            if (System.nanoTime() - lastPrint[0] > 5_000_000_000L) {
                lastPrint[0] = System.nanoTime();
                System.out.println("PROGRESS: applied " + status.getLong("lastAppliedSeq") + ", lag "
                        + status.getLong("lagRecords"));
            }
            return (generation < 0 || status.getLong("generation") == generation)
                    && status.getLong("lastAppliedSeq") == seq;
        });
    }

    /** CPU seconds used by the live threads with this name (the writer thread is new after a rebuild). */
    private static double threadCpuSeconds(String name) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name) || name.endsWith("-") && thread.getName().startsWith(name)) {
                nanos += Math.max(0, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return nanos / 1e9;
    }

    /** CPU seconds used so far by every PostgreSQL process on the machine (user and system, from /proc). */
    private static double postgresCpuSeconds() {
        long ticks = 0;
        java.io.File[] processes = new java.io.File("/proc").listFiles((dir, n) -> n.chars().allMatch(Character::isDigit));
        for (java.io.File process : processes == null ? new java.io.File[0] : processes) {
            try {
                String stat = java.nio.file.Files.readString(process.toPath().resolve("stat"));
                if (!stat.contains("(postgres)")) {
                    continue;
                }
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (java.io.IOException | RuntimeException e) {
                // A process that ended while we read is simply not counted.
            }
        }
        return ticks / 100.0;
    }

    private static void printMetrics(String prefix) {
        String metrics = Management.given().when().get("/q/metrics").then().extract().asString();
        metrics.lines().filter(l -> l.startsWith(prefix) && !l.contains("_bucket")).forEach(
                l -> System.out.println("METRIC: " + l));
    }

    private static void applyTransfer(TestLedger ledger, Instant at, int i) {
        // Whole blocks go back and forth, so the ledger state stays small however long the run.
        AccountId from = i % 2 == 0 ? C : A;
        AccountId to = i % 2 == 0 ? A : C;
        TransferCredits transfer = TestLedger.transfer(from, to, 100, VINTAGE, Optional.empty(),
                TestLedger.trade("BENCH", "B-" + i, (1000 + i % 100) + ".50", "JPY"));
        ledger.applyWithoutPublishing(at, ledger.holderOf(from), transfer);
    }
}

package org.jcm.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.Replay;

/**
 * Not a JMH benchmark: splits the verified replay of {@link VerifiedReplayBenchmark} into its
 * stages and prints, per stage and round, the wall time and the CPU time of the measuring thread.
 * CPU time excludes garbage-collection pauses and time spent waiting for a core, and the bytes
 * allocated per event do not depend on the machine at all, so both compare code changes more
 * steadily than wall time on a shared machine. Run with
 * {@code java -Xms6g -Xmx6g -cp deploy/bench/jmh/target/benchmarks.jar org.jcm.bench.ReplayStages [rounds [stage]]},
 * where {@code stage} selects the stages whose name contains it.
 */
public final class ReplayStages {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Runs only the stages whose name contains this text (all when empty). */
    private static String only = "";

    private ReplayStages() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        only = args.length > 1 ? args[1] : "";
        List<LedgerEvent> events = ReplayBenchmark.generateEvents(ReplayBenchmark.EVENTS);
        VerifiedReplayBenchmark stored = new VerifiedReplayBenchmark();
        stored.store(events);
        String[] texts = stored.texts;
        for (int round = 1; round <= rounds; round++) {
            System.out.println("round " + round);
            time("parse (Json.parse)", () -> {
                long n = 0;
                for (String t : texts) {
                    n += ((Map<?, ?>) Json.parse(t)).size();
                }
                return n;
            });
            time("parse + decode (EventCodec.fromJson)", () -> {
                long n = 0;
                for (String t : texts) {
                    n += decode(t).seq();
                }
                return n;
            });
            time("UTF-8 bytes + SHA-256 chain", () -> {
                byte[] last = HashChain.zero();
                for (String t : texts) {
                    last = HashChain.next(last, t.getBytes(StandardCharsets.UTF_8));
                }
                return last[0];
            });
            time("parse + Jcs.canonicalBytes", () -> {
                long n = 0;
                for (String t : texts) {
                    n += Jcs.canonicalBytes(Json.parse(t)).length;
                }
                return n;
            });
            time("fold only (Replay.fold of decoded events)", () -> Replay.fold(events).liveBlockCount());
            time("verified replay, stored text hashed", () -> stored.replayStoredText().liveBlockCount());
            time("verified replay, recanonicalized", () -> stored.replayRecanonicalized().liveBlockCount());
        }
    }

    @SuppressWarnings("unchecked")
    private static LedgerEvent decode(String text) {
        return EventCodec.fromJson((Map<String, Object>) Json.parse(text));
    }

    private interface Stage {
        Object run();
    }

    private static void time(String name, Stage stage) {
        if (!name.contains(only)) {
            return;
        }
        System.gc();
        long thread = Thread.currentThread().getId();
        long bytes0 = THREADS.getThreadAllocatedBytes(thread);
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        Object result = stage.run();
        long wall = System.nanoTime() - wall0;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        long bytes = THREADS.getThreadAllocatedBytes(thread) - bytes0;
        System.out.printf("  %-42s wall %6d ms   thread cpu %6d ms   allocated %5d bytes/event   (%s)%n", name,
                wall / 1_000_000, cpu / 1_000_000, bytes / ReplayBenchmark.EVENTS, result);
    }
}

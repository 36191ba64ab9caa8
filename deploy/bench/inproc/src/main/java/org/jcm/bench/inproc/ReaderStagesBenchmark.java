package org.jcm.bench.inproc;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.state.LedgerState;
import org.jcm.settlement.apply.BatchEffects;
import org.jcm.settlement.apply.EventFolder;
import org.jcm.settlement.testing.TestLedger;

/**
 * CPU time per event of each stage of settlement's reading side (parse, decode, canonical form,
 * hash check, fold with effects), without Kafka or PostgreSQL (a tool, not a test). Argument: the
 * number of priced transfers in the ledger it reads (default 200,000). See docs/performance.md.
 */
public final class ReaderStagesBenchmark {

    private ReaderStagesBenchmark() {
    }

    public static void main(String[] args) {
        int transfers = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        TestLedger ledger = TestLedger.offline();
        Instant at = Instant.parse("2025-11-01T00:00:00Z");
        ledger.issue(at, 2090, TestLedger.C, 100);
        for (int i = 0; i < transfers; i++) {
            var from = i % 2 == 0 ? TestLedger.C : TestLedger.A;
            var to = i % 2 == 0 ? TestLedger.A : TestLedger.C;
            ledger.applyWithoutPublishing(at.plusMillis(i * 10L), ledger.holderOf(from), TestLedger.transfer(from, to,
                    100, 2090, Optional.empty(), TestLedger.trade("BENCH", "B-" + i, (1000 + i % 100) + ".50", "JPY")));
        }
        List<byte[]> entries = ledger.entries();
        for (int round = 0; round < 3; round++) {
            measure(entries, round == 2);
        }
    }

    @SuppressWarnings("unchecked")
    private static void measure(List<byte[]> entries, boolean print) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        List<Map<String, Object>> parsed = new ArrayList<>(entries.size());
        for (byte[] value : entries) {
            parsed.add((Map<String, Object>) Json.parse(new String(value, StandardCharsets.UTF_8)));
        }
        long t1 = cpu.getCurrentThreadCpuTime();
        List<LedgerEvent> events = new ArrayList<>(entries.size());
        for (Map<String, Object> entry : parsed) {
            events.add(EventCodec.fromJson((Map<String, Object>) entry.get("event")));
        }
        long t2 = cpu.getCurrentThreadCpuTime();
        List<byte[]> canonical = new ArrayList<>(entries.size());
        for (Map<String, Object> entry : parsed) {
            canonical.add(Jcs.canonicalBytes(entry.get("event")));
        }
        long t3 = cpu.getCurrentThreadCpuTime();
        byte[] previous = HashChain.zero();
        for (int i = 0; i < canonical.size(); i++) {
            byte[] hash = HashChain.next(previous, canonical.get(i));
            if (!HashChain.toHex(hash).equals(parsed.get(i).get("hash"))) {
                throw new AssertionError("chain broken at " + (i + 1));
            }
            previous = hash;
        }
        long t4 = cpu.getCurrentThreadCpuTime();
        EventFolder folder = new EventFolder(new LedgerState());
        BatchEffects effects = new BatchEffects(0);
        for (LedgerEvent event : events) {
            if (effects.eventCount() >= 10_000) {
                effects = new BatchEffects(effects.toSeq());
            }
            folder.fold(event, "h", effects);
        }
        long t5 = cpu.getCurrentThreadCpuTime();
        if (print) {
            int n = entries.size();
            System.out.printf("STAGES (us/event over %d): parse %.2f, decode %.2f, canonical %.2f, hash %.2f, fold %.2f,"
                    + " total %.2f = %.0f events/s per core%n", n, (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n,
                    (t3 - t2) / 1e3 / n, (t4 - t3) / 1e3 / n, (t5 - t4) / 1e3 / n, (t5 - t0) / 1e3 / n,
                    n / ((t5 - t0) / 1e9));
        }
    }
}

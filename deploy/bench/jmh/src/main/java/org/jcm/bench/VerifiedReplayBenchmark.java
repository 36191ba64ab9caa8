package org.jcm.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.state.LedgerState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to rebuild the state from 1,000,000 stored events the way the registry does at start-up
 * and the auditor's verification does: from the stored form of each event (its canonical JSON text,
 * {@code prev_hash} and {@code hash}, as in the {@code ledger_event} table), parse the text
 * ({@code Json.parse}), decode it ({@code EventCodec.fromJson}), check the chain (the stored
 * prevHash is the previous hash, and {@code HashChain.next(prevHash, canonical bytes)} equals the
 * stored hash), and fold it ({@code LedgerState.apply}, change tracking off).
 *
 * <p>Two ways to get the canonical bytes that are hashed:
 * <ul>
 *   <li>{@link #replayStoredText}: the UTF-8 bytes of the stored text, which the writer stored in
 *       canonical form (a {@code text} column keeps it byte for byte);</li>
 *   <li>{@link #replayRecanonicalized}: {@code Jcs.canonicalBytes} of the parsed tree, as the
 *       independent verifier ({@code docs/verify-ledger.py}) does; needed when the stored text is not
 *       guaranteed canonical (for example a {@code jsonb} column, which reorders members).</li>
 * </ul>
 *
 * <p>The events are the same as in {@link ReplayBenchmark}; they are encoded and chained once per
 * fork in setup. Reading the rows from PostgreSQL is not included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class VerifiedReplayBenchmark {

    /** The stored form of the log: per event, its canonical JSON text, prevHash and hash. */
    String[] texts;
    byte[][] prevHashes;
    byte[][] hashes;

    @Setup(Level.Trial)
    public void store() {
        store(ReplayBenchmark.generateEvents(ReplayBenchmark.EVENTS));
    }

    /** Encodes {@code events} into their stored form: canonical JSON text, prevHash, hash. */
    void store(List<LedgerEvent> events) {
        int n = events.size();
        texts = new String[n];
        prevHashes = new byte[n][];
        hashes = new byte[n][];
        byte[] previous = HashChain.zero();
        long chars = 0;
        for (int i = 0; i < n; i++) {
            String text = Jcs.canonicalize(EventCodec.toJson(events.get(i)));
            byte[] hash = HashChain.next(previous, text.getBytes(StandardCharsets.UTF_8));
            texts[i] = text;
            prevHashes[i] = previous;
            hashes[i] = hash;
            previous = hash;
            chars += text.length();
        }
        System.out.printf("  [stored %d events: %d MB of canonical JSON, %d bytes per event on average]%n", n,
                chars >> 20, chars / n);
    }

    @Benchmark
    public LedgerState replayStoredText() {
        return replay(false);
    }

    @Benchmark
    public LedgerState replayRecanonicalized() {
        return replay(true);
    }

    @SuppressWarnings("unchecked")
    private LedgerState replay(boolean recanonicalize) {
        LedgerState state = new LedgerState();
        state.setChangeTracking(false);
        byte[] last = HashChain.zero();
        for (int i = 0; i < texts.length; i++) {
            String text = texts[i];
            Map<String, Object> tree = (Map<String, Object>) Json.parse(text);
            LedgerEvent event = EventCodec.fromJson(tree);
            if (event.seq() != i + 1L) {
                throw new IllegalStateException("sequence gap at entry " + (i + 1) + ": seq " + event.seq());
            }
            if (!Arrays.equals(prevHashes[i], last)) {
                throw new IllegalStateException("prevHash mismatch at seq " + event.seq());
            }
            byte[] canonical = recanonicalize ? Jcs.canonicalBytes(tree) : text.getBytes(StandardCharsets.UTF_8);
            byte[] hash = HashChain.next(last, canonical);
            if (!Arrays.equals(hash, hashes[i])) {
                throw new IllegalStateException("hash mismatch at seq " + event.seq());
            }
            state.apply(event);
            last = hash;
        }
        state.setChangeTracking(true);
        return state;
    }
}

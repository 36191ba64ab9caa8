package org.jcm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.Replay;
import org.jcm.ledger.state.StateMachine;
import org.jcm.ledger.rule.Outcome;
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
 * Time to replay 1,000,000 events with {@code Replay.fold}: the fold only. Hashing (SHA-256 over
 * the canonical JSON of each event) and decoding events from JSON are NOT included here; see
 * {@link VerifiedReplayBenchmark} for the replay from the stored form. The events are generated
 * once per fork by the state machine: reference data, issuances giving 1,000 accounts 100 blocks
 * each (100,000 blocks), then transfers as in {@link TransferBenchmark} up to 1,000,000 events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class ReplayBenchmark {

    static final int EVENTS = 1_000_000;

    List<LedgerEvent> events;

    @Setup(Level.Trial)
    public void generate() {
        events = generateEvents(EVENTS);
    }

    /**
     * Generates {@code count} events with the state machine: reference data, the 100,000-block
     * issuance of {@link LedgerWorld}, then transfers as in {@link TransferBenchmark}.
     */
    static List<LedgerEvent> generateEvents(int count) {
        LedgerWorld world = new LedgerWorld(1000, 100, 10, true);
        List<LedgerEvent> all = new ArrayList<>(count);
        all.addAll(world.events);
        LedgerWorld.Planned planned = world.transfers(2 * count, 7);
        TransferCredits[] commands = planned.commands();
        CommandContext[] contexts = planned.contexts();
        for (int i = 0; all.size() < count; i++) {
            Outcome o = StateMachine.apply(world.state, commands[i], contexts[i]);
            if (o instanceof Outcome.Accepted a) {
                for (LedgerEvent e : a.events()) {
                    if (all.size() < count) {
                        all.add(e);
                    }
                }
            }
        }
        System.out.printf("%n  [generated %d events; live blocks at the end: %d]%n", all.size(),
                world.state.liveBlockCount());
        return all;
    }

    @Benchmark
    public LedgerState replayOneMillionEvents() {
        return Replay.fold(events);
    }
}

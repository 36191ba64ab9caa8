package org.jcm.bench;

import java.util.concurrent.TimeUnit;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.state.StateMachine;
import org.jcm.ledger.rule.Outcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Transfers per second through {@code StateMachine.apply} (validation, unit selection, event
 * building, fold, change tracking) on a state that starts with 100,000 live blocks: 1,000 accounts
 * with 100 blocks of 10 units each. Each account in turn sends to a random other account; 5% of
 * transfers move half a block (a split), the rest a whole block's worth, so the block count grows
 * slowly (printed at the end of each iteration). The state is rebuilt for every iteration. One
 * invocation applies a batch of 1,000 transfers and drains the change set, as the writer does per
 * batch. Hashing and persistence are not included. With {@code journal=true} the state's undo
 * journal is on, as in the writer: a mark per command, released after each batch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TransferBenchmark {

    static final int BATCH = 1_000;
    /** Precomputed transfers, reused cyclically (the state moves on, so a reused command acts on other blocks). */
    static final int PLAN = 1 << 20;

    @Param({"1000"})
    int accounts;

    @Param({"100"})
    int blocksPerAccount;

    @Param({"false", "true"})
    boolean journal;

    LedgerWorld world;
    TransferCredits[] commands;
    CommandContext[] contexts;
    int next;
    long rejected;

    @Setup(Level.Iteration)
    public void setUp() {
        world = new LedgerWorld(accounts, blocksPerAccount, 10, false);
        world.state.setJournaling(journal);
        LedgerWorld.Planned planned = world.transfers(PLAN, 42);
        commands = planned.commands();
        contexts = planned.contexts();
        next = 0;
        rejected = 0;
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n  [state after iteration: %d live blocks, %d transfers applied, %d rejected]%n",
                world.state.liveBlockCount(), next, rejected);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int transferBatch() {
        int accepted = 0;
        for (int i = 0; i < BATCH; i++) {
            int k = next++ & (PLAN - 1);
            if (journal) {
                world.state.mark();
            }
            Outcome o = StateMachine.apply(world.state, commands[k], contexts[k]);
            if (o instanceof Outcome.Accepted) {
                accepted++;
            } else {
                rejected++;
            }
        }
        world.state.drainChanges();
        if (journal) {
            world.state.release();
        }
        return accepted;
    }
}

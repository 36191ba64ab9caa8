package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Properties of random command sequences (issuances, transfers by quantity, serial range and filter,
 * cancellations, retirements, freezes, closures, authorizations, amendments, revocations,
 * corresponding adjustments, transfer policies, trusted accounts, approvals, cancellations and due
 * processing of pending transfers, and invalid commands mixed in).
 */
class LedgerProperties {

    /** Which rejections the random sequences reached, to keep the generator honest. */
    static final EnumSet<Rejection> REACHED = EnumSet.noneOf(Rejection.class);
    static long accepted;
    static long stepsRun;
    static final java.time.Duration PROPOSAL_TIMEOUT = java.time.Duration.ofSeconds(30);

    @Provide
    Arbitrary<List<RandomCommands.Step>> steps() {
        return RandomCommands.steps(40);
    }

    /** Applies the steps, calling {@code check} with the state before and the outcome of each. */
    static Fixture run(List<RandomCommands.Step> steps, StepCheck check) {
        return run(steps, check, true);
    }

    /** As {@link #run(List, StepCheck)}, for properties of other classes: not counted in this class's statistics. */
    static Fixture runUncounted(List<RandomCommands.Step> steps, StepCheck check) {
        return run(steps, check, false);
    }

    /** Applies the steps without checks and without counting them in this class's statistics. */
    static Fixture play(List<RandomCommands.Step> steps) {
        return run(steps, noSnapshots(), false);
    }

    private static Fixture run(List<RandomCommands.Step> steps, StepCheck check, boolean count) {
        // Half the sequences run on the EU transfer controls (transfers to other organizations wait
        // for approval and delays), half with no controls, so both reach every other rule.
        return run(steps.get(0).a() % 2 == 0 ? LedgerConfig.DEFAULT : Fixture.OPEN_TRANSFERS, steps, check, count);
    }

    /** Applies the steps on a ledger with {@code config}, calling {@code check} after each. */
    static Fixture run(LedgerConfig config, List<RandomCommands.Step> steps, StepCheck check, boolean count) {
        // Proposals expire after 30 s of the test clock (one second per command, unless a step
        // moves the clock), so that random sequences reach expiry as well as approval.
        Fixture f = new Fixture(new LedgerState(config.withProposalTimeout(PROPOSAL_TIMEOUT)));
        RandomCommands random = new RandomCommands(f);
        // A starting stock, so that most random movements find units to move.
        random.issued(f.issue("BASE-1", Fixture.MN001, 2024, f.mnC1, 300, f.jpA1, 200));
        random.issued(f.issue("BASE-2", Fixture.MN002, 2025, f.jpB1, 100, f.mnG1, 100));
        random.issued(f.issue("BASE-3", Fixture.TW001, 2024, f.twC1, 100));
        for (RandomCommands.Step step : steps) {
            RandomCommands.Planned p = random.plan(step);
            LedgerSnapshot before = check.wantsSnapshots() ? f.state.snapshot() : null;
            long seqBefore = f.state.nextSeq();
            check.before(f, p);
            p.advanceClock(f);
            Outcome o = f.direct(p.actor(), p.command());
            if (o instanceof Outcome.Accepted) {
                random.accepted(p);
            }
            if (count) {
                stepsRun++;
                if (o instanceof Outcome.Accepted) {
                    accepted++;
                } else {
                    REACHED.add(((Outcome.Rejected) o).rejection());
                }
            }
            check.after(f, p, before, seqBefore, o);
        }
        return f;
    }

    interface StepCheck {
        /** Called before the step is applied. */
        default void before(Fixture f, RandomCommands.Planned p) {
        }

        void after(Fixture f, RandomCommands.Planned p, LedgerSnapshot before, long seqBefore, Outcome o);

        default boolean wantsSnapshots() {
            return true;
        }
    }

    @Property(tries = 1000)
    void every_step_keeps_every_invariant(@ForAll("steps") List<RandomCommands.Step> steps) {
        run(steps, (f, p, before, seqBefore, o) -> {
            assertThat(Invariants.check(f.state)).as("after %s -> %s", p.command(), o).isEmpty();
            assertThat(Invariants.checkTransition(before, f.state.snapshot())).as("after %s", p.command()).isEmpty();
        });
    }

    @Property(tries = 1000)
    void a_rejected_command_changes_nothing_and_an_accepted_one_emits_gapless_sequence_numbers(
            @ForAll("steps") List<RandomCommands.Step> steps) {
        run(steps, (f, p, before, seqBefore, o) -> {
            if (o instanceof Outcome.Rejected) {
                assertThat(f.state.nextSeq()).isEqualTo(seqBefore);
                assertThat(f.state.snapshot()).as("after rejected %s", p.command()).isEqualTo(before);
            } else {
                List<LedgerEvent> events = ((Outcome.Accepted) o).events();
                for (int i = 0; i < events.size(); i++) {
                    assertThat(events.get(i).seq()).isEqualTo(seqBefore + i);
                    assertThat(events.get(i).actor()).isEqualTo(p.actor());
                }
                assertThat(f.state.nextSeq()).isEqualTo(seqBefore + events.size());
            }
        });
    }

    @Property(tries = 1000)
    void replay_of_the_emitted_events_equals_the_live_state(@ForAll("steps") List<RandomCommands.Step> steps) {
        Fixture f = run(steps, noSnapshots());
        LedgerState replayed = Replay.fold(f.events);
        assertThat(replayed.snapshot()).isEqualTo(f.state.snapshot());
        assertThat(Invariants.check(replayed)).isEmpty();
    }

    @Property(tries = 1000)
    void no_unit_is_created_or_lost_by_any_split_or_move(@ForAll("steps") List<RandomCommands.Step> steps) {
        run(steps, (f, p, before, seqBefore, o) -> {
            long issued = 0;
            for (Issuance i : f.state.data.issuances.values()) {
                issued += i.totalQuantity();
            }
            long inBlocks = 0;
            for (CreditBlock b : f.state.blocks(java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.empty(), java.util.Optional.empty())) {
                inBlocks += b.quantity();
            }
            long inAccounts = 0;
            for (AccountInfo a : f.state.snapshot().accounts()) {
                inAccounts += f.state.totalUnits(a.id());
            }
            assertThat(inBlocks).isEqualTo(issued);
            assertThat(inAccounts).isEqualTo(issued);
        });
    }

    @Property(tries = 1000)
    void every_event_survives_a_round_trip_through_its_json_value_tree(@ForAll("steps") List<RandomCommands.Step> steps) {
        Fixture f = run(steps, noSnapshots());
        List<LedgerEvent> decoded = new ArrayList<>();
        for (LedgerEvent e : f.events) {
            Map<String, Object> json = EventCodec.toJson(e);
            JsonTrees.assertPlainJson(json);
            LedgerEvent back = EventCodec.fromJson(JsonTrees.asParsed(json));
            assertThat(back).isEqualTo(e);
            assertThat(EventCodec.toJson(back)).isEqualTo(json);
            decoded.add(back);
        }
        assertThat(Replay.fold(decoded).snapshot()).isEqualTo(f.state.snapshot());
    }

    @AfterContainer
    static void the_random_sequences_reach_most_rejections_and_accept_plenty() {
        // A generator that only produced rejections would make every property above vacuous.
        System.out.println("random sequences: " + stepsRun + " steps, " + accepted + " accepted; rejections reached: " + REACHED);
        assertThat(accepted).isGreaterThan(10_000);
        assertThat(REACHED).contains(Rejection.INSUFFICIENT_UNITS, Rejection.FORBIDDEN_SCOPE, Rejection.ACCOUNT_FROZEN,
                Rejection.UNITS_NOT_HELD, Rejection.ALREADY_AUTHORIZED, Rejection.CA_NOT_PENDING,
                Rejection.AUTHORIZATION_CAP_EXCEEDED, Rejection.ALREADY_FIRST_TRANSFERRED, Rejection.INVALID_ALLOCATION,
                Rejection.ALLOCATION_OUTSIDE_ISSUING_REGISTRY, Rejection.ISSUANCE_REQUEST_MISMATCH,
                Rejection.VERIFIED_QUANTITY_EXCEEDED, Rejection.ISSUANCE_DECISION_ALREADY_ISSUED);
    }

    private static StepCheck noSnapshots() {
        return new StepCheck() {
            @Override
            public void after(Fixture f, RandomCommands.Planned p, LedgerSnapshot before, long seqBefore, Outcome o) {
            }

            @Override
            public boolean wantsSnapshots() {
                return false;
            }
        };
    }
}

package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jcm.ledger.command.CancelPendingTransfer;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.PendingTransferCancelled;
import org.jcm.ledger.event.PendingTransferExecuted;
import org.jcm.ledger.event.PendingTransferExpired;
import org.jcm.ledger.id.PendingActionId;
import org.jcm.ledger.rule.Outcome;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Properties of the transfer controls over random command sequences on the EU rules, with random
 * subjects (each organization's first and second account holder, holders of other organizations),
 * random policies, trusted accounts, approvals, cancellations and due processing as the clock moves.
 */
class TransferControlProperties {

    static long pended;
    static long executedWithApproval;
    static long freed;

    @Provide
    Arbitrary<List<RandomCommands.Step>> steps() {
        // Long enough for a transfer to be initiated, approved and come due in most sequences.
        return RandomCommands.steps(20, 60);
    }

    static Fixture run(List<RandomCommands.Step> steps, LedgerProperties.StepCheck check) {
        return LedgerProperties.run(LedgerConfig.DEFAULT, steps, check, false);
    }

    @Property(tries = 1000)
    void no_single_subject_completes_a_transfer_that_needs_approval(@ForAll("steps") List<RandomCommands.Step> steps) {
        Fixture f = run(steps, noSnapshots());
        for (PendingTransfer pt : f.state.pendingTransfers()) {
            pended++;
            if (pt.approvalRequired() && pt.status() == PendingTransferStatus.EXECUTED) {
                executedWithApproval++;
                assertThat(pt.approver()).as("%s", pt).isPresent();
                assertThat(pt.approver().get().subject()).as("%s", pt).isNotEqualTo(pt.initiator().subject());
                assertThat(pt.approver().get().scope()).isEqualTo(pt.organizationId().value());
            }
        }
    }

    @Property(tries = 1000)
    void reserved_units_never_move_except_through_their_pending_action(@ForAll("steps") List<RandomCommands.Step> steps) {
        run(steps, (f, p, before, seqBefore, o) -> {
            Set<PendingActionId> executed = new HashSet<>();
            List<PendingTransferExecuted> executions = new ArrayList<>();
            Set<PendingActionId> approvedCancellations = new HashSet<>();
            for (LedgerEvent e : events(o)) {
                if (e instanceof PendingTransferExecuted x) {
                    executed.add(x.pendingTransferId());
                    executions.add(x);
                } else if (e instanceof org.jcm.ledger.event.ProposalApproved a) {
                    approvedCancellations.add(a.proposalId());
                }
            }
            LedgerSnapshot after = f.state.snapshot();
            for (Reservation r : before.reservations()) {
                if (approvedCancellations.contains(r.actionId())) {
                    // A pending cancellation for correction, approved: exactly its units are cancelled.
                    for (BlockRange range : r.ranges()) {
                        for (CreditBlock b : covering(after, range)) {
                            assertThat(b.status()).isEqualTo(BlockStatus.CANCELLED);
                        }
                    }
                    continue;
                }
                String expectedHolder = r.accountId().value();
                for (PendingTransferExecuted x : executions) {
                    if (x.pendingTransferId().equals(r.actionId())) {
                        expectedHolder = x.toAccountId().value();
                    }
                }
                for (BlockRange range : r.ranges()) {
                    for (CreditBlock b : covering(after, range)) {
                        assertThat(b.holderAccountId().value()).as("units of %s after %s", r, p.command())
                                .isEqualTo(expectedHolder);
                        assertThat(b.status()).isEqualTo(BlockStatus.ACTIVE);
                    }
                }
            }
        });
    }

    @Property(tries = 1000)
    void cancelling_or_expiring_restores_exactly_the_reserved_units(@ForAll("steps") List<RandomCommands.Step> steps) {
        run(steps, (f, p, before, seqBefore, o) -> {
            LedgerSnapshot after = f.state.snapshot();
            for (LedgerEvent e : events(o)) {
                PendingActionId ended = e instanceof PendingTransferCancelled c ? c.pendingTransferId()
                        : e instanceof PendingTransferExpired x ? x.pendingTransferId() : null;
                if (ended == null) {
                    continue;
                }
                freed++;
                Reservation r = reservationOf(before, ended);
                assertThat(reservationOf(after, ended)).isNull();
                for (BlockRange range : r.ranges()) {
                    for (CreditBlock b : covering(after, range)) {
                        assertThat(b.holderAccountId()).isEqualTo(r.accountId());
                        assertThat(b.status()).isEqualTo(BlockStatus.ACTIVE);
                        assertThat(after.reservedBlocks()).doesNotContainKey(key(b));
                    }
                }
            }
            if (p.command() instanceof CancelPendingTransfer && o instanceof Outcome.Accepted) {
                Reservation r = reservationOf(before, ((CancelPendingTransfer) p.command()).pendingTransferId());
                assertThat(after.balances()).isEqualTo(before.balances());
                assertThat(f.state.reservedUnits(r.accountId())).isEqualTo(reservedIn(before, r.accountId()) - r.quantity());
            }
        });
    }

    @Property(tries = 1000)
    void replay_equals_the_live_state_with_pending_transfers_trusted_lists_and_their_instants(
            @ForAll("steps") List<RandomCommands.Step> steps) {
        Fixture f = run(steps, noSnapshots());
        LedgerState replayed = Replay.fold(f.events);
        assertThat(replayed.snapshot()).isEqualTo(f.state.snapshot());
        assertThat(replayed.snapshot().transferControls()).isEqualTo(f.state.snapshot().transferControls());
        assertThat(Invariants.check(replayed)).isEmpty();
    }

    @AfterContainer
    static void the_random_sequences_pend_execute_and_free_transfers() {
        System.out.println("transfer controls: " + pended + " pending transfers, " + executedWithApproval
                + " executed with approval, " + freed + " cancelled or expired");
        // The generator's reach, not a rate: over 1,000 random sequences a run sees about 120
        // approved executions (one run saw 98) and about 300 ended transfers. Bounds far below
        // those keep the check from failing on an unlucky seed, and still fail if the generator
        // stops reaching either path.
        assertThat(executedWithApproval).isGreaterThan(40);
        assertThat(freed).isGreaterThan(100);
    }

    private static List<LedgerEvent> events(Outcome o) {
        return o instanceof Outcome.Accepted a ? a.events() : List.of();
    }

    private static Reservation reservationOf(LedgerSnapshot s, PendingActionId id) {
        for (Reservation r : s.reservations()) {
            if (r.actionId().equals(id)) {
                return r;
            }
        }
        return null;
    }

    private static long reservedIn(LedgerSnapshot s, org.jcm.ledger.id.AccountId account) {
        long sum = 0;
        for (Reservation r : s.reservations()) {
            if (r.accountId().equals(account)) {
                sum += r.quantity();
            }
        }
        return sum;
    }

    private static String key(CreditBlock b) {
        return b.hostParty() + "/" + b.vintage() + "/" + b.range().first();
    }

    /** The blocks of {@code s} that hold units of {@code range}. */
    private static List<CreditBlock> covering(LedgerSnapshot s, BlockRange range) {
        List<CreditBlock> out = new ArrayList<>();
        for (CreditBlock b : s.blocks()) {
            if (b.hostParty().equals(range.hostParty()) && b.vintage().equals(range.vintage())
                    && b.range().first() <= range.last() && b.range().last() >= range.first()) {
                out.add(b);
            }
        }
        return out;
    }

    private static LedgerProperties.StepCheck noSnapshots() {
        return new LedgerProperties.StepCheck() {
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

package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.CloseAccount;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.command.RegisterProject;
import org.jcm.ledger.command.RegisterRegistry;
import org.jcm.ledger.command.SubmitIssuanceRequest;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.id.AccountType;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.Quantity;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.rule.Outcome;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;

/**
 * The undo journal takes back everything: two ledgers are built with the same random commands, one
 * of them with the journal on; that one also applies a run of random commands (some of whose folds
 * are made to fail half way and are rolled back on their own, with drains of the change tracking
 * in between, as the writer does per batch) and then rolls the whole run back. Its snapshot and its
 * pending changes must then equal the other ledger's, its invariants must hold, and the same
 * further commands must have the same outcomes on both.
 */
class UndoJournalProperties {

    static long undoneCommands;
    static long failedFolds;
    static long undoneEvents;
    static final java.util.Set<String> UNDONE_TYPES = new java.util.TreeSet<>();

    /** Commands applied to both ledgers, commands applied and rolled back, commands applied to both again. */
    record Phases(List<RandomCommands.Step> before, List<RandomCommands.Step> undone, List<RandomCommands.Step> after) {
    }

    @Provide
    Arbitrary<Phases> phases() {
        return Combinators.combine(RandomCommands.steps(25), RandomCommands.steps(60), RandomCommands.steps(25))
                .as(Phases::new);
    }

    @Property(tries = 2000)
    void a_rolled_back_run_leaves_the_state_and_its_pending_changes_as_they_were_and_the_same_commands_then_do_the_same(
            @ForAll("phases") Phases phases) {
        // Half the runs on the EU transfer controls, so that reservations are journaled and undone too.
        LedgerConfig config = phases.before().get(0).a() % 2 == 0 ? LedgerConfig.DEFAULT : Fixture.OPEN_TRANSFERS;
        Fixture journaled = new Fixture(new LedgerState(config));
        Fixture direct = new Fixture(new LedgerState(config));
        RandomCommands planner = new RandomCommands(direct);
        RandomCommands scratch = new RandomCommands(journaled);
        // The starting stock of LedgerProperties, in both ledgers.
        for (Fixture f : List.of(direct, journaled)) {
            RandomCommands r = f == direct ? planner : scratch;
            r.issued(f.issue("BASE-1", Fixture.MN001, 2024, f.mnC1, 300, f.jpA1, 200));
            r.issued(f.issue("BASE-2", Fixture.MN002, 2025, f.jpB1, 100, f.mnG1, 100));
            r.issued(f.issue("BASE-3", Fixture.TW001, 2024, f.twC1, 100));
        }
        for (RandomCommands.Step step : phases.before()) {
            both(planner, journaled, direct, step);
        }
        if (phases.before().get(0).c() % 2 == 0) {
            // Nothing pending at the mark: what the run touches must be tracked afresh after the rollback.
            assertThat(journaled.state.drainChanges()).isEqualTo(direct.state.drainChanges());
        }
        LedgerState state = journaled.state;
        state.setJournaling(true);
        LedgerSnapshot atMark = state.snapshot();
        int mark = state.mark();
        Instant at = Fixture.T0.plusSeconds(1_000_000);
        for (RandomCommands.Step step : phases.undone()) {
            if (step.e() % 5 == 0) {
                state.drainChanges();
            }
            // One command in four is reference data (parties, registries, organizations, accounts,
            // projects, issuance requests and issuances against them), which RandomCommands leaves out.
            RandomCommands.Planned p = step.b() % 4 == 0 ? reference(journaled, step) : scratch.plan(step);
            List<LedgerEvent> folded = undoable(state, scratch, p, step, at);
            if (folded != null && folded.get(0) instanceof ProposalMade made && step.e() % 4 != 0) {
                // Three proposals in four are approved at once by a second subject, so that the folds
                // of the approved actions are undone too.
                undoable(state, scratch, new RandomCommands.Planned(Fixture.second(p.actor()),
                        new ApproveProposal(made.proposalId())), step, at);
            }
        }
        state.rollbackTo(mark);

        assertThat(state.journalSize()).isEqualTo(mark);
        assertThat(state.snapshot()).isEqualTo(atMark).isEqualTo(direct.state.snapshot());
        assertThat(Invariants.check(state)).isEmpty();
        state.release();
        assertThat(state.mark()).isZero();
        for (RandomCommands.Step step : phases.after()) {
            both(planner, journaled, direct, step);
        }
        assertThat(state.snapshot()).isEqualTo(direct.state.snapshot());
        assertThat(Invariants.check(state)).isEmpty();
        assertThat(state.drainChanges()).isEqualTo(direct.state.drainChanges());
    }

    @Test
    void marks_need_the_journal_and_a_replayed_state_has_it_off() {
        LedgerState replayed = Replay.fold(new Fixture().events);
        assertThat(replayed.journaling()).isFalse();
        assertThatThrownBy(replayed::mark).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> replayed.rollbackTo(0)).isInstanceOf(IllegalStateException.class);
        replayed.setJournaling(true);
        assertThatThrownBy(() -> replayed.rollbackTo(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nothing_is_recorded_while_the_journal_is_off() {
        Fixture f = new Fixture();
        f.state.setJournaling(true);
        f.state.setJournaling(false);
        f.issue("OFF-1", Fixture.MN001, 2024, f.mnC1, 10);
        f.transfer(f.mnC1, f.jpA1, 4);
        assertThat(f.state.journalSize()).isZero();
    }

    @AfterContainer
    static void the_runs_undid_plenty_and_failed_folds_half_way() {
        System.out.println("undo journal: " + undoneCommands + " accepted commands (" + undoneEvents + " events) undone, "
                + failedFolds + " folds failed half way");
        // A generator that rejected everything would make the property vacuous.
        assertThat(undoneCommands).isGreaterThan(1_000);
        System.out.println("undo journal: event types undone " + UNDONE_TYPES);
        assertThat(UNDONE_TYPES).contains("CreditsIssued", "CreditsTransferred", "CreditsRetired", "CreditsCancelled",
                "FirstTransferRecorded", "UnitsAuthorized", "AuthorizationAmended", "AuthorizationRevoked",
                "CorrespondingAdjustmentApplied", "AccountFrozen", "AccountUnfrozen", "AccountClosed", "PartyRegistered",
                "PartyUpdated", "RegistryRegistered", "OrganizationRegistered", "AccountOpened", "ProjectRegistered",
                "IssuanceRequested", "ProposalMade", "ProposalApproved", "ProposalRejected", "ProposalExpired",
                "TransferPolicySet", "TrustedAccountAdded", "TransferPended");
        assertThat(failedFolds).isGreaterThan(200);
    }

    /**
     * Decides {@code p} at {@code at} on the journaled state and folds its events (or, for one
     * step in four, folds them broken and checks the rollback of that one command); returns the
     * events folded, or null.
     */
    private static List<LedgerEvent> undoable(LedgerState state, RandomCommands scratch, RandomCommands.Planned p,
                                              RandomCommands.Step step, Instant at) {
        int commandMark = state.mark();
        int marked = state.journalSize();
        LedgerSnapshot beforeCommand = state.snapshot();
        Outcome o = StateMachine.decide(state, p.command(), new CommandContext(at, p.actor()));
        if (!(o instanceof Outcome.Accepted accepted) || accepted.events().isEmpty()) {
            // The decision changed nothing (a rejection, or a system command with nothing due), so it recorded nothing.
            assertThat(state.journalSize()).isEqualTo(marked);
            return null;
        }
        List<LedgerEvent> events = accepted.events();
        for (LedgerEvent e : events) {
            UNDONE_TYPES.add(e.type());
        }
        if (step.d() % 4 == 0) {
            assertThatThrownBy(() -> foldBroken(state, events)).isInstanceOf(InconsistentEventException.class);
            failedFolds++;
            state.rollbackTo(commandMark);
            assertThat(state.snapshot()).as("after the failed fold of %s", p.command()).isEqualTo(beforeCommand);
            return null;
        }
        for (LedgerEvent e : events) {
            state.apply(e);
        }
        scratch.accepted(p);
        undoneCommands++;
        undoneEvents += events.size();
        return events;
    }

    private static void both(RandomCommands planner, Fixture journaled, Fixture direct, RandomCommands.Step step) {
        RandomCommands.Planned p = planner.plan(step);
        p.advanceClock(direct);
        p.advanceClock(journaled);
        Outcome expected = direct.direct(p.actor(), p.command());
        Outcome actual = journaled.direct(p.actor(), p.command());
        assertThat(actual).as("outcome of %s", p.command()).isEqualTo(expected);
        if (expected instanceof Outcome.Accepted) {
            planner.accepted(p);
        }
    }

    /** A reference-data command made of the step's numbers, valid against {@code f}'s state most of the time. */
    private static RandomCommands.Planned reference(Fixture f, RandomCommands.Step s) {
        RegistryId[] registries = {Fixture.JPN01, Fixture.MNG01, Fixture.TWN01};
        RegistryId registry = registries[s.c() % registries.length];
        switch (s.a() % 8) {
            case 0:
                return new RandomCommands.Planned(Fixture.admin(registry), new RegisterOrganization(registry, "Org " + s.e()));
            case 1: {
                List<Organization> orgs = f.state.snapshot().organizations();
                Organization org = orgs.get(s.e() % orgs.size());
                return new RandomCommands.Planned(Fixture.admin(org.registryId()), new OpenAccount(org.id(), "Account " + s.d()));
            }
            case 2:
                return new RandomCommands.Planned(Fixture.admin(Fixture.MNG01), new RegisterProject(
                        new ProjectId(String.format("MN%03d", 100 + s.e() % 900)), "Project " + s.d(), new MethodologyId("MN_AM001"),
                        Fixture.MNG01, List.of(f.mnC)));
            case 3:
                return new RandomCommands.Planned(Fixture.holder(f.mnC), new SubmitIssuanceRequest(Fixture.MN001,
                        LocalDate.of(2023, 1 + s.d() % 12, 1), LocalDate.of(2023, 1 + s.d() % 12, 28),
                        Quantity.of(1 + s.e() % 50), "VR-" + s.e()));
            case 4: {
                List<IssuanceRequest> requests = f.state.snapshot().issuanceRequests();
                if (requests.isEmpty()) {
                    return new RandomCommands.Planned(Fixture.OPERATOR, new UpdateParty(new Party("MN", Fixture.MNG,
                            "Mongolia " + s.e(), JcmStatus.PARTNER, true, Optional.of(Fixture.CA), Optional.of(LocalDate.of(2013, 1, 8)), Set.of())));
                }
                IssuanceRequest r = requests.get(s.e() % requests.size());
                long quantity = Math.max(1, r.verifiedQuantity() - r.issuedQuantity());
                return new RandomCommands.Planned(Fixture.admin(Fixture.MNG01), new IssueCredits(new IssuanceId("RQ" + s.d()),
                        r.projectId(), r.monitoringPeriodStart(), r.monitoringPeriodEnd(),
                        Vintage.of(r.monitoringPeriodStart().getYear()), Quantity.of(quantity),
                        List.of(new Allocation(f.mnC1, Quantity.of(quantity))), r.id()));
            }
            case 5: {
                List<AccountInfo> empty = f.state.snapshot().accounts().stream()
                        .filter(a -> a.type() == AccountType.HOLDING && !a.closed() && f.state.totalUnits(a.id()) == 0).toList();
                if (empty.isEmpty() || s.d() % 2 == 0) {
                    return new RandomCommands.Planned(Fixture.OPERATOR, new UpdateParty(new Party("MN", Fixture.MNG,
                            "Mongolia " + s.e(), JcmStatus.PARTNER, true, Optional.of(Fixture.CA), Optional.of(LocalDate.of(2013, 1, 8)), Set.of())));
                }
                AccountInfo account = empty.get(s.e() % empty.size());
                return new RandomCommands.Planned(Fixture.admin(account.registryId()),
                        new CloseAccount(account.id(), Optional.empty()));
            }
            case 6: {
                String letters = "" + (char) ('A' + s.e() % 26) + (char) ('A' + s.d() % 26);
                return new RandomCommands.Planned(Fixture.OPERATOR, new RegisterParty(new Party(letters,
                        new PartyCode("Q" + letters), "Party " + letters, JcmStatus.CANDIDATE, false, Optional.empty())));
            }
            default: {
                List<Party> parties = f.state.parties();
                Party party = parties.get(s.e() % parties.size());
                return new RandomCommands.Planned(Fixture.OPERATOR,
                        new RegisterRegistry(new RegistryId(party.code().value() + "01"), party.name() + " registry"));
            }
        }
    }

    /**
     * Folds the events of an accepted command with the last one spoiled so that its fold throws
     * after it changed the state (a transfer or issuance that does not add up to its stated
     * quantity: the blocks are moved or created first), or, for other events, before it.
     */
    private static void foldBroken(LedgerState state, List<LedgerEvent> events) {
        for (int i = 0; i < events.size() - 1; i++) {
            state.apply(events.get(i));
        }
        LedgerEvent last = events.get(events.size() - 1);
        if (last instanceof CreditsTransferred t) {
            state.apply(new CreditsTransferred(t.seq(), t.at(), t.actor(), t.fromAccountId(), t.toAccountId(),
                    t.quantity() + 1, t.ranges(), t.trade(), t.memo()));
        } else if (last instanceof CreditsIssued i) {
            state.apply(new CreditsIssued(i.seq(), i.at(), i.actor(), i.issuanceId(), i.projectId(), i.hostParty(),
                    i.vintage(), i.monitoringPeriodStart(), i.monitoringPeriodEnd(), i.totalQuantity() + 1,
                    i.allocations(), i.issuanceRequestId()));
        } else {
            throw new InconsistentEventException(last.seq(), "spoiled");
        }
    }
}

package org.jcm.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.SubmitIssuanceRequest;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.command.RegisterProject;
import org.jcm.ledger.command.RegisterRegistry;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.StateMachine;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.serial.Quantity;

/**
 * Builds the benchmark ledger: Japan and Mongolia, one registry each, {@code accounts} holding
 * accounts (one organization each, half per registry), ten Mongolian projects, and issuances that
 * give every account {@code blocksPerAccount} blocks of {@code unitsPerBlock} units, each proposed
 * by one administrator and approved by a second one. Every organization's transfer policy needs no
 * approval and no delay, so every transfer executes at once (the direct path). It also makes
 * the transfer commands: each account in turn sends to a random other account, 95% of the time
 * {@code unitsPerBlock} units, 5% of the time half of that (a split).
 */
final class LedgerWorld {

    static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");
    static final PartyCode MNG = new PartyCode("MNG");
    static final RegistryId JPN01 = new RegistryId("JPN01");
    static final RegistryId MNG01 = new RegistryId("MNG01");

    final LedgerState state = new LedgerState();
    final List<LedgerEvent> events = new ArrayList<>();
    final AccountId[] accounts;
    final CommandContext[] contexts;
    final int unitsPerBlock;

    LedgerWorld(int accountCount, int blocksPerAccount, int unitsPerBlock, boolean keepEvents) {
        this.unitsPerBlock = unitsPerBlock;
        this.accounts = new AccountId[accountCount];
        this.contexts = new CommandContext[accountCount];
        Actor operator = Actor.operator("bench");
        ok(operator, new RegisterParty(new Party("JP", PartyCode.JAPAN, "Japan", JcmStatus.JAPAN, true, Optional.empty())), keepEvents);
        ok(operator, new RegisterParty(new Party("MN", MNG, "Mongolia", JcmStatus.PARTNER, true,
                Optional.of(new CooperativeApproachId("CA0012")), Optional.of(LocalDate.of(2013, 1, 8)), Set.of())), keepEvents);
        ok(operator, new RegisterRegistry(JPN01, "Japan"), keepEvents);
        ok(operator, new RegisterRegistry(MNG01, "Mongolia"), keepEvents);
        for (int i = 0; i < accountCount; i++) {
            RegistryId registry = i % 2 == 0 ? JPN01 : MNG01;
            Actor admin = Actor.registryAdmin("admin", registry);
            ok(admin, new RegisterOrganization(registry, "Org " + i), keepEvents);
            OrganizationId org = OrganizationId.of(registry, i / 2 + 1);
            ok(admin, new OpenAccount(org, "Account " + i), keepEvents);
            ok(admin, new SetTransferPolicy(org, Optional.empty(), false, Duration.ZERO), keepEvents);
            accounts[i] = AccountId.holding(registry, i / 2 + 1);
            contexts[i] = new CommandContext(T0, Actor.accountHolder("holder", org));
        }
        Actor mngAdmin = Actor.registryAdmin("admin", MNG01);
        ProjectId[] projects = new ProjectId[10];
        for (int p = 0; p < projects.length; p++) {
            projects[p] = new ProjectId(String.format("MN%03d", p + 1));
            ok(mngAdmin, new RegisterProject(projects[p], "Project " + p, new MethodologyId("MN_AM001"), MNG01,
                    List.of(OrganizationId.of(MNG01, 1))), keepEvents);
        }
        // Each decision covers up to 100 accounts: the participant requests it, then each side issues
        // one block to each of its own accounts among them, into its own registry.
        Actor jpnAdmin = Actor.registryAdmin("admin", JPN01);
        Actor participant = Actor.accountHolder("holder", OrganizationId.of(MNG01, 1));
        int issuance = 0;
        for (int round = 0; round < blocksPerAccount; round++) {
            for (int start = 0; start < accountCount; start += 100) {
                int end = Math.min(accountCount, start + 100);
                ProjectId project = projects[issuance % projects.length];
                int vintage = 2021 + (issuance / projects.length) % 5;
                int day = issuance / (projects.length * 5);
                LocalDate start0 = LocalDate.of(vintage, 1, 1).plusDays(day % 360);
                LocalDate end0 = LocalDate.of(vintage, 12, 31);
                // The ledger numbers requests from 1, and this world makes one per decision.
                IssuanceRequestId request = IssuanceRequestId.of(issuance + 1L);
                ok(participant, new SubmitIssuanceRequest(project, start0, end0,
                        Quantity.of((long) unitsPerBlock * (end - start)), "VER-" + issuance), keepEvents);
                for (RegistryId registry : List.of(MNG01, JPN01)) {
                    List<Allocation> allocations = new ArrayList<>();
                    for (int a = start; a < end; a++) {
                        if (accounts[a].registryId().equals(registry)) {
                            allocations.add(new Allocation(accounts[a], Quantity.of(unitsPerBlock)));
                        }
                    }
                    if (!allocations.isEmpty()) {
                        approved(registry.equals(MNG01) ? mngAdmin : jpnAdmin, new IssueCredits(new IssuanceId("I" + issuance + "-"
                                + registry), project, start0, end0, Vintage.of(vintage),
                                Quantity.of((long) unitsPerBlock * allocations.size()), allocations, request), keepEvents);
                    }
                }
                issuance++;
            }
        }
        state.drainChanges();
    }

    /** {@code count} transfer commands and their contexts, deterministic for a seed. */
    Planned transfers(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TransferCredits[] commands = new TransferCredits[count];
        CommandContext[] ctx = new CommandContext[count];
        for (int i = 0; i < count; i++) {
            int from = i % accounts.length;
            int to = random.nextInt(accounts.length - 1);
            if (to >= from) {
                to++;
            }
            long quantity = random.nextInt(20) == 0 ? unitsPerBlock / 2 : unitsPerBlock;
            commands[i] = TransferCredits.of(accounts[from], accounts[to], quantity);
            ctx[i] = contexts[from];
        }
        return new Planned(commands, ctx);
    }

    record Planned(TransferCredits[] commands, CommandContext[] contexts) {
    }

    /** Proposes the action as {@code proposer} and approves it as a second subject of the same role and scope. */
    private void approved(Actor proposer, ProposableAction action, boolean keepEvents) {
        ProposalMade proposal = (ProposalMade) ok(proposer, new ProposeAction(action), keepEvents).get(0);
        ok(new Actor(proposer.role(), "approver", proposer.scope()), new ApproveProposal(proposal.proposalId()), keepEvents);
    }

    private List<LedgerEvent> ok(Actor actor, Command command, boolean keepEvents) {
        Outcome o = StateMachine.apply(state, command, new CommandContext(T0, actor));
        if (!(o instanceof Outcome.Accepted a)) {
            throw new IllegalStateException("setup command refused: " + o);
        }
        if (keepEvents) {
            events.addAll(a.events());
        }
        return a.events();
    }
}

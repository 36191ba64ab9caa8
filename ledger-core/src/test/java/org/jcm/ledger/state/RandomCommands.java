package org.jcm.ledger.state;

import static org.jcm.ledger.state.Fixture.*;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.AddTrustedAccount;
import org.jcm.ledger.command.AmendAuthorization;
import org.jcm.ledger.command.ApprovePendingTransfer;
import org.jcm.ledger.command.CancelPendingTransfer;
import org.jcm.ledger.command.ProcessDueTransfers;
import org.jcm.ledger.command.RemoveTrustedAccount;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.command.ApplyCorrespondingAdjustment;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.CloseAccount;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.command.SubmitIssuanceRequest;
import org.jcm.ledger.command.Trade;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.command.UnfreezeAccount;
import org.jcm.ledger.command.UnitFilter;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.PendingTransferId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;
import org.jcm.ledger.serial.UnitRange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Turns random numbers into commands that make sense against the current state most of the time
 * (and sometimes do not: wrong actor, units not held, unknown ids), so that random sequences reach
 * deep states and every rejection path. Four-eyes actions are proposed by one of several subjects
 * of their role and scope (now and then submitted directly) and approved, rejected, withdrawn or
 * left to expire by random subjects ({@link RandomProposals}). Steps are plain numbers, so jqwik can shrink them.
 */
final class RandomCommands {

    /** One random step: a kind and five numbers the kind interprets. */
    record Step(int kind, int a, int b, int c, int d, int e) {
    }

    /** A command, who issues it, and how far the clock moves on before it (zero for most). */
    record Planned(Actor actor, Command command, java.time.Duration advance) {
        Planned(Actor actor, Command command) {
            this(actor, command, java.time.Duration.ZERO);
        }

        /** Moves {@code f}'s clock on as planned, before the command is applied to it. */
        void advanceClock(Fixture f) {
            if (!advance.isZero()) {
                f.advanceBy(advance);
            }
        }
    }

    static final int KINDS = 35;

    /** The system actor that issues {@code ExpireProposals}. */
    static final Actor WRITER = org.jcm.ledger.command.ExpireProposals.systemActor();

    static Arbitrary<List<Step>> steps(int maxSize) {
        return steps(1, maxSize);
    }

    static Arbitrary<List<Step>> steps(int minSize, int maxSize) {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 1000);
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, KINDS - 1), n, n, n, n, n)
                .as(Step::new);
        return step.list().ofMinSize(minSize).ofMaxSize(maxSize);
    }

    private final Fixture f;
    private final List<AccountId> accounts;
    private final ProjectId[] projects = {MN001, MN002, TW001};
    private final List<IssuanceId> issuances = new ArrayList<>();
    private final List<AuthorizationId> authorizations = new ArrayList<>();
    private final RandomProposals proposals;
    private int counter;

    RandomCommands(Fixture f) {
        this.f = f;
        this.accounts = List.of(f.jpA1, f.jpB1, f.mnC1, f.mnG1, f.twC1);
        this.proposals = new RandomProposals(f);
    }

    Planned plan(Step s) {
        AccountId from = pick(accounts, s.a());
        AccountId to = pick(accounts, s.b());
        long quantity = 1 + s.c() % 150;
        Actor owner = f.holderOf(from);
        if (s.d() % 2 == 1) {
            owner = second(f.state.account(from).orElseThrow().organizationId().orElseThrow());
        }
        Actor actor = s.e() % 23 == 0 ? holder(f.jpB) : owner;
        switch (s.kind()) {
            case 0:
                return request(s);
            case 1:
                return issue(s);
            case 2:
            case 3:
            case 4:
                return new Planned(actor, TransferCredits.of(from, to, quantity));
            case 5:
                return new Planned(actor, new TransferCredits(from, to, Quantity.of(quantity), List.of(), Optional.empty(),
                        Optional.of(new Trade("T" + counter++, "JPX", new java.math.BigDecimal("1250.50"), "JPY")),
                        Optional.of("memo " + s.d())));
            case 6: {
                List<BlockSerial> serials = serials(from, s);
                long q = 0;
                for (BlockSerial serial : serials) {
                    q += serial.size();
                }
                return new Planned(actor, new TransferCredits(from, to, Quantity.of(Math.max(1, q)), serials,
                        Optional.empty(), Optional.empty(), Optional.empty()));
            }
            case 7:
                return new Planned(actor, new TransferCredits(from, to, Quantity.of(quantity), List.of(),
                        Optional.of(filter(s)), Optional.empty(), Optional.empty()));
            case 8:
                return s.d() % 2 == 0
                        ? fourEyes(admin(from.registryId()), new CancelCredits(from, Quantity.of(quantity), List.of(),
                                Optional.empty(), CancellationReason.CORRECTION, Optional.of("correction")), s)
                        : new Planned(actor, new CancelCredits(from, Quantity.of(quantity), List.of(),
                                s.d() % 2 == 0 ? Optional.empty() : Optional.of(filter(s)), CancellationReason.VOLUNTARY,
                                Optional.empty()));
            case 9: {
                RetirementPurpose purpose = RetirementPurpose.values()[s.d() % 3];
                boolean details = s.e() % 7 != 0;
                Optional<UnitFilter> filter = purpose == RetirementPurpose.VOLUNTARY ? Optional.empty()
                        : Optional.of(new UnitFilter(Optional.empty(), Optional.empty(), Optional.of(Label.AUTHORIZED)));
                return new Planned(actor, new RetireCredits(from, Quantity.of(1 + s.c() % 40), List.of(), filter, purpose,
                        beneficiary(s.b()),
                        details && purpose == RetirementPurpose.NDC ? Optional.of(s.b() % 2 == 0 ? JPN : TWN) : Optional.empty(),
                        details && purpose == RetirementPurpose.NDC ? Optional.of(Year.of(2030)) : Optional.empty(),
                        Optional.empty()));
            }
            case 10: {
                // Half the time a frozen account if there is one, so that unfreezing is reached as often as freezing.
                AccountId account = s.c() % 2 == 0 ? frozen().orElse(from) : from;
                return fourEyes(admin(account.registryId()), f.state.account(account).orElseThrow().frozen()
                        ? new UnfreezeAccount(account, Optional.empty()) : new FreezeAccount(account, Optional.of("check")), s);
            }
            case 11:
            case 12:
                return authorize(s);
            case 13:
                return amend(s);
            case 14:
            case 25:
            case 26:
                return fourEyes(s.e() % 11 == 0 ? GOV_JPN : GOV_MNG,
                        new RevokeAuthorization(s.c() % 4 != 0 ? revocable(s.a()) : knownAuthorization(s.a()),
                                Optional.empty()), s);
            case 15:
                return adjust(s);
            case 16:
                return new Planned(admin(from.registryId()), new CloseAccount(from, Optional.empty()));
            case 17:
                return policy(from, s);
            case 18:
                return new Planned(actor, s.c() % 3 == 0 ? new RemoveTrustedAccount(organizationOf(from), to)
                        : new AddTrustedAccount(organizationOf(from), to));
            case 19:
            case 20:
            case 21:
                return approveOrCancel(s);
            case 22:
            case 23:
            case 24:
                return processDue(s);
            case 28:
            case 29:
            case 30:
            case 31:
            case 32:
            case 33:
                if (f.state.pendingProposals().isEmpty() && s.c() % 4 != 0) {
                    // Nothing to decide: propose a cancellation for correction (it reserves units) or a
                    // revocation (the rarest action to be valid) instead.
                    return plan(new Step(s.b() % 3 == 0 ? 14 : 8, s.a(), s.b(), s.c(), 0, s.e()));
                }
                return s.kind() == 33 ? proposals.reject(s) : proposals.approve(s);
            case 34:
                // The writer expires what is due (one second of the test clock passes per step).
                return new Planned(s.e() % 13 == 0 ? admin(MNG01) : s.e() % 17 == 0 ? OPERATOR : WRITER,
                        new org.jcm.ledger.command.ExpireProposals());
            default:
                return garbage(s);
        }
    }

    /**
     * A four-eyes action by one of three subjects of {@code actor}'s role and scope: proposed,
     * or now and then (and always for other roles, which the action's rules refuse or, for an
     * account holder's cancellation, accept) submitted directly.
     */
    private Planned fourEyes(Actor actor, org.jcm.ledger.command.ProposableAction action, Step s) {
        Actor subject = RandomProposals.subject(actor, s.d());
        if (s.e() % 10 == 0) {
            return new Planned(subject, action);
        }
        return new Planned(subject, new org.jcm.ledger.command.ProposeAction(action));
    }

    /** The first frozen account, if any. */
    private Optional<AccountId> frozen() {
        for (AccountId account : accounts) {
            if (f.state.account(account).orElseThrow().frozen()) {
                return Optional.of(account);
            }
        }
        return Optional.empty();
    }

    /** No beneficiary, a stated one, a registered organization, or one never registered (unknown_organization). */
    private Optional<Beneficiary> beneficiary(int pick) {
        switch (pick % 4) {
            case 0:
                return Optional.empty();
            case 1:
                return Optional.of(new Beneficiary.Organization(f.jpB));
            case 2:
                return Optional.of(new Beneficiary.Organization(OrganizationId.of(Fixture.JPN01, 99)));
            default:
                return Optional.of(new Beneficiary.Stated("Beneficiary " + pick));
        }
    }

    private OrganizationId organizationOf(AccountId account) {
        return f.state.account(account).orElseThrow().organizationId().orElseThrow();
    }

    /** A policy for the organization of {@code from}: a threshold sometimes, approval or not, a delay of 0, 1 or 26 hours. */
    private Planned policy(AccountId from, Step s) {
        RegistryId registry = s.e() % 13 == 0 ? JPN01 : from.registryId();
        return new Planned(admin(registry), new SetTransferPolicy(organizationOf(from),
                s.b() % 3 == 0 ? Optional.of(Quantity.of(1 + s.c() % 120)) : Optional.empty(), s.d() % 2 == 0,
                java.time.Duration.ofHours(new int[] {0, 1, 26}[s.e() % 3])));
    }

    /**
     * An approval or a cancellation of a pending transfer (its initiator, a second holder of its
     * organization, or a holder of another one), or of one that does not exist.
     */
    private Planned approveOrCancel(Step s) {
        List<PendingTransfer> pending = new ArrayList<>();
        for (PendingTransfer pt : f.state.pendingTransfers()) {
            if (pt.status().open() || s.c() % 7 == 0) {
                pending.add(pt);
            }
        }
        PendingTransferId id = pending.isEmpty() || s.e() % 17 == 0 ? PendingTransferId.of(99_999)
                : pick(pending, s.a()).id();
        Optional<PendingTransfer> target = f.state.pendingTransfer(id);
        OrganizationId org = target.map(PendingTransfer::organizationId).orElse(f.mnC);
        Actor initiator = target.map(PendingTransfer::initiator).orElse(holder(org));
        Actor other = initiator.equals(holder(org)) ? second(org) : holder(org);
        Actor actor = s.b() % 5 == 0 ? initiator : s.b() % 5 == 1 ? holder(f.twC) : other;
        return new Planned(actor, s.c() % 4 == 0 ? new CancelPendingTransfer(id, "reason " + s.d())
                : new ApprovePendingTransfer(id));
    }

    /** The writer's due processing after the clock moved on by up to 50 hours; sometimes by another operator. */
    private Planned processDue(Step s) {
        return new Planned(s.e() % 19 == 0 ? OPERATOR : ProcessDueTransfers.systemActor(), new ProcessDueTransfers(),
                java.time.Duration.ofMinutes(1 + (s.c() * 13L + s.d()) % 3_000));
    }

    /** Remember the issuances among {@code events}, so later steps can name them. */
    void issued(List<org.jcm.ledger.event.LedgerEvent> events) {
        for (org.jcm.ledger.event.LedgerEvent e : events) {
            if (e instanceof org.jcm.ledger.event.CreditsIssued issued) {
                issuances.add(issued.issuanceId());
            }
        }
    }

    /** Remember ids the ledger accepted, so later steps can name them (approved actions included). */
    void accepted(Planned p) {
        Command command = p.command();
        if (command instanceof org.jcm.ledger.command.ApproveProposal a) {
            command = f.state.proposal(a.proposalId()).orElseThrow().action();
        }
        if (command instanceof IssueCredits c) {
            issuances.add(c.issuanceId());
        } else if (command instanceof AuthorizeUnits c) {
            authorizations.add(c.authorizationId());
        }
    }

    /**
     * A participant's issuance request for one of the projects: a monitoring period from the first
     * of a month to the end of a year 2023 to 2025, so that many decisions can be issued; sometimes
     * by an organization that is no participant.
     */
    private Planned request(Step s) {
        ProjectId project = projects[s.a() % projects.length];
        List<OrganizationId> participants = f.state.project(project).orElseThrow().participants();
        Actor actor = s.e() % 23 == 0 ? holder(f.mnG) : holder(pick(participants, s.b()));
        int year = 2023 + s.b() % 3;
        return new Planned(actor, new SubmitIssuanceRequest(project, LocalDate.of(year, 1 + s.c() % 12, 1),
                LocalDate.of(year, 12, 31), Quantity.of(1 + (s.c() * 7L + s.d()) % 900), "VER-" + counter++));
    }

    /**
     * An issuance on a known request (a new request when there is none yet) by the administrator of
     * Japan's registry or of the host's, into that registry's accounts; sometimes for another
     * project than the request's, into another registry's account, beyond the verified quantity, or
     * with allocations that do not add up.
     */
    private Planned issue(Step s) {
        List<IssuanceRequest> requests = new ArrayList<>(f.state.data.issuanceRequests.values());
        if (requests.isEmpty()) {
            return request(s);
        }
        requests.sort(java.util.Comparator.comparing(IssuanceRequest::id));
        IssuanceRequest request = pick(requests, s.a());
        ProjectId project = s.e() % 17 == 0 ? projects[s.a() % projects.length] : request.projectId();
        RegistryId registry = s.d() % 2 == 0 ? JPN01 : project.equals(TW001) ? TWN01 : MNG01;
        List<AccountId> own = new ArrayList<>();
        for (AccountId account : accounts) {
            if (account.registryId().equals(registry) || s.e() % 29 == 0) {
                own.add(account);
            }
        }
        List<Allocation> allocations = new ArrayList<>();
        long total = 0;
        int lines = 1 + s.c() % 3;
        for (int i = 0; i < lines; i++) {
            long q = 1 + (s.d() * (i + 7L) + s.e()) % 300;
            AccountId account = pick(own, s.e() + i);
            if (allocations.stream().anyMatch(a -> a.accountId().equals(account))) {
                continue;
            }
            allocations.add(new Allocation(account, Quantity.of(q)));
            total += q;
        }
        if (s.e() % 19 == 0) {
            total += 1; // allocations that do not add up
        }
        int vintage = request.monitoringPeriodEnd().getYear();
        String id = "I" + counter++;
        return fourEyes(admin(registry), new IssueCredits(new IssuanceId(id), project, request.monitoringPeriodStart(),
                request.monitoringPeriodEnd(), Vintage.of(vintage), Quantity.of(total), allocations, request.id()), s);
    }

    private Planned authorize(Step s) {
        AuthorizationPurpose purpose = AuthorizationPurpose.values()[s.b() % 3];
        Optional<OimpFirstTransfer> def = purpose.includesOimp()
                ? Optional.of(OimpFirstTransfer.values()[s.c() % 3]) : Optional.empty();
        Optional<Quantity> cap = s.d() % 3 == 0 ? Optional.of(Quantity.of(1 + s.d())) : Optional.empty();
        List<Vintage> vintages = s.e() % 5 == 0 ? List.of(Vintage.of(2024)) : List.of();
        Optional<IssuanceId> byIssuance = Optional.empty();
        List<BlockSerial> serials = List.of();
        if (s.a() % 2 == 0 && !issuances.isEmpty()) {
            byIssuance = Optional.of(pick(issuances, s.a() / 2));
        } else {
            serials = serials(pick(accounts, s.a()), s);
        }
        PartyCode party = s.e() % 13 == 0 ? TWN : MNG;
        Actor actor = party.equals(TWN) ? GOV_TWN : GOV_MNG;
        return fourEyes(actor, new AuthorizeUnits(new AuthorizationId("A" + counter++), party, CA, purpose,
                purpose.includesOimp() ? Optional.of("CORSIA") : Optional.empty(), def, cap, vintages, List.of("Company A"),
                byIssuance, serials.isEmpty() && byIssuance.isEmpty() ? List.of(new BlockSerial(MN001, Vintage.of(2024),
                        UnitRange.of(1, 5))) : serials), s);
    }

    /**
     * An authorization the ledger knows (remembered when accepted, or, half the time, any in the
     * state, which includes those approved by another planner's steps), or an unknown id.
     */
    private AuthorizationId knownAuthorization(int n) {
        List<Authorization> known = f.state.authorizations();
        if (n % 2 == 0 && !known.isEmpty()) {
            return pick(known, n / 2).id();
        }
        return authorizations.isEmpty() ? new AuthorizationId("none") : pick(authorizations, n);
    }

    /** An authorization that can still be revoked (none of its units first transferred), if any. */
    private AuthorizationId revocable(int n) {
        List<AuthorizationId> ids = new ArrayList<>();
        for (Authorization a : f.state.authorizations()) {
            if (!a.revoked() && a.firstTransferredUnits() == 0) {
                ids.add(a.id());
            }
        }
        return ids.isEmpty() ? knownAuthorization(n) : pick(ids, n);
    }

    private Planned amend(Step s) {
        AuthorizationId id = knownAuthorization(s.a());
        List<BlockSerial> serials = s.b() % 2 == 0 ? serials(pick(accounts, s.c()), s) : List.of();
        return fourEyes(GOV_MNG, new AmendAuthorization(id,
                s.d() % 2 == 0 ? Optional.of(Quantity.of(1 + s.d() * 3L)) : Optional.empty(),
                s.e() % 4 == 0 ? Optional.of(List.of(Vintage.of(2023), Vintage.of(2024))) : Optional.empty(),
                Optional.of(List.of("Entity " + s.e())), Optional.empty(), serials, Optional.empty()), s);
    }

    private Planned adjust(Step s) {
        CaMethod method = CaMethod.values()[s.b() % 2];
        if (s.a() % 2 == 0 && !f.state.data.firstTransfers.isEmpty()) {
            List<Long> seqs = new ArrayList<>(f.state.data.firstTransfers.keySet());
            seqs.sort(null);
            // Half the time one of the two newest first transfers, the likeliest still pending adjustment.
            long seq = s.c() % 2 == 0 ? seqs.get(seqs.size() - 1 - Math.floorMod(s.d(), Math.min(2, seqs.size())))
                    : pick(seqs, s.c());
            int year = f.state.data.firstTransfers.get(seq).ranges().get(0).vintage().year();
            return fourEyes(GOV_MNG, new ApplyCorrespondingAdjustment(MNG, Year.of(year), method, List.of(), List.of(seq)), s);
        }
        List<BlockSerial> serials = serials(pick(accounts, s.c()), s);
        int year = serials.isEmpty() ? 2024 : serials.get(0).vintage().year();
        return fourEyes(GOV_MNG, new ApplyCorrespondingAdjustment(MNG, Year.of(year), method,
                serials.isEmpty() ? List.of(new BlockSerial(MN001, Vintage.of(2024), UnitRange.of(1, 3))) : serials, List.of()), s);
    }

    private Planned garbage(Step s) {
        switch (s.a() % 4) {
            case 0:
                return new Planned(holder(f.mnC), TransferCredits.of(f.mnC1, AccountId.holding(MNG01, 99), 5));
            case 1:
                return new Planned(OPERATOR, TransferCredits.of(f.mnC1, f.mnG1, 5));
            case 2:
                return new Planned(holder(f.mnC), TransferCredits.of(f.mnC1, f.mnC1, 5));
            default:
                return new Planned(holder(f.mnC), new TransferCredits(f.mnC1, f.mnG1, Quantity.of(10),
                        List.of(new BlockSerial(MN001, Vintage.of(2024), UnitRange.of(1 + s.b(), 10 + s.b()))), Optional.empty(),
                        Optional.empty(), Optional.empty()));
        }
    }

    /** Up to two sub-ranges of blocks the account holds (or, sometimes, of blocks it does not). */
    private List<BlockSerial> serials(AccountId account, Step s) {
        List<CreditBlock> held = f.state.holdings(s.e() % 9 == 0 ? pick(accounts, s.e()) : account);
        if (held.isEmpty()) {
            return List.of();
        }
        List<BlockSerial> out = new ArrayList<>();
        CreditBlock b = pick(held, s.d());
        long size = b.quantity();
        long offset = s.c() % size;
        long length = 1 + s.b() % (size - offset);
        out.add(new BlockSerial(b.projectId(), b.vintage(), UnitRange.ofSize(b.range().first() + offset, length)));
        if (s.a() % 3 == 0 && held.size() > 1) {
            CreditBlock other = pick(held, s.d() + 1);
            if (other != b) {
                out.add(new BlockSerial(other.projectId(), other.vintage(), UnitRange.ofSize(other.range().first(),
                        1 + s.e() % other.quantity())));
            }
        }
        return out;
    }

    private UnitFilter filter(Step s) {
        return new UnitFilter(s.d() % 2 == 0 ? Optional.of(projects[s.e() % 2]) : Optional.empty(),
                s.d() % 3 == 0 ? Optional.of(Vintage.of(2023 + s.e() % 3)) : Optional.empty(),
                s.d() % 5 == 0 ? Optional.of(Label.values()[s.e() % 3]) : Optional.empty());
    }

    private static <T> T pick(List<T> list, int index) {
        return list.get(Math.floorMod(index, list.size()));
    }

    private static <T> T pick(List<T> list, long index) {
        return list.get((int) Math.floorMod(index, (long) list.size()));
    }
}

package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.command.RegisterProject;
import org.jcm.ledger.command.RegisterRegistry;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.command.SubmitIssuanceRequest;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ProposalId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.serial.Quantity;

/**
 * A small ledger for tests: Japan (JPN01), Mongolia (MNG01, cooperative approach CA0012, hosts
 * MN001 and MN002) and Taiwan (TWN01, hosts TW001); two organizations with one holding account
 * each per registry. Taiwan stands here for a JCM partner that is not a Party to the Paris
 * Agreement (docs/domain.md section 1 allows such partners; in the reference data Taiwan is a candidate), so that
 * tests can reach the rules that only such a partner breaks. Every event is also recorded so tests
 * can replay it.
 */
public final class Fixture {

    public static final PartyCode JPN = PartyCode.JAPAN;
    public static final PartyCode MNG = new PartyCode("MNG");
    public static final PartyCode TWN = new PartyCode("TWN");
    public static final RegistryId JPN01 = new RegistryId("JPN01");
    public static final RegistryId MNG01 = new RegistryId("MNG01");
    public static final RegistryId TWN01 = new RegistryId("TWN01");
    public static final CooperativeApproachId CA = new CooperativeApproachId("CA0012");
    public static final ProjectId MN001 = new ProjectId("MN001");
    public static final ProjectId MN002 = new ProjectId("MN002");
    public static final ProjectId TW001 = new ProjectId("TW001");
    public static final Instant T0 = Instant.parse("2025-04-01T09:00:00Z");

    public static final Actor OPERATOR = Actor.operator("ops");
    public static final Actor GOV_MNG = Actor.government("mng-gov", MNG);
    public static final Actor GOV_JPN = Actor.government("jpn-gov", JPN);
    public static final Actor GOV_TWN = Actor.government("twn-gov", TWN);

    public final LedgerState state;
    public final List<LedgerEvent> events = new ArrayList<>();
    private long tick;
    private Instant clock = T0;

    // Organizations and accounts, created in this order: JPN01-O0001/H00001 (Japanese company A),
    // JPN01-O0002/H00002 (Japanese company B), MNG01-O0001/H00001 (Mongolian company),
    // MNG01-O0002/H00002 (Mongolian government), TWN01-O0001/H00001.
    public final OrganizationId jpA = OrganizationId.of(JPN01, 1);
    public final OrganizationId jpB = OrganizationId.of(JPN01, 2);
    public final OrganizationId mnC = OrganizationId.of(MNG01, 1);
    public final OrganizationId mnG = OrganizationId.of(MNG01, 2);
    public final OrganizationId twC = OrganizationId.of(TWN01, 1);
    public final AccountId jpA1 = AccountId.holding(JPN01, 1);
    public final AccountId jpB1 = AccountId.holding(JPN01, 2);
    public final AccountId mnC1 = AccountId.holding(MNG01, 1);
    public final AccountId mnG1 = AccountId.holding(MNG01, 2);
    public final AccountId twC1 = AccountId.holding(TWN01, 1);

    /**
     * The default configuration with transfer policy {@link TransferPolicy#OPEN} (no approval, no
     * delay): the ledger as it was before the transfer controls, on which the tests of every other
     * rule run. Tests of the controls use {@link LedgerConfig#DEFAULT} ({@link #withEuDefaults()}).
     */
    public static final LedgerConfig OPEN_TRANSFERS = LedgerConfig.DEFAULT.withDefaultTransferPolicy(TransferPolicy.OPEN);

    public Fixture() {
        this(new LedgerState(OPEN_TRANSFERS));
    }

    /** A fixture on the default configuration: the EU Union Registry's transfer controls. */
    public static Fixture withEuDefaults() {
        return new Fixture(new LedgerState(LedgerConfig.DEFAULT));
    }

    public Fixture(LedgerState state) {
        this.state = state;
        ok(OPERATOR, new RegisterParty(new Party("JP", JPN, "Japan", JcmStatus.JAPAN, true, Optional.empty())));
        ok(OPERATOR, new RegisterParty(new Party("MN", MNG, "Mongolia", JcmStatus.PARTNER, true, Optional.of(CA),
                Optional.of(LocalDate.of(2013, 1, 8)), java.util.EnumSet.allOf(org.jcm.ledger.id.SectoralScope.class))));
        ok(OPERATOR, new RegisterParty(new Party("TW", TWN, "Taiwan", JcmStatus.PARTNER, false, Optional.empty(), Optional.of(LocalDate.of(2020, 1, 1)), Set.of())));
        ok(OPERATOR, new RegisterRegistry(JPN01, "Japan JCM registry"));
        ok(OPERATOR, new RegisterRegistry(MNG01, "Mongolia JCM registry"));
        ok(OPERATOR, new RegisterRegistry(TWN01, "Taiwan registry"));
        ok(admin(JPN01), new RegisterOrganization(JPN01, "Company A"));
        ok(admin(JPN01), new RegisterOrganization(JPN01, "Company B"));
        ok(admin(MNG01), new RegisterOrganization(MNG01, "Ulaanbaatar Solar"));
        ok(admin(MNG01), new RegisterOrganization(MNG01, "Government of Mongolia"));
        ok(admin(TWN01), new RegisterOrganization(TWN01, "Taipei Wind"));
        ok(admin(JPN01), new OpenAccount(jpA, "A main"));
        ok(admin(JPN01), new OpenAccount(jpB, "B main"));
        ok(admin(MNG01), new OpenAccount(mnC, "UB Solar main"));
        ok(admin(MNG01), new OpenAccount(mnG, "Government main"));
        ok(admin(TWN01), new OpenAccount(twC, "Taipei Wind main"));
        ok(admin(MNG01), new RegisterProject(MN001, "Solar in Ulaanbaatar", new MethodologyId("MN_AM001"), MNG01,
                List.of(mnC, jpA)));
        ok(admin(JPN01), new RegisterProject(MN002, "Heat only boilers", new MethodologyId("MN_AM002"), JPN01,
                List.of(jpB)));
        ok(admin(TWN01), new RegisterProject(TW001, "Offshore wind", new MethodologyId("TW_AM001"), TWN01, List.of(twC)));
    }

    public static Actor admin(RegistryId registry) {
        return Actor.registryAdmin("admin-" + registry, registry);
    }

    public static Actor holder(OrganizationId org) {
        return Actor.accountHolder("user-" + org, org);
    }

    public CommandContext context(Actor actor) {
        return new CommandContext(clock.plusSeconds(tick++), actor);
    }

    /** Moves the clock on by {@code d} from the time of the last command (for delays and time-outs). */
    public void advanceBy(java.time.Duration d) {
        clock = clock.plusSeconds(tick).plus(d);
        tick = 0;
    }

    /** A second account holder of the organization: another subject, the same role and scope. */
    public static Actor second(OrganizationId org) {
        return Actor.accountHolder("second-" + org, org);
    }

    /** Makes the next commands happen at {@code at}, one second apart (for tests of dates and years). */
    public void advanceTo(Instant at) {
        clock = at;
        tick = 0;
    }

    /**
     * Applies {@code command} as {@code actor}. A four-eyes action of the role that must propose it
     * (an issuance, freeze or cancellation for correction by a registry administrator; an
     * authorization, amendment, revocation or adjustment by a government) goes the way the ledger
     * requires: {@code actor} proposes it and {@link #second(Actor)} approves it at once. The
     * outcome is then the proposal's rejection, the approval's rejection, or the approved action's
     * own events (the {@code ProposalMade} and {@code ProposalApproved} events are recorded in
     * {@link #events} but not returned), so that tests of the actions read as before.
     */
    public Outcome apply(Actor actor, Command command) {
        if (command instanceof ProposableAction action && ActionRules.needsApproval(action, actor)) {
            return proposeAndApprove(actor, action);
        }
        return direct(actor, command);
    }

    /** Applies {@code command} as {@code actor} as it is, four-eyes actions included (which are then refused). */
    public Outcome direct(Actor actor, Command command) {
        return applyIn(context(actor), command);
    }

    private Outcome applyIn(CommandContext ctx, Command command) {
        Outcome o = StateMachine.apply(state, command, ctx);
        if (o instanceof Outcome.Accepted a) {
            events.addAll(a.events());
        }
        return o;
    }

    /** Another subject of the same role and scope as {@code actor}: who approves its proposals in tests. */
    public static Actor second(Actor actor) {
        return new Actor(actor.role(), actor.subject() + "-second", actor.scope());
    }

    private Outcome proposeAndApprove(Actor actor, ProposableAction action) {
        // Both at the same instant, so that a four-eyes action takes as much of the test clock as any other command.
        CommandContext proposing = context(actor);
        Outcome proposed = applyIn(proposing, new ProposeAction(action));
        if (!(proposed instanceof Outcome.Accepted made)) {
            return proposed;
        }
        ProposalId id = ((ProposalMade) made.events().get(0)).proposalId();
        Outcome approved = applyIn(new CommandContext(proposing.at(), second(actor)), new ApproveProposal(id));
        if (!(approved instanceof Outcome.Accepted a)) {
            return approved;
        }
        return new Outcome.Accepted(a.events().subList(1, a.events().size()));
    }

    public List<LedgerEvent> ok(Actor actor, Command command) {
        Outcome o = apply(actor, command);
        assertThat(o).as("outcome of %s", command).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted) o).events();
    }

    /**
     * Issues {@code quantities} of the project's {@code vintage} (monitoring period: that calendar
     * year) into the given accounts, as the ledger requires: the project's first participant
     * requests issuance of the total, then each registry's administrator issues the share of its own
     * accounts, in the order the accounts first appear. The first share is issuance
     * {@code issuanceId}, a later one {@code issuanceId-REGISTRY} (e.g. {@code MN001-2024-01-JPN01}).
     * Returns the CreditsIssued events.
     */
    public List<LedgerEvent> issue(String issuanceId, ProjectId project, int vintage, Object... accountsAndQuantities) {
        Map<RegistryId, List<Allocation>> shares = new LinkedHashMap<>();
        long total = 0;
        for (int i = 0; i < accountsAndQuantities.length; i += 2) {
            long q = ((Number) accountsAndQuantities[i + 1]).longValue();
            AccountId account = (AccountId) accountsAndQuantities[i];
            shares.computeIfAbsent(account.registryId(), r -> new ArrayList<>()).add(new Allocation(account, Quantity.of(q)));
            total += q;
        }
        LocalDate start = LocalDate.of(vintage, 1, 1);
        LocalDate end = LocalDate.of(vintage, 12, 31);
        IssuanceRequestId request = request(project, start, end, total);
        List<LedgerEvent> issued = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<RegistryId, List<Allocation>> share : shares.entrySet()) {
            long shareTotal = 0;
            for (Allocation a : share.getValue()) {
                shareTotal += a.quantity().tonnes();
            }
            String id = first ? issuanceId : issuanceId + "-" + share.getKey();
            first = false;
            issued.addAll(ok(admin(share.getKey()), new IssueCredits(new IssuanceId(id), project, start, end, Vintage.of(vintage),
                    Quantity.of(shareTotal), share.getValue(), request)));
        }
        return issued;
    }

    /** The project's first participant requests issuance of {@code verified} units; returns the request's id. */
    public IssuanceRequestId request(ProjectId project, LocalDate start, LocalDate end, long verified) {
        OrganizationId participant = state.project(project).orElseThrow().participants().get(0);
        IssuanceRequested e = (IssuanceRequested) ok(holder(participant), new SubmitIssuanceRequest(project, start, end,
                Quantity.of(verified), "VER-" + project + "-" + start)).get(0);
        return e.issuanceRequestId();
    }

    public Actor holderOf(AccountId account) {
        return holder(state.account(account).orElseThrow().organizationId().orElseThrow());
    }

    public List<LedgerEvent> transfer(AccountId from, AccountId to, long quantity) {
        return ok(holderOf(from), TransferCredits.of(from, to, quantity));
    }

    public static AuthorizeUnits authorizeIssuance(String id, String issuanceId, AuthorizationPurpose purpose,
                                                   Optional<OimpFirstTransfer> definition, Optional<Quantity> cap) {
        return new AuthorizeUnits(new AuthorizationId(id), MNG, CA, purpose,
                purpose.includesOimp() ? Optional.of("CORSIA") : Optional.empty(), definition, cap, List.of(),
                List.of("Company A"), Optional.of(new IssuanceId(issuanceId)), List.of());
    }

    public static RetireCredits retireForNdc(AccountId from, long quantity) {
        return new RetireCredits(from, Quantity.of(quantity), List.of(), Optional.empty(), RetirementPurpose.NDC,
                Optional.of(new Beneficiary.Stated("Japan")), Optional.of(JPN), Optional.of(Year.of(2030)), Optional.empty());
    }
}

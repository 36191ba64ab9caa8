package org.jcm.registry.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.command.RegisterProject;
import org.jcm.ledger.command.RegisterRegistry;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.command.SubmitIssuanceRequest;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.credit.BlockKey;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.IssuanceRequested;
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
import org.jcm.ledger.state.AccountInfo;
import org.jcm.ledger.state.Issuance;
import org.jcm.ledger.state.IssuanceRequest;
import org.jcm.ledger.state.LedgerChanges;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.Organization;
import org.jcm.ledger.state.Project;
import org.jcm.ledger.state.RegistryInfo;
import org.jcm.ledger.state.StateMachine;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.serial.Quantity;
import org.jcm.registry.write.CommandResult;
import org.jcm.registry.write.LedgerWriter;

/**
 * Puts a small test world and random transfers into a ledger, either through the service's real
 * {@link LedgerWriter} or, for tests that run the outbox without the application, by standing in
 * for the writer: applying commands with ledger-core, chaining and storing the events and keeping
 * the live-state tables in step, one transaction per batch, as docs/schema.md describes.
 *
 * <p>Either way it continues whatever ledger the database already holds. The stand-in must not
 * run beside a real writer on the same database.
 */
public final class LedgerFixture implements AutoCloseable {

    /** Holding accounts of the test world: half in JPN01, half in MNG01. */
    public static final int ACCOUNTS = 20;
    private static final int BLOCKS_PER_ACCOUNT = 5;
    private static final int UNITS_PER_BLOCK = 10;
    private static final PartyCode MNG = new PartyCode("MNG");
    private static final RegistryId JPN01 = new RegistryId("JPN01");
    private static final RegistryId MNG01 = new RegistryId("MNG01");

    private final Connection connection;
    private final LedgerWriter writer;
    private final List<Submitted> submitted = new ArrayList<>();
    private final LedgerState state = new LedgerState();
    private final boolean blockHasLastSeq;
    private final SplittableRandom random = new SplittableRandom(42);
    private byte[] lastHash = HashChain.zero();
    private final List<Pending> pending = new ArrayList<>();

    /** One event chained and ready to store. */
    private record Pending(LedgerEvent event, String json, byte[] prevHash, byte[] hash) {
    }

    /** A command handed to the real writer, and whether the test needs it accepted. */
    private record Submitted(Command command, boolean mustSucceed, CompletableFuture<CommandResult> result) {
    }

    /** A fixture that submits every command to the service's writer. */
    public LedgerFixture(LedgerWriter writer) {
        this.connection = null;
        this.writer = writer;
        this.blockHasLastSeq = false;
    }

    /** A fixture that stands in for the writer on the database, replaying the ledger it already holds. */
    public LedgerFixture(Connection connection) throws SQLException {
        this.connection = connection;
        this.writer = null;
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement();
             ResultSet rows = s.executeQuery("SELECT event_json, hash FROM ledger_event ORDER BY seq")) {
            state.setChangeTracking(false);
            while (rows.next()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> json = (Map<String, Object>) Json.parse(rows.getString(1));
                state.apply(EventCodec.fromJson(json));
                lastHash = rows.getBytes(2);
            }
            state.setChangeTracking(true);
        }
        try (Statement s = connection.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM information_schema.columns"
                     + " WHERE table_name = 'block' AND column_name = 'last_seq'")) {
            rows.next();
            blockHasLastSeq = rows.getInt(1) == 1;
        }
        connection.commit();
    }

    /** The seq of the last stored event, 0 for an empty ledger. */
    public long lastSeq() {
        return writer != null ? writer.committedSeq() : state.lastSeq();
    }

    /** The ledger state as the fixture replayed and extended it. */
    public LedgerState state() {
        return state;
    }

    /** The holding accounts of the test world. */
    public List<AccountId> accounts() {
        List<AccountId> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(AccountId.holding(i % 2 == 0 ? JPN01 : MNG01, i / 2 + 1));
        }
        return accounts;
    }

    /**
     * Registers Japan and Mongolia, their registries, {@link #ACCOUNTS} holding accounts with
     * units, two projects, one frozen account and one retirement, unless the ledger has them.
     * Issuances and the freeze are proposed by one administrator and approved by another; every
     * organization's transfer policy needs no approval and no delay, so transfers execute at once.
     */
    public LedgerFixture world() throws SQLException {
        List<RegistryInfo> registries = writer != null ? writer.reference().registries() : state.registries();
        if (registries.stream().anyMatch(r -> r.id().equals(MNG01))) {
            return this;
        }
        Actor operator = Actor.operator("fixture");
        // The real writer registers the reference Parties itself when it starts.
        if (writer == null || !writer.reference().partiesByCode().containsKey(MNG)) {
            apply(operator, new RegisterParty(new Party("JP", PartyCode.JAPAN, "Japan", JcmStatus.JAPAN, true,
                    Optional.empty())));
            apply(operator, new RegisterParty(new Party("MN", MNG, "Mongolia", JcmStatus.PARTNER, true,
                    Optional.of(new CooperativeApproachId("CA0012")), Optional.of(LocalDate.of(2013, 1, 8)), Set.of())));
        }
        apply(operator, new RegisterRegistry(JPN01, "Japan"));
        apply(operator, new RegisterRegistry(MNG01, "Mongolia"));
        List<AccountId> accounts = accounts();
        for (int i = 0; i < ACCOUNTS; i++) {
            RegistryId registry = i % 2 == 0 ? JPN01 : MNG01;
            Actor admin = Actor.registryAdmin("admin@" + registry, registry);
            apply(admin, new RegisterOrganization(registry, "Org " + i));
            apply(admin, new OpenAccount(OrganizationId.of(registry, i / 2 + 1), "Account " + i));
            // The random transfers cross organizations: they execute at once, with no approval and no delay.
            apply(admin, new SetTransferPolicy(OrganizationId.of(registry, i / 2 + 1), Optional.empty(), false,
                    Duration.ZERO));
        }
        Actor mngAdmin = Actor.registryAdmin("admin@MNG01", MNG01);
        ProjectId[] projects = {new ProjectId("MN001"), new ProjectId("MN002")};
        for (ProjectId project : projects) {
            apply(mngAdmin, new RegisterProject(project, "Solar " + project, new MethodologyId("MN_AM001"), MNG01,
                    List.of(OrganizationId.of(MNG01, 1))));
        }
        // Each round is one Joint Committee decision on one request of the participant; each side
        // issues its share into its own registry: MNG01 as I{round}, JPN01 as I{round}-JPN01.
        OrganizationId participant = OrganizationId.of(MNG01, 1);
        Actor jpnAdmin = Actor.registryAdmin("admin@JPN01", JPN01);
        for (int round = 0; round < BLOCKS_PER_ACCOUNT; round++) {
            int vintage = 2021 + round % 3;
            ProjectId project = projects[round % 2];
            LocalDate start = LocalDate.of(vintage, 1, 1).plusDays(round);
            LocalDate end = LocalDate.of(vintage, 12, 31);
            IssuanceRequestId request = request(Actor.accountHolder("holder", participant), new SubmitIssuanceRequest(project,
                    start, end, Quantity.of((long) UNITS_PER_BLOCK * accounts.size()), "VER-" + round));
            for (RegistryId registry : List.of(MNG01, JPN01)) {
                List<Allocation> allocations = new ArrayList<>();
                for (AccountId account : accounts) {
                    if (account.registryId().equals(registry)) {
                        allocations.add(new Allocation(account, Quantity.of(UNITS_PER_BLOCK)));
                    }
                }
                approved(registry.equals(MNG01) ? mngAdmin : jpnAdmin, new IssueCredits(
                        new IssuanceId(registry.equals(MNG01) ? "I" + round : "I" + round + "-JPN01"), project, start, end,
                        Vintage.of(vintage), Quantity.of((long) UNITS_PER_BLOCK * allocations.size()), allocations, request));
            }
        }
        AccountId retiring = accounts.get(ACCOUNTS - 1);
        apply(holder(retiring), new RetireCredits(retiring, Quantity.of(5), List.of(), Optional.empty(),
                RetirementPurpose.VOLUNTARY, Optional.of(new Beneficiary.Stated("Example Corp")), Optional.empty(), Optional.of(Year.of(2025)),
                Optional.empty()));
        approved(mngAdmin, new FreezeAccount(accounts.get(ACCOUNTS - 1),
                Optional.of("fixture")));
        commit();
        return this;
    }

    /**
     * Applies {@code count} random transfers between the world's accounts (refused ones are
     * skipped) and commits them in one transaction; returns the last seq.
     */
    public long transfers(int count) throws SQLException {
        List<AccountId> accounts = accounts();
        // The last account is frozen; it receives but never sends.
        int senders = ACCOUNTS - 1;
        for (int i = 0; i < count; i++) {
            AccountId from = accounts.get(random.nextInt(senders));
            AccountId to = accounts.get(random.nextInt(ACCOUNTS));
            if (from.equals(to)) {
                to = accounts.get((accounts.indexOf(to) + 1) % ACCOUNTS);
            }
            long quantity = 1 + random.nextInt(UNITS_PER_BLOCK);
            // A random walk drains some accounts: a refused transfer (insufficient units) appends nothing.
            apply(holder(from), TransferCredits.of(from, to, quantity), false);
        }
        return commit();
    }

    private static Actor holder(AccountId account) {
        RegistryId registry = account.value().startsWith("JPN01") ? JPN01 : MNG01;
        long number = Long.parseLong(account.value().replaceAll("^.*-H0*", ""));
        return Actor.accountHolder("holder", OrganizationId.of(registry, number));
    }

    private void apply(Actor actor, Command command) {
        apply(actor, command, true);
    }

    /** Applies an issuance request at once (the writer's answer awaited) and returns the id the ledger gave it. */
    private IssuanceRequestId request(Actor actor, SubmitIssuanceRequest command) {
        return ((IssuanceRequested) appliedNow(actor, command).get(0)).issuanceRequestId();
    }

    /**
     * Carries out a four-eyes action as the ledger requires: {@code proposer} proposes it and a
     * second administrator of the same scope ({@code approver@...}) approves it at once.
     */
    private void approved(Actor proposer, ProposableAction action) {
        ProposalMade proposal = (ProposalMade) appliedNow(proposer, new ProposeAction(action)).get(0);
        Actor approver = new Actor(proposer.role(), "approver@" + proposer.scope(), proposer.scope());
        appliedNow(approver, new ApproveProposal(proposal.proposalId()));
    }

    /** Applies a command that must be accepted at once (the writer's answer awaited); returns its events. */
    private List<LedgerEvent> appliedNow(Actor actor, Command command) {
        List<LedgerEvent> events;
        if (writer != null) {
            CommandResult result;
            try {
                result = writer.submit(new LedgerWriter.Item(command, actor, null), Runnable::run)
                        .get(2, TimeUnit.MINUTES);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the writer did not answer", e);
            }
            if (!(result instanceof CommandResult.Accepted accepted)) {
                throw new IllegalStateException(command + " was not accepted: " + result);
            }
            events = accepted.events();
        } else {
            int before = pending.size();
            apply(actor, command, true);
            events = new ArrayList<>();
            for (Pending p : pending.subList(before, pending.size())) {
                events.add(p.event());
            }
        }
        return events;
    }

    private void apply(Actor actor, Command command, boolean mustSucceed) {
        if (writer != null) {
            submitted.add(new Submitted(command, mustSucceed,
                    writer.submit(new LedgerWriter.Item(command, actor, null), Runnable::run)));
            return;
        }
        // Whole milliseconds, as the writer stores them.
        Instant at = Instant.ofEpochMilli(System.currentTimeMillis());
        Outcome outcome = StateMachine.apply(state, command, new CommandContext(at, actor));
        if (!(outcome instanceof Outcome.Accepted accepted)) {
            if (mustSucceed) {
                throw new IllegalStateException("refused: " + outcome);
            }
            return;
        }
        for (LedgerEvent event : accepted.events()) {
            String json = Jcs.canonicalize(EventCodec.toJson(event));
            byte[] hash = HashChain.next(lastHash, json.getBytes(StandardCharsets.UTF_8));
            pending.add(new Pending(event, json, lastHash, hash));
            lastHash = hash;
        }
    }

    /** Stores the pending events and the state they changed in one transaction; returns the last seq. */
    public long commit() throws SQLException {
        if (writer != null) {
            return awaitSubmitted();
        }
        if (pending.isEmpty()) {
            state.drainChanges();
            return state.lastSeq();
        }
        try {
            insertEvents();
            persist(state.drainChanges());
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
        pending.clear();
        return state.lastSeq();
    }

    private long awaitSubmitted() {
        try {
            for (Submitted s : submitted) {
                CommandResult result = s.result.get(2, TimeUnit.MINUTES);
                if (s.mustSucceed && !(result instanceof CommandResult.Accepted)) {
                    throw new IllegalStateException(s.command + " was not accepted: " + result);
                }
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the writer did not answer", e);
        } finally {
            submitted.clear();
        }
        return writer.committedSeq();
    }

    private void insertEvents() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_event (seq, type, at, actor_role,"
                + " actor_subject, actor_scope, event_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Pending p : pending) {
                LedgerEvent e = p.event;
                insert.setLong(1, e.seq());
                insert.setString(2, e.type());
                insert.setObject(3, e.at().atOffset(ZoneOffset.UTC));
                insert.setString(4, e.actor().role().wireName());
                insert.setString(5, e.actor().subject());
                insert.setString(6, e.actor().scope());
                insert.setString(7, p.json);
                insert.setBytes(8, p.prevHash);
                insert.setBytes(9, p.hash);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void persist(LedgerChanges changes) throws SQLException {
        for (PartyCode code : changes.parties()) {
            Party p = state.party(code).orElseThrow();
            upsert("party", "code", new Object[] {p.code().value(), p.iso2(), p.name(), p.jcmStatus().name(),
                    p.parisAgreementParty(), p.cooperativeApproachId().map(CooperativeApproachId::value).orElse(null)},
                    "iso2", "name", "jcm_status", "paris_agreement_party", "cooperative_approach_id");
        }
        for (RegistryId id : changes.registries()) {
            RegistryInfo r = state.registry(id).orElseThrow();
            upsert("registry", "id", new Object[] {r.id().value(), r.party().value(), r.name(),
                    r.cancellationAccountId().value(), r.retirementAccountId().value(), r.nextOrganizationNumber(),
                    r.nextAccountNumber()}, "party", "name", "cancellation_account_id", "retirement_account_id",
                    "next_organization_number", "next_account_number");
        }
        for (OrganizationId id : changes.organizations()) {
            Organization o = state.organization(id).orElseThrow();
            upsert("organization", "id", new Object[] {o.id().value(), o.registryId().value(), o.name()}, "registry_id", "name");
        }
        for (AccountId id : changes.accounts()) {
            AccountInfo a = state.account(id).orElseThrow();
            upsert("account", "id", new Object[] {a.id().value(), a.registryId().value(),
                    a.organizationId().map(OrganizationId::value).orElse(null), a.type().name(), a.name(),
                    a.closed() ? "CLOSED" : "OPEN", a.frozen()},
                    "registry_id", "organization_id", "type", "name", "status", "frozen");
        }
        for (ProjectId id : changes.projects()) {
            Project p = state.project(id).orElseThrow();
            upsert("project", "id", new Object[] {p.id().value(), p.hostParty().value(), p.registryId().value(), p.title(),
                    p.methodologyId().value()}, "host_party", "registry_id", "title", "methodology_id");
            for (int i = 0; i < p.participants().size(); i++) {
                execute("INSERT INTO project_participant (project_id, position, organization_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING", p.id().value(), i + 1, p.participants().get(i).value());
            }
        }
        for (IssuanceRequestId id : changes.issuanceRequests()) {
            IssuanceRequest r = state.issuanceRequest(id).orElseThrow();
            upsert("issuance_request", "id", new Object[] {r.id().value(), r.projectId().value(), r.organizationId().value(),
                    r.monitoringPeriodStart(), r.monitoringPeriodEnd(), r.verifiedQuantity(), r.verificationReference(),
                    r.issuedQuantity()}, "project_id", "organization_id", "monitoring_period_start", "monitoring_period_end",
                    "verified_quantity", "verification_reference", "issued_quantity");
        }
        for (IssuanceId id : changes.issuances()) {
            Issuance i = state.issuance(id).orElseThrow();
            upsert("issuance", "id", new Object[] {i.id().value(), i.seq(), i.projectId().value(), i.hostParty().value(),
                    i.vintage().year(), i.monitoringPeriodStart(), i.monitoringPeriodEnd(), i.totalQuantity(),
                    i.issuanceRequestId().map(IssuanceRequestId::value).orElse(null)},
                    "seq", "project_id", "host_party", "vintage", "monitoring_period_start", "monitoring_period_end",
                    "total_quantity", "issuance_request_id");
        }
        for (BlockKey key : changes.blocks()) {
            CreditBlock b = state.block(key).orElseThrow();
            List<Object> values = new ArrayList<>(List.of(b.hostParty().value(), b.vintage().year(), b.range().first(),
                    b.range().last(), b.projectId().value(), b.issuanceId().value(), b.issuingRegistryId().value(),
                    b.holderAccountId().value(), b.status().name(), b.caState().name(), b.firstTransferred()));
            List<String> columns = new ArrayList<>(List.of("last_unit", "project_id", "issuance_id", "issuing_registry_id",
                    "account_id", "status", "ca_state", "first_transferred"));
            if (blockHasLastSeq) {
                values.add(state.lastSeq());
                columns.add("last_seq");
            }
            String[] valueColumns = columns.toArray(String[]::new);
            upsert("block", "host_party, vintage, first_unit", values.toArray(), valueColumns);
        }
    }

    private void upsert(String table, String key, Object[] values, String... valueColumns) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(key);
        StringBuilder set = new StringBuilder();
        for (String column : valueColumns) {
            sql.append(", ").append(column);
            set.append(set.length() == 0 ? "" : ", ").append(column).append(" = excluded.").append(column);
        }
        sql.append(") VALUES (").append("?, ".repeat(values.length - 1)).append("?) ON CONFLICT (").append(key)
                .append(") DO UPDATE SET ").append(set);
        execute(sql.toString(), values);
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}

package org.jcm.ledger.state;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jcm.ledger.credit.BlockKey;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.event.AccountClosed;
import org.jcm.ledger.event.AccountFrozen;
import org.jcm.ledger.event.AccountOpened;
import org.jcm.ledger.event.AccountUnfrozen;
import org.jcm.ledger.event.AuthorizationAmended;
import org.jcm.ledger.event.AuthorizationRevoked;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CorrespondingAdjustmentApplied;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.OrganizationRegistered;
import org.jcm.ledger.event.PartyRegistered;
import org.jcm.ledger.event.PartyUpdated;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.event.RegistryRegistered;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AccountType;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;

/**
 * The live ledger in memory: reference data, accounts, live blocks indexed per (host Party,
 * vintage) and per holder, balances, issuances, authorizations and the next sequence number.
 * {@link #apply(LedgerEvent)} (the fold) is its only mutator; {@link StateMachine} decides which
 * events to fold. Not thread-safe: the single writer owns it.
 *
 * <p>With the undo journal on ({@link #setJournaling}), every change the fold makes (to this
 * object, its maps and sets, and the blocks, accounts, unit lines, registries and authorizations
 * it holds, change tracking included) records its inverse, so that {@link #rollbackTo} can return
 * the state to any {@link #mark()}: the writer uses it to take back one command whose fold threw
 * half way, or a whole batch whose commit PostgreSQL refused. Replay leaves it off and records
 * nothing.
 */
public final class LedgerState {

    final LedgerConfig config;
    long nextSeq = 1;
    long nextIssuanceRequestNumber = 1;
    final Map<PartyCode, Party> parties = new HashMap<>();
    final Map<String, Party> partiesByIso2 = new HashMap<>();
    final Map<RegistryId, RegistryState> registries = new HashMap<>();
    final Map<OrganizationId, Organization> organizations = new HashMap<>();
    final Map<AccountId, AccountState> accounts = new HashMap<>();
    final Map<ProjectId, Project> projects = new HashMap<>();
    final Map<IssuanceId, Issuance> issuances = new HashMap<>();
    final Set<DecisionKey> issuanceDecisions = new HashSet<>();
    final Map<IssuanceRequestId, IssuanceRequest> issuanceRequests = new HashMap<>();
    final Map<AuthorizationId, AuthorizationState> authorizations = new HashMap<>();
    final Map<Long, FirstTransferRecorded> firstTransfers = new HashMap<>();
    final Map<CaMethodKey, CaMethod> caMethods = new HashMap<>();
    private final Map<PartyCode, UnitLine[]> lines = new HashMap<>();
    private int liveBlockCount;

    // Change tracking: blocks and accounts are marked with the current epoch instead of hashed into sets.
    private boolean tracking = true;
    private long epoch = 1;
    private long drainedThroughSeq;
    private final ArrayList<Block> dirtyBlocks = new ArrayList<>();
    private final ArrayList<AccountState> dirtyAccounts = new ArrayList<>();
    private final Set<OrganizationId> dirtyOrganizations = new LinkedHashSet<>();
    private final Set<ProjectId> dirtyProjects = new LinkedHashSet<>();
    private final Set<AuthorizationId> dirtyAuthorizations = new LinkedHashSet<>();
    private final Set<IssuanceId> dirtyIssuances = new LinkedHashSet<>();
    private final Set<IssuanceRequestId> dirtyRequests = new LinkedHashSet<>();
    private final Set<PartyCode> dirtyParties = new LinkedHashSet<>();
    private final Set<RegistryId> dirtyRegistries = new LinkedHashSet<>();
    private boolean dirtyCaMethods;

    // The undo journal (writer mode): while it is on, every mutation records how to reverse it.
    private boolean journaling;
    private final UndoJournal journal = new UndoJournal();
    /** The fold's dispatch on the event type, one per state so that folding allocates nothing for it. */
    private final Fold fold = new Fold();

    /** A Joint Committee decision key: an issuance is made at most once per key. */
    record DecisionKey(ProjectId projectId, LocalDate start, LocalDate end, Vintage vintage) {
    }

    /** A Party's CA method is fixed per NDC period. */
    record CaMethodKey(PartyCode party, NdcPeriod period) {
    }

    public LedgerState() {
        this(LedgerConfig.DEFAULT);
    }

    public LedgerState(LedgerConfig config) {
        this.config = config;
    }

    public LedgerConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ reads

    /** The sequence number the next event will get (1 for an empty ledger). */
    public long nextSeq() {
        return nextSeq;
    }

    /** The sequence number of the last folded event, 0 if none. */
    public long lastSeq() {
        return nextSeq - 1;
    }

    public Optional<Party> party(PartyCode code) {
        return Optional.ofNullable(parties.get(code));
    }

    public Optional<Party> partyByIso2(String iso2) {
        return Optional.ofNullable(partiesByIso2.get(iso2));
    }

    /** All Parties, by alpha-3 code. */
    public List<Party> parties() {
        List<Party> list = new ArrayList<>(parties.values());
        list.sort(Comparator.comparing(Party::code));
        return list;
    }

    public Optional<RegistryInfo> registry(RegistryId id) {
        RegistryState r = registries.get(id);
        return r == null ? Optional.empty() : Optional.of(r.snapshot());
    }

    /** All hosted registries, by id. */
    public List<RegistryInfo> registries() {
        List<RegistryInfo> list = new ArrayList<>();
        for (RegistryState r : registries.values()) {
            list.add(r.snapshot());
        }
        list.sort(Comparator.comparing(RegistryInfo::id));
        return list;
    }

    public Optional<Organization> organization(OrganizationId id) {
        return Optional.ofNullable(organizations.get(id));
    }

    public Optional<AccountInfo> account(AccountId id) {
        AccountState a = accounts.get(id);
        return a == null ? Optional.empty() : Optional.of(info(a));
    }

    /** The account's non-zero balances by vintage, then label. */
    public List<Balance> balances(AccountId id) {
        AccountState a = accounts.get(id);
        List<Balance> list = new ArrayList<>();
        if (a == null) {
            return list;
        }
        for (int v = 0; v < Vintage.COUNT; v++) {
            Vintage vintage = Vintage.of(Vintage.FIRST + v);
            for (int l = 0; l < 3; l++) {
                long q = a.balance(vintage, l);
                if (q != 0) {
                    list.add(new Balance(vintage, Label.ofOrdinal(l), q));
                }
            }
        }
        return list;
    }

    /** Units the account holds of one vintage and label. */
    public long balance(AccountId id, Vintage vintage, Label label) {
        AccountState a = accounts.get(id);
        return a == null ? 0 : a.balance(vintage, label.ordinal());
    }

    /** Units the account holds in total. */
    public long totalUnits(AccountId id) {
        AccountState a = accounts.get(id);
        return a == null ? 0 : a.totalUnits;
    }

    /** The live blocks the account holds, in selection order (vintage, project, first unit). */
    public List<CreditBlock> holdings(AccountId id) {
        AccountState a = accounts.get(id);
        List<CreditBlock> list = new ArrayList<>();
        if (a != null) {
            for (Block b : a.blocks) {
                list.add(b.snapshot());
            }
        }
        return list;
    }

    /** Live blocks matching every given criterion, ordered by key. */
    public List<CreditBlock> blocks(Optional<ProjectId> projectId, Optional<Vintage> vintage,
                                    Optional<BlockStatus> status, Optional<Label> label) {
        List<CreditBlock> list = new ArrayList<>();
        List<PartyCode> hosts = new ArrayList<>(lines.keySet());
        hosts.sort(null);
        for (PartyCode host : hosts) {
            UnitLine[] byVintage = lines.get(host);
            for (int v = 0; v < byVintage.length; v++) {
                if (byVintage[v] == null || (vintage.isPresent() && vintage.get().index() != v)) {
                    continue;
                }
                for (Block b : byVintage[v].blocks) {
                    if ((projectId.isEmpty() || projectId.get().equals(b.project))
                            && (status.isEmpty() || status.get() == b.status)
                            && (label.isEmpty() || label.get() == b.caState.label())) {
                        list.add(b.snapshot());
                    }
                }
            }
        }
        return list;
    }

    /** The live block that holds {@code unit} of the host Party's vintage. */
    public Optional<CreditBlock> blockContaining(PartyCode host, Vintage vintage, long unit) {
        UnitLine line = line(host, vintage);
        Block b = line == null ? null : line.containing(unit);
        return b == null ? Optional.empty() : Optional.of(b.snapshot());
    }

    /** The live block with this key (absent if no block starts there). */
    public Optional<CreditBlock> block(BlockKey key) {
        UnitLine line = line(key.hostParty(), key.vintage());
        Block b = line == null ? null : line.blocks.get(key.firstUnit());
        return b == null ? Optional.empty() : Optional.of(b.snapshot());
    }

    public int liveBlockCount() {
        return liveBlockCount;
    }

    /** Units issued so far for the host Party's vintage (they are numbered 1 to this). */
    public long issuedUnits(PartyCode host, Vintage vintage) {
        UnitLine line = line(host, vintage);
        return line == null ? 0 : line.nextUnit - 1;
    }

    /**
     * Units issued so far in the whole ledger, every host Party and vintage together. The issuance
     * rules keep it at most 2^53 - 1, which bounds every balance and every total of units.
     * Computed from the numbering lines (at most one per host Party and vintage), not kept.
     */
    public long issuedUnitsTotal() {
        long total = 0;
        for (UnitLine[] byVintage : lines.values()) {
            for (UnitLine line : byVintage) {
                if (line != null) {
                    total += line.nextUnit - 1;
                }
            }
        }
        return total;
    }

    public Optional<Project> project(ProjectId id) {
        return Optional.ofNullable(projects.get(id));
    }

    public List<Project> projects() {
        List<Project> list = new ArrayList<>(projects.values());
        list.sort(Comparator.comparing(Project::id));
        return list;
    }

    public Optional<Issuance> issuance(IssuanceId id) {
        return Optional.ofNullable(issuances.get(id));
    }

    public Optional<IssuanceRequest> issuanceRequest(IssuanceRequestId id) {
        return Optional.ofNullable(issuanceRequests.get(id));
    }

    public Optional<Authorization> authorization(AuthorizationId id) {
        AuthorizationState a = authorizations.get(id);
        return a == null ? Optional.empty() : Optional.of(a.snapshot());
    }

    public List<Authorization> authorizations() {
        List<Authorization> list = new ArrayList<>();
        for (AuthorizationState a : authorizations.values()) {
            list.add(a.snapshot());
        }
        list.sort(Comparator.comparing(Authorization::id));
        return list;
    }

    /** The FirstTransferRecorded event with this sequence number. */
    public Optional<FirstTransferRecorded> firstTransfer(long seq) {
        return Optional.ofNullable(firstTransfers.get(seq));
    }

    /** The CA method the Party fixed for the NDC period, once it applied its first adjustment in it. */
    public Optional<CaMethod> caMethod(PartyCode party, NdcPeriod period) {
        return Optional.ofNullable(caMethods.get(new CaMethodKey(party, period)));
    }

    /** Everything, sorted, as one comparable value. */
    public LedgerSnapshot snapshot() {
        List<Organization> orgs = new ArrayList<>(organizations.values());
        orgs.sort(Comparator.comparing(Organization::id));
        List<AccountInfo> accountList = new ArrayList<>();
        TreeMap<AccountId, List<Balance>> balanceMap = new TreeMap<>();
        for (AccountState a : accounts.values()) {
            accountList.add(info(a));
            balanceMap.put(a.id, balances(a.id));
        }
        accountList.sort(Comparator.comparing(AccountInfo::id));
        List<Issuance> issuanceList = new ArrayList<>(issuances.values());
        issuanceList.sort(Comparator.comparing(Issuance::id));
        List<IssuanceRequest> requestList = new ArrayList<>(issuanceRequests.values());
        requestList.sort(Comparator.comparing(IssuanceRequest::id));
        List<FirstTransferRecorded> ft = new ArrayList<>(firstTransfers.values());
        ft.sort(Comparator.comparingLong(FirstTransferRecorded::seq));
        TreeMap<String, String> methods = new TreeMap<>();
        caMethods.forEach((k, v) -> methods.put(k.party() + "/" + k.period(), v.name()));
        TreeMap<String, Long> nextUnits = new TreeMap<>();
        lines.forEach((host, byVintage) -> {
            for (int v = 0; v < byVintage.length; v++) {
                if (byVintage[v] != null) {
                    nextUnits.put(host + "/" + (Vintage.FIRST + v), byVintage[v].nextUnit);
                }
            }
        });
        return new LedgerSnapshot(nextSeq, nextIssuanceRequestNumber, parties(), registries(), orgs, accountList,
                balanceMap, projects(), issuanceList, requestList, authorizations(), ft, methods, nextUnits,
                blocks(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    // ------------------------------------------------------------------ change tracking

    /**
     * Turns change tracking on or off. Replay turns it off (the writer rebuilding its state has
     * nothing new to persist); the writer leaves it on and drains after each batch.
     */
    public void setChangeTracking(boolean on) {
        if (!on) {
            clearChanges();
        }
        if (journaling) {
            journal.push(U_TRACKING, null, null, null, tracking ? 1 : 0, 0);
        }
        tracking = on;
    }

    // ------------------------------------------------------------------ undo journal

    /**
     * Turns the undo journal on or off; either way it starts empty. Off (the default, and during
     * replay) the fold records nothing and allocates nothing for it.
     */
    public void setJournaling(boolean on) {
        journal.clear();
        journaling = on;
    }

    public boolean journaling() {
        return journaling;
    }

    /**
     * A position in the journal to return to with {@link #rollbackTo}; marks nest. The mark itself
     * records how many blocks and accounts change tracking holds, so that the touches after it need
     * no entries of their own.
     */
    public int mark() {
        requireJournaling();
        int at = journal.size();
        journal.push(U_MARK, null, null, null, dirtyBlocks.size(), dirtyAccounts.size());
        return at;
    }

    /**
     * Undoes, newest first, every change made since {@code mark}, leaving the state (change
     * tracking included) exactly as it was when the mark was taken. Marks taken after it become
     * invalid.
     */
    public void rollbackTo(int mark) {
        requireJournaling();
        if (mark < 0 || mark > journal.size()) {
            throw new IllegalArgumentException("mark " + mark + " is not in the journal of " + journal.size() + " entries");
        }
        while (journal.size() > mark) {
            undoNewest();
        }
    }

    /** Makes everything changed so far permanent: the journal is emptied and earlier marks become invalid. */
    public void release() {
        journal.clear();
    }

    /** Entries in the journal (for tests and metrics). */
    public int journalSize() {
        return journal.size();
    }

    private void requireJournaling() {
        if (!journaling) {
            throw new IllegalStateException("the undo journal is off");
        }
    }

    /** What changed since the last drain (or since tracking was turned on); starts a new period. */
    public LedgerChanges drainChanges() {
        Set<BlockKey> blockKeys = new LinkedHashSet<>();
        for (Block b : dirtyBlocks) {
            blockKeys.add(new BlockKey(b.host, b.vintage, b.first));
        }
        Set<AccountId> accountIds = new LinkedHashSet<>();
        for (AccountState a : dirtyAccounts) {
            accountIds.add(a.id);
        }
        LedgerChanges changes = new LedgerChanges(drainedThroughSeq + 1, nextSeq - 1, blockKeys, accountIds,
                Set.copyOf(dirtyOrganizations), Set.copyOf(dirtyProjects), Set.copyOf(dirtyAuthorizations),
                Set.copyOf(dirtyIssuances), Set.copyOf(dirtyRequests), Set.copyOf(dirtyParties),
                Set.copyOf(dirtyRegistries), dirtyCaMethods);
        clearChanges();
        return changes;
    }

    private void clearChanges() {
        if (journaling) {
            journal.push(U_DRAIN, new Pending(epoch, drainedThroughSeq, new ArrayList<>(dirtyBlocks),
                    new ArrayList<>(dirtyAccounts), new ArrayList<>(dirtyOrganizations), new ArrayList<>(dirtyProjects),
                    new ArrayList<>(dirtyAuthorizations), new ArrayList<>(dirtyIssuances), new ArrayList<>(dirtyRequests),
                    new ArrayList<>(dirtyParties), new ArrayList<>(dirtyRegistries), dirtyCaMethods), null, null, 0, 0);
        }
        epoch++;
        drainedThroughSeq = nextSeq - 1;
        dirtyBlocks.clear();
        dirtyAccounts.clear();
        dirtyOrganizations.clear();
        dirtyProjects.clear();
        dirtyAuthorizations.clear();
        dirtyIssuances.clear();
        dirtyRequests.clear();
        dirtyParties.clear();
        dirtyRegistries.clear();
        dirtyCaMethods = false;
    }

    private void touch(Block b) {
        // Not journaled: rolling back to a mark drops the blocks added since (see U_MARK).
        if (tracking && b.dirtyEpoch != epoch) {
            b.dirtyEpoch = epoch;
            dirtyBlocks.add(b);
        }
    }

    private void touch(AccountState a) {
        if (tracking && a.dirtyEpoch != epoch) {
            a.dirtyEpoch = epoch;
            dirtyAccounts.add(a);
        }
    }

    private <T> void touch(Set<T> set, T key) {
        if (tracking) {
            add(set, key);
        }
    }

    // ------------------------------------------------------------------ the fold

    /**
     * Folds one event into the state: the only way the state changes. The event must carry the
     * next sequence number and be consistent with the state, otherwise
     * {@link InconsistentEventException} is thrown (replay of a damaged log).
     */
    public void apply(LedgerEvent event) {
        if (event.seq() != nextSeq) {
            throw new InconsistentEventException(event.seq(), "expected sequence number " + nextSeq);
        }
        event.accept(fold);
        if (journaling) {
            journal.push(U_NEXT_SEQ, null, null, null, nextSeq, 0);
        }
        nextSeq++;
    }

    /**
     * The fold of each event type, in the order of {@link LedgerEvent}'s permitted records. A new
     * event type does not compile until this says how it changes the state.
     */
    private final class Fold implements LedgerEvent.Visitor<Void> {
        @Override
        public Void visitPartyRegistered(PartyRegistered e) {
            foldParty(e.seq(), e.party(), true);
            return null;
        }

        @Override
        public Void visitPartyUpdated(PartyUpdated e) {
            foldParty(e.seq(), e.party(), false);
            return null;
        }

        @Override
        public Void visitRegistryRegistered(RegistryRegistered e) {
            foldRegistry(e);
            return null;
        }

        @Override
        public Void visitOrganizationRegistered(OrganizationRegistered e) {
            foldOrganization(e);
            return null;
        }

        @Override
        public Void visitAccountOpened(AccountOpened e) {
            foldAccountOpened(e);
            return null;
        }

        @Override
        public Void visitAccountFrozen(AccountFrozen e) {
            setFrozen(holdingAccount(e.seq(), e.accountId()), true);
            return null;
        }

        @Override
        public Void visitAccountUnfrozen(AccountUnfrozen e) {
            setFrozen(holdingAccount(e.seq(), e.accountId()), false);
            return null;
        }

        @Override
        public Void visitAccountClosed(AccountClosed e) {
            AccountState a = holdingAccount(e.seq(), e.accountId());
            if (a.totalUnits != 0) {
                throw new InconsistentEventException(e.seq(), "account " + a.id + " still holds units");
            }
            if (journaling) {
                journal.push(U_CLOSED, a, null, null, a.closed ? 1 : 0, 0);
            }
            a.closed = true;
            touch(a);
            return null;
        }

        @Override
        public Void visitProjectRegistered(ProjectRegistered e) {
            foldProject(e);
            return null;
        }

        @Override
        public Void visitIssuanceRequested(IssuanceRequested e) {
            foldRequest(e);
            return null;
        }

        @Override
        public Void visitCreditsIssued(CreditsIssued e) {
            foldIssued(e);
            return null;
        }

        @Override
        public Void visitCreditsTransferred(CreditsTransferred e) {
            foldTransfer(e);
            return null;
        }

        @Override
        public Void visitCreditsCancelled(CreditsCancelled e) {
            foldTerminal(e.seq(), e.fromAccountId(), e.toAccountId(), e.ranges(), BlockStatus.CANCELLED);
            return null;
        }

        @Override
        public Void visitCreditsRetired(CreditsRetired e) {
            foldTerminal(e.seq(), e.fromAccountId(), e.toAccountId(), e.ranges(), BlockStatus.RETIRED);
            return null;
        }

        @Override
        public Void visitUnitsAuthorized(UnitsAuthorized e) {
            foldAuthorized(e);
            return null;
        }

        @Override
        public Void visitAuthorizationAmended(AuthorizationAmended e) {
            foldAmended(e);
            return null;
        }

        @Override
        public Void visitAuthorizationRevoked(AuthorizationRevoked e) {
            foldRevoked(e);
            return null;
        }

        @Override
        public Void visitFirstTransferRecorded(FirstTransferRecorded e) {
            foldFirstTransfer(e);
            return null;
        }

        @Override
        public Void visitCorrespondingAdjustmentApplied(CorrespondingAdjustmentApplied e) {
            foldAdjusted(e);
            return null;
        }
    }

    private void foldTransfer(CreditsTransferred e) {
        AccountState from = account(e.seq(), e.fromAccountId());
        AccountState to = account(e.seq(), e.toAccountId());
        long moved = 0;
        List<BlockRange> ranges = e.ranges();
        for (int i = 0, n = ranges.size(); i < n; i++) {
            BlockRange r = ranges.get(i);
            Block b = carve(e.seq(), r);
            if (b.holder != from || b.status != BlockStatus.ACTIVE) {
                throw new InconsistentEventException(e.seq(), "units " + r.first() + "-" + r.last() + " are not active in " + from.id);
            }
            move(b, to);
            moved += b.size();
        }
        checkQuantity(e.seq(), moved, e.quantity());
        touch(from);
        touch(to);
    }

    private void foldTerminal(long seq, AccountId fromId, AccountId toId, List<BlockRange> ranges, BlockStatus status) {
        AccountState from = account(seq, fromId);
        AccountState to = account(seq, toId);
        AccountType expected = status == BlockStatus.CANCELLED ? AccountType.CANCELLATION : AccountType.RETIREMENT;
        if (to.type != expected || !to.registryId.equals(from.registryId)) {
            throw new InconsistentEventException(seq, to.id + " is not the " + expected + " account of " + from.registryId);
        }
        for (BlockRange r : ranges) {
            Block b = carve(seq, r);
            if (b.holder != from || b.status != BlockStatus.ACTIVE) {
                throw new InconsistentEventException(seq, "units " + r.first() + "-" + r.last() + " are not active in " + from.id);
            }
            move(b, to);
            if (journaling) {
                journal.push(U_BLOCK_STATUS, b, b.status, null, 0, 0);
            }
            b.status = status;
        }
        touch(from);
        touch(to);
    }

    private void foldIssued(CreditsIssued e) {
        if (issuances.containsKey(e.issuanceId())) {
            throw new InconsistentEventException(e.seq(), "issuance " + e.issuanceId() + " exists");
        }
        UnitLine line = lineForIssue(e.hostParty(), e.vintage());
        long total = 0;
        for (IssuedAllocation a : e.allocations()) {
            if (a.first() != line.nextUnit) {
                throw new InconsistentEventException(e.seq(), "allocation starts at " + a.first() + ", next unit is " + line.nextUnit);
            }
            AccountState holder = account(e.seq(), a.accountId());
            Block b = new Block(e.hostParty(), e.vintage(), e.projectId(), e.issuanceId(), a.issuingRegistryId(), a.first(),
                    a.last(), holder);
            index(line, b);
            hold(holder, b);
            touch(b);
            touch(holder);
            if (journaling) {
                journal.push(U_NEXT_UNIT, line, null, null, line.nextUnit, 0);
            }
            line.nextUnit = a.last() + 1;
            total += a.quantity();
        }
        checkQuantity(e.seq(), total, e.totalQuantity());
        put(issuances, e.issuanceId(), new Issuance(e.issuanceId(), e.seq(), e.projectId(), e.hostParty(), e.vintage(),
                e.monitoringPeriodStart(), e.monitoringPeriodEnd(), e.totalQuantity(), e.allocations(),
                e.issuanceRequestId()));
        add(issuanceDecisions, new DecisionKey(e.projectId(), e.monitoringPeriodStart(), e.monitoringPeriodEnd(), e.vintage()));
        touch(dirtyIssuances, e.issuanceId());
        e.issuanceRequestId().ifPresent(id -> {
            IssuanceRequest r = issuanceRequests.get(id);
            if (r == null) {
                throw new InconsistentEventException(e.seq(), "unknown issuance request " + id);
            }
            put(issuanceRequests, id, r.withIssued(e.totalQuantity()));
            touch(dirtyRequests, id);
        });
    }

    private void foldFirstTransfer(FirstTransferRecorded e) {
        AuthorizationState auth = authorizationState(e.seq(), e.authorizationId());
        for (BlockRange r : e.ranges()) {
            Block b = carve(e.seq(), r);
            if (b.authorization != auth || b.firstTransferred || b.caState != CaState.COMMITTED) {
                throw new InconsistentEventException(e.seq(), "units " + r.first() + "-" + r.last() + " are not committed under " + auth.id);
            }
            if (journaling) {
                journal.push(U_BLOCK_FIRST_TRANSFERRED, b, null, null, b.firstTransferred ? 1 : 0, 0);
                journal.push(U_AUTH_FIRST_TRANSFERRED_UNITS, auth, null, null, auth.firstTransferredUnits, 0);
            }
            b.firstTransferred = true;
            auth.firstTransferredUnits += b.size();
            setCaState(b, CaState.PENDING);
        }
        put(firstTransfers, e.seq(), e);
        touch(dirtyAuthorizations, auth.id);
    }

    private void foldAuthorized(UnitsAuthorized e) {
        if (authorizations.containsKey(e.authorizationId())) {
            throw new InconsistentEventException(e.seq(), "authorization " + e.authorizationId() + " exists");
        }
        AuthorizationState auth = new AuthorizationState(e.authorizationId(), e.party(), e.cooperativeApproachId(),
                e.purpose(), e.oimp(), e.firstTransferDefinition());
        put(authorizations, auth.id, auth);
        addVersion(auth, 1, e.seq(), e.at(), e.terms(), e.issuanceId(), e.ranges());
    }

    private void foldAmended(AuthorizationAmended e) {
        AuthorizationState auth = authorizationState(e.seq(), e.authorizationId());
        if (auth.revoked || e.version() != auth.versions.size() + 1) {
            throw new InconsistentEventException(e.seq(), "cannot make version " + e.version() + " of " + auth.id);
        }
        addVersion(auth, e.version(), e.seq(), e.at(), e.terms(), e.issuanceId(), e.ranges());
    }

    private void addVersion(AuthorizationState auth, int version, long seq, java.time.Instant at,
                            org.jcm.ledger.event.AuthorizationTerms terms, Optional<IssuanceId> issuanceId,
                            List<BlockRange> ranges) {
        for (BlockRange r : ranges) {
            Block b = carve(seq, r);
            if (b.status != BlockStatus.ACTIVE || b.authorization != null) {
                throw new InconsistentEventException(seq, "units " + r.first() + "-" + r.last() + " cannot be authorized");
            }
            setAuthorization(b, auth);
            setCaState(b, CaState.COMMITTED);
            if (journaling) {
                journal.push(U_AUTH_UNITS, auth, null, null, auth.unitCount, 0);
            }
            auth.unitCount += b.size();
            add(auth.ranges, r);
        }
        if (journaling) {
            journal.push(U_AUTH_TERMS, auth, auth.terms, null, 0, 0);
        }
        auth.terms = terms;
        add(auth.versions, new AuthorizationVersion(version, seq, at, terms, issuanceId, ranges));
        touch(dirtyAuthorizations, auth.id);
    }

    private void foldRevoked(AuthorizationRevoked e) {
        AuthorizationState auth = authorizationState(e.seq(), e.authorizationId());
        if (auth.revoked || auth.firstTransferredUnits != 0) {
            throw new InconsistentEventException(e.seq(), "authorization " + auth.id + " cannot be revoked");
        }
        for (BlockRange r : e.ranges()) {
            Block b = carve(e.seq(), r);
            if (b.authorization != auth) {
                throw new InconsistentEventException(e.seq(), "units " + r.first() + "-" + r.last() + " are not under " + auth.id);
            }
            setAuthorization(b, null);
            setCaState(b, CaState.NOT_REQUIRED);
        }
        if (journaling) {
            journal.push(U_AUTH_REVOKED, auth, null, null, auth.revoked ? 1 : 0, 0);
        }
        auth.revoked = true;
        touch(dirtyAuthorizations, auth.id);
    }

    private void foldAdjusted(CorrespondingAdjustmentApplied e) {
        NdcPeriod period = config.periodOf(e.year().getValue()).orElseThrow(
                () -> new InconsistentEventException(e.seq(), "year " + e.year() + " is in no NDC period"));
        CaMethodKey key = new CaMethodKey(e.party(), period);
        CaMethod fixed = caMethods.get(key);
        if (fixed != null && fixed != e.method()) {
            throw new InconsistentEventException(e.seq(), e.party() + " applies " + fixed + " in " + period);
        }
        if (fixed == null) {
            put(caMethods, key, e.method());
            if (journaling) {
                journal.push(U_DIRTY_CA_METHODS, null, null, null, dirtyCaMethods ? 1 : 0, 0);
            }
            dirtyCaMethods |= tracking;
        }
        for (BlockRange r : e.ranges()) {
            Block b = carve(e.seq(), r);
            if (b.caState != CaState.PENDING || !b.host.equals(e.party())) {
                throw new InconsistentEventException(e.seq(), "units " + r.first() + "-" + r.last() + " are not pending for " + e.party());
            }
            setCaState(b, CaState.APPLIED);
            touch(dirtyAuthorizations, b.authorization.id);
        }
    }

    private void foldParty(long seq, Party party, boolean isNew) {
        Party old = parties.get(party.code());
        if (isNew == (old != null)) {
            throw new InconsistentEventException(seq, "party " + party.code() + (isNew ? " exists" : " is unknown"));
        }
        if (old != null) {
            remove(partiesByIso2, old.iso2());
        }
        Party other = partiesByIso2.get(party.iso2());
        if (other != null) {
            throw new InconsistentEventException(seq, "alpha-2 code " + party.iso2() + " belongs to " + other.code());
        }
        put(parties, party.code(), party);
        put(partiesByIso2, party.iso2(), party);
        touch(dirtyParties, party.code());
    }

    private void foldRegistry(RegistryRegistered e) {
        if (registries.containsKey(e.registryId()) || !parties.containsKey(e.party())) {
            throw new InconsistentEventException(e.seq(), "registry " + e.registryId() + " exists or its Party is unknown");
        }
        AccountState cancellation = new AccountState(e.cancellationAccountId(), e.registryId(), null,
                AccountType.CANCELLATION, e.name() + " cancellation");
        AccountState retirement = new AccountState(e.retirementAccountId(), e.registryId(), null,
                AccountType.RETIREMENT, e.name() + " retirement");
        if (!cancellation.id.equals(AccountId.cancellation(e.registryId()))
                || !retirement.id.equals(AccountId.retirement(e.registryId()))) {
            throw new InconsistentEventException(e.seq(), "terminal account ids do not belong to " + e.registryId());
        }
        put(registries, e.registryId(), new RegistryState(e.registryId(), e.party(), e.name(), cancellation, retirement));
        put(accounts, cancellation.id, cancellation);
        put(accounts, retirement.id, retirement);
        touch(cancellation);
        touch(retirement);
        touch(dirtyRegistries, e.registryId());
    }

    private void foldOrganization(OrganizationRegistered e) {
        RegistryState r = registry(e.seq(), e.registryId());
        if (!e.organizationId().registryId().equals(r.id) || e.organizationId().number() != r.nextOrganization) {
            throw new InconsistentEventException(e.seq(), "expected organization number " + r.nextOrganization + " of " + r.id);
        }
        if (journaling) {
            journal.push(U_NEXT_ORGANIZATION, r, null, null, r.nextOrganization, 0);
        }
        r.nextOrganization++;
        put(organizations, e.organizationId(), new Organization(e.organizationId(), e.registryId(), e.name()));
        touch(dirtyOrganizations, e.organizationId());
        touch(dirtyRegistries, r.id);
    }

    private void foldAccountOpened(AccountOpened e) {
        RegistryState r = registry(e.seq(), e.registryId());
        Organization org = organizations.get(e.organizationId());
        if (org == null || !org.registryId().equals(r.id) || !e.accountId().registryId().equals(r.id)
                || e.accountId().type() != AccountType.HOLDING || e.accountId().number() != r.nextAccount) {
            throw new InconsistentEventException(e.seq(), "expected holding account number " + r.nextAccount + " of " + r.id);
        }
        if (journaling) {
            journal.push(U_NEXT_ACCOUNT, r, null, null, r.nextAccount, 0);
        }
        r.nextAccount++;
        AccountState a = new AccountState(e.accountId(), r.id, e.organizationId(), AccountType.HOLDING, e.name());
        put(accounts, a.id, a);
        touch(a);
        touch(dirtyRegistries, r.id);
    }

    private void foldProject(ProjectRegistered e) {
        if (projects.containsKey(e.projectId())) {
            throw new InconsistentEventException(e.seq(), "project " + e.projectId() + " exists");
        }
        put(projects, e.projectId(), new Project(e.projectId(), e.hostParty(), e.registryId(), e.title(), e.methodologyId(),
                e.participants()));
        touch(dirtyProjects, e.projectId());
    }

    private void foldRequest(IssuanceRequested e) {
        if (e.issuanceRequestId().number() != nextIssuanceRequestNumber) {
            throw new InconsistentEventException(e.seq(), "expected issuance request number " + nextIssuanceRequestNumber);
        }
        if (journaling) {
            journal.push(U_NEXT_REQUEST_NUMBER, null, null, null, nextIssuanceRequestNumber, 0);
        }
        nextIssuanceRequestNumber++;
        put(issuanceRequests, e.issuanceRequestId(), new IssuanceRequest(e.issuanceRequestId(), e.projectId(),
                e.organizationId(), e.monitoringPeriodStart(), e.monitoringPeriodEnd(), e.verifiedQuantity(),
                e.verificationReference(), 0));
        touch(dirtyRequests, e.issuanceRequestId());
    }

    // ------------------------------------------------------------------ block surgery

    /**
     * Returns the block that is exactly the range, splitting the block that contains it: the part
     * below stays in the old block (its key is unchanged), the range and the part above become
     * new blocks. The range must lie within one live block with the same project and issuance.
     */
    private Block carve(long seq, BlockRange r) {
        UnitLine line = line(r.hostParty(), r.vintage());
        Block b = line == null ? null : line.containing(r.first());
        if (b == null || b.last < r.last() || !b.project.equals(r.projectId()) || !b.issuance.equals(r.issuanceId())) {
            throw new InconsistentEventException(seq, "no live block holds " + r.hostParty() + " " + r.vintage() + " "
                    + r.first() + "-" + r.last() + " of " + r.projectId());
        }
        if (b.first < r.first()) {
            b = split(line, b, r.first());
        }
        if (b.last > r.last()) {
            split(line, b, r.last() + 1);
        }
        return b;
    }

    /** Cuts {@code b} before {@code at}: {@code b} keeps {@code [first, at - 1]}; returns the new block {@code [at, last]}. */
    private Block split(UnitLine line, Block b, long at) {
        Block high = b.copy(at, b.last);
        if (journaling) {
            journal.push(U_BLOCK_LAST, b, null, null, b.last, 0);
        }
        b.last = at - 1;
        index(line, high);
        // Same holder, vintage and label: the balance does not change, only the index gains a block.
        if (!b.holder.blocks.add(high)) {
            throw new IllegalStateException("split produced a duplicate index entry: " + high);
        }
        if (journaling) {
            journal.push(U_HELD_INDEX, b.holder, high, null, 0, 0);
        }
        touch(b);
        touch(high);
        return high;
    }

    private void move(Block b, AccountState to) {
        AccountState from = b.holder;
        from.remove(b);
        b.holder = to;
        try {
            to.add(b);
        } catch (RuntimeException e) {
            b.holder = from;
            from.add(b);
            throw e;
        }
        if (journaling) {
            journal.push(U_MOVED, b, from, null, 0, 0);
        }
        touch(b);
    }

    private void setCaState(Block b, CaState state) {
        int oldLabel = b.labelOrdinal();
        if (journaling) {
            journal.push(U_BLOCK_CA_STATE, b, b.caState, null, 0, 0);
        }
        b.caState = state;
        int newLabel = b.labelOrdinal();
        if (oldLabel != newLabel) {
            addBalance(b.holder, b.vintage, oldLabel, -b.size());
            addBalance(b.holder, b.vintage, newLabel, b.size());
            touch(b.holder);
        }
        touch(b);
    }

    // ------------------------------------------------------------------ journaled mutations and their undo

    private static final int U_NEXT_SEQ = 1;
    private static final int U_NEXT_REQUEST_NUMBER = 2;
    private static final int U_MAP = 3;
    private static final int U_COLLECTION_ADD = 4;
    private static final int U_LIST_ADD = 5;
    private static final int U_ARRAY_SLOT = 6;
    private static final int U_DIRTY_CA_METHODS = 7;
    private static final int U_TRACKING = 8;
    private static final int U_DRAIN = 9;
    private static final int U_MARK = 10;
    private static final int U_MOVED = 11;
    private static final int U_BLOCK_LAST = 12;
    private static final int U_BLOCK_STATUS = 13;
    private static final int U_BLOCK_AUTHORIZATION = 14;
    private static final int U_BLOCK_CA_STATE = 15;
    private static final int U_BLOCK_FIRST_TRANSFERRED = 16;
    private static final int U_HELD = 17;
    private static final int U_HELD_INDEX = 18;
    private static final int U_BALANCE = 19;
    private static final int U_UNIT_INDEX = 20;
    private static final int U_NEXT_UNIT = 21;
    private static final int U_FROZEN = 22;
    private static final int U_CLOSED = 23;
    private static final int U_NEXT_ORGANIZATION = 24;
    private static final int U_NEXT_ACCOUNT = 25;
    private static final int U_AUTH_TERMS = 26;
    private static final int U_AUTH_UNITS = 27;
    private static final int U_AUTH_FIRST_TRANSFERRED_UNITS = 28;
    private static final int U_AUTH_REVOKED = 29;

    /** The change tracking as it was before a drain, to put back if the drain is undone. */
    private record Pending(long epoch, long drainedThroughSeq, List<Block> blocks, List<AccountState> accounts,
                           List<OrganizationId> organizations, List<ProjectId> projects,
                           List<AuthorizationId> authorizations, List<IssuanceId> issuances,
                           List<IssuanceRequestId> requests, List<PartyCode> parties, List<RegistryId> registries,
                           boolean caMethods) {
    }

    private <K, V> void put(Map<K, V> map, K key, V value) {
        V old = map.put(key, value);
        if (journaling) {
            journal.push(U_MAP, map, key, old, 0, 0);
        }
    }

    private <K, V> void remove(Map<K, V> map, K key) {
        V old = map.remove(key);
        if (journaling && old != null) {
            journal.push(U_MAP, map, key, old, 0, 0);
        }
    }

    private <T> void add(Set<T> set, T value) {
        if (set.add(value) && journaling) {
            journal.push(U_COLLECTION_ADD, set, value, null, 0, 0);
        }
    }

    private <T> void add(List<T> list, T value) {
        list.add(value);
        if (journaling) {
            journal.push(U_LIST_ADD, list, null, null, 0, 0);
        }
    }

    /** Adds a new block to its line's index and counts it. */
    private void index(UnitLine line, Block b) {
        line.blocks.add(b);
        liveBlockCount++;
        if (journaling) {
            journal.push(U_UNIT_INDEX, line, b, null, 0, 0);
        }
    }

    /** The account comes to hold the block (index and balance). */
    private void hold(AccountState a, Block b) {
        a.add(b);
        if (journaling) {
            journal.push(U_HELD, a, b, null, 0, 0);
        }
    }

    private void addBalance(AccountState a, Vintage vintage, int label, long delta) {
        a.addBalance(vintage, label, delta);
        if (journaling) {
            journal.push(U_BALANCE, a, vintage, null, delta, label);
        }
    }

    private void setAuthorization(Block b, AuthorizationState auth) {
        if (journaling) {
            journal.push(U_BLOCK_AUTHORIZATION, b, b.authorization, null, 0, 0);
        }
        b.authorization = auth;
    }

    private void setFrozen(AccountState a, boolean frozen) {
        if (journaling) {
            journal.push(U_FROZEN, a, null, null, a.frozen ? 1 : 0, 0);
        }
        a.frozen = frozen;
        touch(a);
    }

    /** Reverses the newest journal entry and removes it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void undoNewest() {
        int at = journal.size() - 1;
        int op = journal.op(at);
        Object a = journal.first(at);
        Object b = journal.second(at);
        Object c = journal.third(at);
        long n = journal.longValue(at);
        int i = journal.intValue(at);
        journal.pop();
        switch (op) {
            case U_NEXT_SEQ:
                nextSeq = n;
                break;
            case U_NEXT_REQUEST_NUMBER:
                nextIssuanceRequestNumber = n;
                break;
            case U_MAP:
                if (c == null) {
                    ((Map) a).remove(b);
                } else {
                    ((Map) a).put(b, c);
                }
                break;
            case U_COLLECTION_ADD:
                ((Set) a).remove(b);
                break;
            case U_LIST_ADD:
                List<?> list = (List<?>) a;
                list.remove(list.size() - 1);
                break;
            case U_ARRAY_SLOT:
                ((Object[]) a)[i] = b;
                break;
            case U_DIRTY_CA_METHODS:
                dirtyCaMethods = n != 0;
                break;
            case U_TRACKING:
                tracking = n != 0;
                break;
            case U_DRAIN:
                restore((Pending) a);
                break;
            case U_MARK:
                // Blocks and accounts first touched since the mark are no longer dirty in this epoch.
                for (int k = dirtyBlocks.size() - 1; k >= n; k--) {
                    dirtyBlocks.remove(k).dirtyEpoch = 0;
                }
                for (int k = dirtyAccounts.size() - 1; k >= i; k--) {
                    dirtyAccounts.remove(k).dirtyEpoch = 0;
                }
                break;
            case U_MOVED: {
                Block block = (Block) a;
                block.holder.remove(block);
                block.holder = (AccountState) b;
                block.holder.add(block);
                break;
            }
            case U_BLOCK_LAST:
                ((Block) a).last = n;
                break;
            case U_BLOCK_STATUS:
                ((Block) a).status = (BlockStatus) b;
                break;
            case U_BLOCK_AUTHORIZATION:
                ((Block) a).authorization = (AuthorizationState) b;
                break;
            case U_BLOCK_CA_STATE:
                ((Block) a).caState = (CaState) b;
                break;
            case U_BLOCK_FIRST_TRANSFERRED:
                ((Block) a).firstTransferred = n != 0;
                break;
            case U_HELD:
                ((AccountState) a).remove((Block) b);
                break;
            case U_HELD_INDEX:
                if (!((AccountState) a).blocks.remove((Block) b)) {
                    throw new IllegalStateException("undo: " + b + " is not in the index of " + ((AccountState) a).id);
                }
                break;
            case U_BALANCE:
                ((AccountState) a).addBalance((Vintage) b, i, -n);
                break;
            case U_UNIT_INDEX:
                if (!((UnitLine) a).blocks.remove(((Block) b).first)) {
                    throw new IllegalStateException("undo: no block starts at " + ((Block) b).first);
                }
                liveBlockCount--;
                break;
            case U_NEXT_UNIT:
                ((UnitLine) a).nextUnit = n;
                break;
            case U_FROZEN:
                ((AccountState) a).frozen = n != 0;
                break;
            case U_CLOSED:
                ((AccountState) a).closed = n != 0;
                break;
            case U_NEXT_ORGANIZATION:
                ((RegistryState) a).nextOrganization = n;
                break;
            case U_NEXT_ACCOUNT:
                ((RegistryState) a).nextAccount = n;
                break;
            case U_AUTH_TERMS:
                ((AuthorizationState) a).terms = (org.jcm.ledger.event.AuthorizationTerms) b;
                break;
            case U_AUTH_UNITS:
                ((AuthorizationState) a).unitCount = n;
                break;
            case U_AUTH_FIRST_TRANSFERRED_UNITS:
                ((AuthorizationState) a).firstTransferredUnits = n;
                break;
            case U_AUTH_REVOKED:
                ((AuthorizationState) a).revoked = n != 0;
                break;
            default:
                throw new IllegalStateException("unknown undo operation " + op);
        }
    }

    private void restore(Pending p) {
        epoch = p.epoch();
        drainedThroughSeq = p.drainedThroughSeq();
        dirtyBlocks.clear();
        dirtyBlocks.addAll(p.blocks());
        dirtyAccounts.clear();
        dirtyAccounts.addAll(p.accounts());
        // Whatever touched them after the drain was undone: they are dirty in the restored epoch.
        for (Block b : dirtyBlocks) {
            b.dirtyEpoch = epoch;
        }
        for (AccountState a : dirtyAccounts) {
            a.dirtyEpoch = epoch;
        }
        refill(dirtyOrganizations, p.organizations());
        refill(dirtyProjects, p.projects());
        refill(dirtyAuthorizations, p.authorizations());
        refill(dirtyIssuances, p.issuances());
        refill(dirtyRequests, p.requests());
        refill(dirtyParties, p.parties());
        refill(dirtyRegistries, p.registries());
        dirtyCaMethods = p.caMethods();
    }

    private static <T> void refill(Set<T> set, List<T> values) {
        set.clear();
        set.addAll(values);
    }

    // ------------------------------------------------------------------ lookups for the fold and the state machine

    UnitLine line(PartyCode host, Vintage vintage) {
        UnitLine[] byVintage = lines.get(host);
        return byVintage == null ? null : byVintage[vintage.index()];
    }

    private UnitLine lineForIssue(PartyCode host, Vintage vintage) {
        UnitLine[] byVintage = lines.get(host);
        if (byVintage == null) {
            byVintage = new UnitLine[Vintage.COUNT];
            put(lines, host, byVintage);
        }
        UnitLine line = byVintage[vintage.index()];
        if (line == null) {
            line = new UnitLine();
            if (journaling) {
                journal.push(U_ARRAY_SLOT, byVintage, null, null, 0, vintage.index());
            }
            byVintage[vintage.index()] = line;
        }
        return line;
    }

    /** Every (host Party, vintage) line, for invariant checks. */
    Map<PartyCode, UnitLine[]> lines() {
        return lines;
    }

    AccountState accountState(AccountId id) {
        return accounts.get(id);
    }

    private AccountState account(long seq, AccountId id) {
        AccountState a = accounts.get(id);
        if (a == null) {
            throw new InconsistentEventException(seq, "unknown account " + id);
        }
        return a;
    }

    private AccountState holdingAccount(long seq, AccountId id) {
        AccountState a = account(seq, id);
        if (!a.isHolding()) {
            throw new InconsistentEventException(seq, id + " is not a holding account");
        }
        return a;
    }

    private RegistryState registry(long seq, RegistryId id) {
        RegistryState r = registries.get(id);
        if (r == null) {
            throw new InconsistentEventException(seq, "unknown registry " + id);
        }
        return r;
    }

    private AuthorizationState authorizationState(long seq, AuthorizationId id) {
        AuthorizationState a = authorizations.get(id);
        if (a == null) {
            throw new InconsistentEventException(seq, "unknown authorization " + id);
        }
        return a;
    }

    private static void checkQuantity(long seq, long actual, long stated) {
        if (actual != stated) {
            throw new InconsistentEventException(seq, "ranges add up to " + actual + ", event says " + stated);
        }
    }

    private static AccountInfo info(AccountState a) {
        return new AccountInfo(a.id, a.registryId, Optional.ofNullable(a.organizationId), a.type, a.name, a.frozen,
                a.closed);
    }
}

package org.jcm.ledger.ledger;

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
        tracking = on;
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
            set.add(key);
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
        if (event instanceof CreditsTransferred e) {
            foldTransfer(e);
        } else if (event instanceof CreditsIssued e) {
            foldIssued(e);
        } else if (event instanceof CreditsCancelled e) {
            foldTerminal(e.seq(), e.fromAccountId(), e.toAccountId(), e.ranges(), BlockStatus.CANCELLED);
        } else if (event instanceof CreditsRetired e) {
            foldTerminal(e.seq(), e.fromAccountId(), e.toAccountId(), e.ranges(), BlockStatus.RETIRED);
        } else if (event instanceof FirstTransferRecorded e) {
            foldFirstTransfer(e);
        } else if (event instanceof UnitsAuthorized e) {
            foldAuthorized(e);
        } else if (event instanceof AuthorizationAmended e) {
            foldAmended(e);
        } else if (event instanceof AuthorizationRevoked e) {
            foldRevoked(e);
        } else if (event instanceof CorrespondingAdjustmentApplied e) {
            foldAdjusted(e);
        } else if (event instanceof PartyRegistered e) {
            foldParty(e.seq(), e.party(), true);
        } else if (event instanceof PartyUpdated e) {
            foldParty(e.seq(), e.party(), false);
        } else if (event instanceof RegistryRegistered e) {
            foldRegistry(e);
        } else if (event instanceof OrganizationRegistered e) {
            foldOrganization(e);
        } else if (event instanceof AccountOpened e) {
            foldAccountOpened(e);
        } else if (event instanceof AccountFrozen e) {
            holdingAccount(e.seq(), e.accountId()).frozen = true;
            touch(accounts.get(e.accountId()));
        } else if (event instanceof AccountUnfrozen e) {
            holdingAccount(e.seq(), e.accountId()).frozen = false;
            touch(accounts.get(e.accountId()));
        } else if (event instanceof AccountClosed e) {
            AccountState a = holdingAccount(e.seq(), e.accountId());
            if (a.totalUnits != 0) {
                throw new InconsistentEventException(e.seq(), "account " + a.id + " still holds units");
            }
            a.closed = true;
            touch(a);
        } else if (event instanceof ProjectRegistered e) {
            foldProject(e);
        } else if (event instanceof IssuanceRequested e) {
            foldRequest(e);
        } else {
            throw new InconsistentEventException(event.seq(), "unknown event type " + event.type());
        }
        nextSeq++;
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
            line.blocks.add(b);
            liveBlockCount++;
            holder.add(b);
            touch(b);
            touch(holder);
            line.nextUnit = a.last() + 1;
            total += a.quantity();
        }
        checkQuantity(e.seq(), total, e.totalQuantity());
        issuances.put(e.issuanceId(), new Issuance(e.issuanceId(), e.seq(), e.projectId(), e.hostParty(), e.vintage(),
                e.monitoringPeriodStart(), e.monitoringPeriodEnd(), e.totalQuantity(), e.allocations(),
                e.issuanceRequestId()));
        issuanceDecisions.add(new DecisionKey(e.projectId(), e.monitoringPeriodStart(), e.monitoringPeriodEnd(), e.vintage()));
        touch(dirtyIssuances, e.issuanceId());
        e.issuanceRequestId().ifPresent(id -> {
            IssuanceRequest r = issuanceRequests.get(id);
            if (r == null) {
                throw new InconsistentEventException(e.seq(), "unknown issuance request " + id);
            }
            issuanceRequests.put(id, r.withIssued(e.totalQuantity()));
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
            b.firstTransferred = true;
            setCaState(b, CaState.PENDING);
            auth.firstTransferredUnits += b.size();
        }
        firstTransfers.put(e.seq(), e);
        touch(dirtyAuthorizations, auth.id);
    }

    private void foldAuthorized(UnitsAuthorized e) {
        if (authorizations.containsKey(e.authorizationId())) {
            throw new InconsistentEventException(e.seq(), "authorization " + e.authorizationId() + " exists");
        }
        AuthorizationState auth = new AuthorizationState(e.authorizationId(), e.party(), e.cooperativeApproachId(),
                e.purpose(), e.oimp(), e.firstTransferDefinition());
        authorizations.put(auth.id, auth);
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
            b.authorization = auth;
            setCaState(b, CaState.COMMITTED);
            auth.unitCount += b.size();
            auth.ranges.add(r);
        }
        auth.terms = terms;
        auth.versions.add(new AuthorizationVersion(version, seq, at, terms, issuanceId, ranges));
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
            b.authorization = null;
            setCaState(b, CaState.NOT_REQUIRED);
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
            caMethods.put(key, e.method());
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
            partiesByIso2.remove(old.iso2());
        }
        Party other = partiesByIso2.get(party.iso2());
        if (other != null) {
            throw new InconsistentEventException(seq, "alpha-2 code " + party.iso2() + " belongs to " + other.code());
        }
        parties.put(party.code(), party);
        partiesByIso2.put(party.iso2(), party);
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
        registries.put(e.registryId(), new RegistryState(e.registryId(), e.party(), e.name(), cancellation, retirement));
        accounts.put(cancellation.id, cancellation);
        accounts.put(retirement.id, retirement);
        touch(cancellation);
        touch(retirement);
        touch(dirtyRegistries, e.registryId());
    }

    private void foldOrganization(OrganizationRegistered e) {
        RegistryState r = registry(e.seq(), e.registryId());
        if (!e.organizationId().registryId().equals(r.id) || e.organizationId().number() != r.nextOrganization) {
            throw new InconsistentEventException(e.seq(), "expected organization number " + r.nextOrganization + " of " + r.id);
        }
        r.nextOrganization++;
        organizations.put(e.organizationId(), new Organization(e.organizationId(), e.registryId(), e.name()));
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
        r.nextAccount++;
        AccountState a = new AccountState(e.accountId(), r.id, e.organizationId(), AccountType.HOLDING, e.name());
        accounts.put(a.id, a);
        touch(a);
        touch(dirtyRegistries, r.id);
    }

    private void foldProject(ProjectRegistered e) {
        if (projects.containsKey(e.projectId())) {
            throw new InconsistentEventException(e.seq(), "project " + e.projectId() + " exists");
        }
        projects.put(e.projectId(), new Project(e.projectId(), e.hostParty(), e.registryId(), e.title(), e.methodologyId(),
                e.participants()));
        touch(dirtyProjects, e.projectId());
    }

    private void foldRequest(IssuanceRequested e) {
        if (e.issuanceRequestId().number() != nextIssuanceRequestNumber) {
            throw new InconsistentEventException(e.seq(), "expected issuance request number " + nextIssuanceRequestNumber);
        }
        nextIssuanceRequestNumber++;
        issuanceRequests.put(e.issuanceRequestId(), new IssuanceRequest(e.issuanceRequestId(), e.projectId(),
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
        b.last = at - 1;
        line.blocks.add(high);
        liveBlockCount++;
        // Same holder, vintage and label: the balance does not change, only the index gains a block.
        if (!b.holder.blocks.add(high)) {
            throw new IllegalStateException("split produced a duplicate index entry: " + high);
        }
        touch(b);
        touch(high);
        return high;
    }

    private void move(Block b, AccountState to) {
        b.holder.remove(b);
        b.holder = to;
        to.add(b);
        touch(b);
    }

    private void setCaState(Block b, CaState state) {
        int oldLabel = b.labelOrdinal();
        b.caState = state;
        int newLabel = b.labelOrdinal();
        if (oldLabel != newLabel) {
            b.holder.addBalance(b.vintage, oldLabel, -b.size());
            b.holder.addBalance(b.vintage, newLabel, b.size());
            touch(b.holder);
        }
        touch(b);
    }

    // ------------------------------------------------------------------ lookups for the fold and the state machine

    UnitLine line(PartyCode host, Vintage vintage) {
        UnitLine[] byVintage = lines.get(host);
        return byVintage == null ? null : byVintage[vintage.index()];
    }

    private UnitLine lineForIssue(PartyCode host, Vintage vintage) {
        UnitLine[] byVintage = lines.computeIfAbsent(host, h -> new UnitLine[Vintage.COUNT]);
        UnitLine line = byVintage[vintage.index()];
        if (line == null) {
            line = new UnitLine();
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

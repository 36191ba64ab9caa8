package org.jcm.ledger.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.credit.BlockKey;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.PendingActionId;
import org.jcm.ledger.id.PendingTransferId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ProposalId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;

/**
 * The live ledger in memory: reference data, accounts, live blocks indexed per (host Party,
 * vintage) and per holder, balances, issuances, authorizations, proposals of four-eyes actions and
 * the next sequence number.
 * {@link #apply(LedgerEvent)} (the fold) is its only mutator; {@link StateMachine} decides which
 * events to fold. Not thread-safe: the single writer owns it.
 *
 * <p>It composes its parts: the values ({@link LedgerData}), the queries over them
 * ({@link LedgerReads}), the fold ({@link Fold}), change tracking ({@link ChangeTracker}) and the
 * undo journal ({@link UndoJournal}, written by {@link JournaledWrites}, reversed by {@link Undo}).
 *
 * <p>With the undo journal on ({@link #setJournaling}), every change the fold makes (to the values,
 * their maps and sets, and the blocks, accounts, unit lines, registries and authorizations it
 * holds, change tracking included) records its inverse, so that {@link #rollbackTo} can return the
 * state to any {@link #mark()}: the writer uses it to take back one command whose fold threw half
 * way, or a whole batch whose commit PostgreSQL refused. Replay leaves it off and records nothing.
 */
public final class LedgerState {

    /** The values, read directly by the rules of this package. */
    final LedgerData data;
    private final LedgerReads reads;
    private final UndoJournal journal = new UndoJournal();
    private final ChangeTracker changes = new ChangeTracker(journal);
    private final JournaledWrites writes;
    private final Undo undo;
    /** The fold's dispatch on the event type, one per state so that folding allocates nothing for it. */
    private final Fold fold;

    public LedgerState() {
        this(LedgerConfig.DEFAULT);
    }

    public LedgerState(LedgerConfig config) {
        this.data = new LedgerData(config);
        this.reads = new LedgerReads(data);
        this.writes = new JournaledWrites(data, journal);
        this.undo = new Undo(data, changes, journal);
        this.fold = new Fold(data, writes, changes);
    }

    public LedgerConfig config() {
        return data.config;
    }

    // ------------------------------------------------------------------ the fold

    /**
     * Folds one event into the state: the only way the state changes. The event must carry the
     * next sequence number and be consistent with the state, otherwise
     * {@link InconsistentEventException} is thrown (replay of a damaged log).
     */
    public void apply(LedgerEvent event) {
        if (event.seq() != data.nextSeq) {
            throw new InconsistentEventException(event.seq(), "expected sequence number " + data.nextSeq);
        }
        event.accept(fold);
        writes.advanceSeq();
    }

    // ------------------------------------------------------------------ reads

    /** The sequence number the next event will get (1 for an empty ledger). */
    public long nextSeq() {
        return data.nextSeq;
    }

    /** The sequence number of the last folded event, 0 if none. */
    public long lastSeq() {
        return data.nextSeq - 1;
    }

    public Optional<Party> party(PartyCode code) {
        return Optional.ofNullable(data.parties.get(code));
    }

    public Optional<Party> partyByIso2(String iso2) {
        return Optional.ofNullable(data.partiesByIso2.get(iso2));
    }

    /** All Parties, by alpha-3 code. */
    public List<Party> parties() {
        return reads.parties();
    }

    public Optional<RegistryInfo> registry(RegistryId id) {
        return reads.registry(id);
    }

    /** All hosted registries, by id. */
    public List<RegistryInfo> registries() {
        return reads.registries();
    }

    public Optional<Organization> organization(OrganizationId id) {
        return Optional.ofNullable(data.organizations.get(id));
    }

    public Optional<AccountInfo> account(AccountId id) {
        return reads.account(id);
    }

    /** The account's non-zero balances by vintage, then label. */
    public List<Balance> balances(AccountId id) {
        return reads.balances(id);
    }

    /** Units the account holds of one vintage and label. */
    public long balance(AccountId id, Vintage vintage, Label label) {
        return reads.balance(id, vintage, label);
    }

    /** Units the account holds in total. */
    public long totalUnits(AccountId id) {
        return reads.totalUnits(id);
    }

    /** The live blocks the account holds, in selection order (vintage, project, first unit). */
    public List<CreditBlock> holdings(AccountId id) {
        return reads.holdings(id);
    }

    /** Live blocks matching every given criterion, ordered by key. */
    public List<CreditBlock> blocks(Optional<ProjectId> projectId, Optional<Vintage> vintage,
                                    Optional<BlockStatus> status, Optional<Label> label) {
        return reads.blocks(projectId, vintage, status, label);
    }

    /** The live block that holds {@code unit} of the host Party's vintage. */
    public Optional<CreditBlock> blockContaining(PartyCode host, Vintage vintage, long unit) {
        return reads.blockContaining(host, vintage, unit);
    }

    /** The live block with this key (absent if no block starts there). */
    public Optional<CreditBlock> block(BlockKey key) {
        return reads.block(key);
    }

    /** Units of the account's total that are reserved for pending actions (they stay in the account). */
    public long reservedUnits(AccountId id) {
        return reads.reservedUnits(id);
    }

    /** Units the account holds and can move now: its total less the reserved units. */
    public long availableUnits(AccountId id) {
        return reads.totalUnits(id) - reads.reservedUnits(id);
    }

    /** Which of the account's units are reserved for which pending action, by action id. */
    public List<Reservation> reservations(AccountId id) {
        return reads.reservations(id);
    }

    /** The units reserved for the pending action, if it holds any. */
    public Optional<Reservation> reservation(PendingActionId id) {
        return Optional.ofNullable(data.reservations.get(id));
    }

    /** Whether the unit of the host Party's vintage is reserved, and for which pending action. */
    public Optional<PendingActionId> reservedFor(PartyCode host, Vintage vintage, long unit) {
        UnitLine line = data.line(host, vintage);
        Block b = line == null ? null : line.containing(unit);
        return b == null ? Optional.empty() : Optional.ofNullable(b.reservedFor);
    }

    /** The pending transfer with this id, ended or not. */
    public Optional<PendingTransfer> pendingTransfer(PendingTransferId id) {
        return reads.pendingTransfer(id);
    }

    /** Every pending transfer, ended ones included, by id. */
    public List<PendingTransfer> pendingTransfers() {
        return reads.pendingTransfers();
    }

    /**
     * The earliest instant at which an open pending transfer comes due (its execution, or the expiry
     * of the approval it waits for); empty if none is open. The writer issues
     * {@code ProcessDueTransfers} only once this has come.
     */
    public Optional<Instant> nextTransferDueAt() {
        return reads.nextTransferDueAt();
    }

    /** The earliest {@code expiresAt} of a pending proposal; empty if none. The writer issues {@code ExpireProposals} only once it has come. */
    public Optional<Instant> nextProposalExpiry() {
        return reads.nextProposalExpiry();
    }

    /** The transfer policy that applies to the organization: its own, or the configured default. */
    public TransferPolicy transferPolicy(OrganizationId organization) {
        return data.transferPolicy(organization);
    }

    /** The organization's trusted-account list, additions not yet effective included, by account id. */
    public List<TrustedAccount> trustedAccounts(OrganizationId organization) {
        return reads.trustedAccounts(organization);
    }

    public int liveBlockCount() {
        return data.liveBlockCount;
    }

    /** Units issued so far for the host Party's vintage (they are numbered 1 to this). */
    public long issuedUnits(PartyCode host, Vintage vintage) {
        return reads.issuedUnits(host, vintage);
    }

    /**
     * Units issued so far in the whole ledger, every host Party and vintage together. The issuance
     * rules keep it at most 2^53 - 1, which bounds every balance and every total of units.
     * Computed from the numbering lines (at most one per host Party and vintage), not kept.
     */
    public long issuedUnitsTotal() {
        return data.issuedUnitsTotal();
    }

    public Optional<Project> project(ProjectId id) {
        return Optional.ofNullable(data.projects.get(id));
    }

    public List<Project> projects() {
        return reads.projects();
    }

    public Optional<Issuance> issuance(IssuanceId id) {
        return Optional.ofNullable(data.issuances.get(id));
    }

    public Optional<IssuanceRequest> issuanceRequest(IssuanceRequestId id) {
        return Optional.ofNullable(data.issuanceRequests.get(id));
    }

    public Optional<Authorization> authorization(AuthorizationId id) {
        return reads.authorization(id);
    }

    public List<Authorization> authorizations() {
        return reads.authorizations();
    }

    /** The FirstTransferRecorded event with this sequence number. */
    public Optional<FirstTransferRecorded> firstTransfer(long seq) {
        return Optional.ofNullable(data.firstTransfers.get(seq));
    }

    /** The CA method the Party fixed for the NDC period, once it applied its first adjustment in it. */
    public Optional<CaMethod> caMethod(PartyCode party, NdcPeriod period) {
        return reads.caMethod(party, period);
    }

    /**
     * The proposal of a four-eyes action with this id, pending or ended: its kind, action,
     * proposer, expiry, who may approve it ({@link Proposal#approverRole()},
     * {@link Proposal#approverScope()}), reserved units and outcome.
     */
    public Optional<Proposal> proposal(ProposalId id) {
        return Optional.ofNullable(data.proposals.get(id));
    }

    /** Every proposal, pending or ended, by id. */
    public List<Proposal> proposals() {
        return reads.proposals(false);
    }

    /** The pending proposals, by id (each until it is approved, rejected, withdrawn or expired). */
    public List<Proposal> pendingProposals() {
        return reads.proposals(true);
    }

    /** The project cycle: methodologies, third-party entities, applications and monitoring cycles. */
    public ProjectCycleView projectCycle() {
        return new ProjectCycleView(data);
    }

    /** Everything, sorted, as one comparable value. */
    public LedgerSnapshot snapshot() {
        return reads.snapshot();
    }

    // ------------------------------------------------------------------ change tracking

    /**
     * Turns change tracking on or off. Replay turns it off (the writer rebuilding its state has
     * nothing new to persist); the writer leaves it on and drains after each batch.
     */
    public void setChangeTracking(boolean on) {
        changes.setTracking(on, lastSeq());
    }

    /** What changed since the last drain (or since tracking was turned on); starts a new period. */
    public LedgerChanges drainChanges() {
        return changes.drain(lastSeq());
    }

    // ------------------------------------------------------------------ undo journal

    /**
     * Turns the undo journal on or off; either way it starts empty. Off (the default, and during
     * replay) the fold records nothing and allocates nothing for it.
     */
    public void setJournaling(boolean on) {
        journal.turn(on);
    }

    public boolean journaling() {
        return journal.on();
    }

    /**
     * A position in the journal to return to with {@link #rollbackTo}; marks nest. The mark itself
     * records how many blocks and accounts change tracking holds, so that the touches after it need
     * no entries of their own.
     */
    public int mark() {
        requireJournaling();
        return changes.mark();
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
        undo.rollbackTo(mark);
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
        if (!journal.on()) {
            throw new IllegalStateException("the undo journal is off");
        }
    }
}

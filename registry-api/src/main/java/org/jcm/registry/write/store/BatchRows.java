package org.jcm.registry.write.store;

import java.util.ArrayList;
import java.util.List;
import org.jcm.ledger.credit.BlockKey;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.state.AccountInfo;
import org.jcm.ledger.state.Authorization;
import org.jcm.ledger.state.Issuance;
import org.jcm.ledger.state.IssuanceRequest;
import org.jcm.ledger.state.Organization;
import org.jcm.ledger.state.Project;
import org.jcm.ledger.state.RegistryInfo;
import org.jcm.registry.write.TraceHeaders;
import org.jcm.registry.write.idempotency.StoredOutcome;
import org.jcm.registry.write.idempotency.SubjectKey;

/**
 * Everything one writer batch persists, gathered column by column so that each table is written
 * with one multi-row statement ({@code INSERT ... SELECT FROM unnest(arrays)}). Reused from batch
 * to batch by the writer thread; not thread-safe.
 *
 * <p>{@link #mark()} and {@link #resetToMark()} take back the rows added since the mark (the writer
 * marks before each command, so that a command that fails leaves no row behind); there is one mark
 * at a time, kept in this object, so marking allocates nothing.
 */
public final class BatchRows {

    // ledger_event
    final LongColumn eventSeq = new LongColumn();
    final List<String> eventType = new ArrayList<>();
    final List<String> eventAt = new ArrayList<>();
    final List<String> actorRole = new ArrayList<>();
    final List<String> actorSubject = new ArrayList<>();
    final List<String> actorScope = new ArrayList<>();
    final List<String> eventJson = new ArrayList<>();
    final List<byte[]> prevHash = new ArrayList<>();
    final List<byte[]> hash = new ArrayList<>();
    // the request's trace context, transport metadata outside the hashed event (null when none)
    final List<String> traceparent = new ArrayList<>();
    final List<String> tracestate = new ArrayList<>();

    // event_account
    final List<String> touchedAccount = new ArrayList<>();
    final LongColumn touchedAccountSeq = new LongColumn();

    // event_units
    final List<String> unitsHost = new ArrayList<>();
    final LongColumn unitsVintage = new LongColumn();
    final LongColumn unitsFirst = new LongColumn();
    final LongColumn unitsLast = new LongColumn();
    final LongColumn unitsSeq = new LongColumn();

    // idempotency
    final List<SubjectKey> idempotencyKey = new ArrayList<>();
    final List<StoredOutcome> idempotencyOutcome = new ArrayList<>();

    // live state
    final List<CreditBlock> blocks = new ArrayList<>();
    final List<BlockKey> deletedBlocks = new ArrayList<>();
    final List<AccountInfo> accounts = new ArrayList<>();
    final List<Party> parties = new ArrayList<>();
    final List<RegistryInfo> registries = new ArrayList<>();
    final List<Organization> organizations = new ArrayList<>();
    final List<Project> projects = new ArrayList<>();
    final List<IssuanceRequest> issuanceRequests = new ArrayList<>();
    final List<Issuance> issuances = new ArrayList<>();
    final List<Authorization> authorizations = new ArrayList<>();
    final List<FirstTransferRecorded> firstTransfers = new ArrayList<>();
    final List<CaMethodRow> caMethods = new ArrayList<>();
    // the project cycle's reference data, from its events (CycleRows)
    final List<Methodology> methodologies = new ArrayList<>();
    final List<ThirdPartyEntity> thirdPartyEntities = new ArrayList<>();
    // the application route's read tables, from its events and the state (RouteRows)
    final RouteRows route = new RouteRows();

    // transfer controls (ControlRows), in event order
    final List<ControlRows.Statement> controls = new ArrayList<>();

    /** Every column, for {@link #mark()} and {@link #resetToMark()}. */
    private final List<?>[] lists = java.util.stream.Stream.concat(java.util.stream.Stream.of(eventType, eventAt, actorRole,
            actorSubject, actorScope, eventJson, prevHash, hash, traceparent, tracestate, touchedAccount, unitsHost, idempotencyKey, idempotencyOutcome,
            blocks, deletedBlocks, accounts, parties, registries, organizations, projects, issuanceRequests, issuances,
            authorizations, firstTransfers, caMethods, methodologies, thirdPartyEntities, controls),
            java.util.Arrays.stream(route.lists())).toArray(List<?>[]::new);
    private final LongColumn[] longColumns = {eventSeq, touchedAccountSeq, unitsVintage, unitsFirst, unitsLast, unitsSeq};
    /** The size of every column at the last {@link #mark()}: {@link #lists}, then {@link #longColumns}. */
    private final int[] marked = new int[lists.length + longColumns.length];

    /** A Party's CA method for an NDC period. */
    public record CaMethodRow(String party, int firstYear, int lastYear, String method) {
    }

    /** The canonical JSON of this batch's events, in seq order (a copy). */
    public List<String> eventJson() {
        return List.copyOf(eventJson);
    }

    /**
     * Adds one event row; {@code trace} is the trace context of the request that caused it (null for
     * none), stored beside the event and never hashed.
     */
    public void event(long seq, String type, String at, String role, String subject, String scope, String json,
                      byte[] prev, byte[] eventHash, TraceHeaders trace) {
        traceparent.add(trace == null ? null : trace.traceparent());
        tracestate.add(trace == null ? null : trace.tracestate());
        eventSeq.add(seq);
        eventType.add(type);
        eventAt.add(at);
        actorRole.add(role);
        actorSubject.add(subject);
        actorScope.add(scope);
        eventJson.add(json);
        prevHash.add(prev);
        hash.add(eventHash);
    }

    /** Records that event {@code seq} touches an account. */
    public void touchesAccount(String accountId, long seq) {
        touchedAccount.add(accountId);
        touchedAccountSeq.add(seq);
    }

    /** Records that event {@code seq} names units {@code first..last} of a host Party's vintage. */
    public void namesUnits(String host, int vintage, long first, long last, long seq) {
        unitsHost.add(host);
        unitsVintage.add(vintage);
        unitsFirst.add(first);
        unitsLast.add(last);
        unitsSeq.add(seq);
    }

    /** Adds the first outcome of an idempotency key. */
    public void idempotency(SubjectKey key, StoredOutcome outcome) {
        idempotencyKey.add(key);
        idempotencyOutcome.add(outcome);
    }

    public void block(CreditBlock block) {
        blocks.add(block);
    }

    public void deletedBlock(BlockKey key) {
        deletedBlocks.add(key);
    }

    public void account(AccountInfo account) {
        accounts.add(account);
    }

    public void party(Party party) {
        parties.add(party);
    }

    public void registry(RegistryInfo registry) {
        registries.add(registry);
    }

    public void organization(Organization organization) {
        organizations.add(organization);
    }

    public void project(Project project) {
        projects.add(project);
    }

    public void issuanceRequest(IssuanceRequest request) {
        issuanceRequests.add(request);
    }

    public void issuance(Issuance issuance) {
        issuances.add(issuance);
    }

    public void authorization(Authorization authorization) {
        authorizations.add(authorization);
    }

    public void firstTransfer(FirstTransferRecorded event) {
        firstTransfers.add(event);
    }

    public void caMethod(CaMethodRow row) {
        caMethods.add(row);
    }

    /** Adds what a route event gives to the route's read tables, reading the state before it. */
    public void route(org.jcm.ledger.event.LedgerEvent event, org.jcm.ledger.state.LedgerState before) {
        route.add(event, before);
    }

    /** Number of events in the batch. */
    public int eventCount() {
        return eventSeq.size();
    }

    /** Whether Parties, registries or projects change, which request threads see through a reference view. */
    public boolean changesReferenceData() {
        return !parties.isEmpty() || !registries.isEmpty() || !projects.isEmpty();
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
        return eventSeq.size() == 0 && idempotencyKey.isEmpty();
    }

    /** Remembers the size of every column; {@link #resetToMark()} returns to it. Replaces an earlier mark. */
    public void mark() {
        int i = 0;
        for (List<?> list : lists) {
            marked[i++] = list.size();
        }
        for (LongColumn column : longColumns) {
            marked[i++] = column.size();
        }
    }

    /** Drops every row added since the last {@link #mark()} (everything, if {@link #clear()} came after it). */
    public void resetToMark() {
        int i = 0;
        for (List<?> list : lists) {
            int keep = Math.min(marked[i++], list.size());
            list.subList(keep, list.size()).clear();
        }
        for (LongColumn column : longColumns) {
            column.truncate(Math.min(marked[i++], column.size()));
        }
    }

    /** Empties every column for the next batch. */
    public void clear() {
        eventSeq.clear();
        eventType.clear();
        eventAt.clear();
        actorRole.clear();
        actorSubject.clear();
        actorScope.clear();
        eventJson.clear();
        prevHash.clear();
        hash.clear();
        traceparent.clear();
        tracestate.clear();
        touchedAccount.clear();
        touchedAccountSeq.clear();
        unitsHost.clear();
        unitsVintage.clear();
        unitsFirst.clear();
        unitsLast.clear();
        unitsSeq.clear();
        idempotencyKey.clear();
        idempotencyOutcome.clear();
        blocks.clear();
        deletedBlocks.clear();
        accounts.clear();
        parties.clear();
        registries.clear();
        organizations.clear();
        projects.clear();
        issuanceRequests.clear();
        issuances.clear();
        authorizations.clear();
        firstTransfers.clear();
        caMethods.clear();
        methodologies.clear();
        thirdPartyEntities.clear();
        route.clear();
        controls.clear();
    }
}

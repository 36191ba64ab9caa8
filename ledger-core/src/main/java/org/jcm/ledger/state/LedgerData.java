package org.jcm.ledger.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PendingActionId;
import org.jcm.ledger.id.PendingTransferId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ProposalId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;

/**
 * The values of the live ledger: counters, reference data, accounts, the numbering lines of each
 * (host Party, vintage) with their live blocks, issuances, authorizations, first transfers, CA
 * methods and proposals of four-eyes actions. Plain package fields, because the rules read them on every decision: the rules read
 * them directly, {@link LedgerReads} copies them into snapshots, and only the fold changes them,
 * through {@link JournaledWrites} wherever the change must be undoable.
 */
final class LedgerData {

    final LedgerConfig config;
    long nextSeq = 1;
    long nextIssuanceRequestNumber = 1;
    long nextPendingTransferNumber = 1;
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
    /** The numbering lines of each host Party, by vintage index (null where nothing was issued). */
    final Map<PartyCode, UnitLine[]> lines = new HashMap<>();
    int liveBlockCount;
    /** The transfer policies registry administrators set, by organization (absent: the configured default). */
    final Map<OrganizationId, TransferPolicy> transferPolicies = new HashMap<>();
    /** Each organization's trusted-account list: the instant each account is trusted from. */
    final Map<OrganizationId, Map<AccountId, Instant>> trustedAccounts = new HashMap<>();
    /** Every pending transfer, ended ones included. */
    final Map<PendingTransferId, PendingTransfer> pendingTransfers = new HashMap<>();
    /** The pending transfers still open (awaiting approval or scheduled), which the due processing scans. */
    final Map<PendingTransferId, PendingTransfer> openTransfers = new HashMap<>();
    /** The units reserved for each pending action that holds some ({@link Reservations}). */
    final Map<PendingActionId, Reservation> reservations = new HashMap<>();
    /** Every proposal of a four-eyes action, pending or ended; numbered 1 to its size, never removed. */
    final Map<ProposalId, Proposal> proposals = new HashMap<>();
    /**
     * The pending action whose own reserved units the rules may name while it executes: set only
     * while an approval decides the proposed action ({@link ProposalRules#approve}), null otherwise.
     */
    PendingActionId executing;
    /** The pending proposals, by id: what {@code ExpireProposals} looks through. */
    final TreeMap<ProposalId, Proposal> pendingProposals = new TreeMap<>();

    /** The methodologies the Joint Committees adopted, by id. */
    final Map<org.jcm.ledger.id.MethodologyId, org.jcm.ledger.id.Methodology> methodologies = new HashMap<>();
    /** The accredited third-party entities, by id. */
    final Map<org.jcm.ledger.id.ThirdPartyEntityId, org.jcm.ledger.id.ThirdPartyEntity> thirdPartyEntities = new HashMap<>();

    /** The project applications, by id; numbered 1 to its size, never removed. */
    final Map<org.jcm.ledger.id.ApplicationId, Application> applications = new HashMap<>();
    /** The application each project registered on the route comes from. */
    final Map<ProjectId, org.jcm.ledger.id.ApplicationId> projectApplications = new HashMap<>();

    /** The monitoring cycles of registered projects, by id; numbered 1 to its size, never removed. */
    final Map<org.jcm.ledger.id.MonitoringCycleId, MonitoringCycle> monitoringCycles = new HashMap<>();

    /** The monitoring cycle each issuance request made on the route cites. */
    final Map<IssuanceRequestId, org.jcm.ledger.id.MonitoringCycleId> requestCycles = new HashMap<>();

    /** A Joint Committee decision key: an issuance is made at most once per key. */
    record DecisionKey(ProjectId projectId, LocalDate start, LocalDate end, Vintage vintage) {
    }

    /** A Party's CA method is fixed per NDC period. */
    record CaMethodKey(PartyCode party, NdcPeriod period) {
    }

    LedgerData(LedgerConfig config) {
        this.config = config;
    }

    /** The numbering line of the host Party's vintage, or null if nothing was issued in it. */
    UnitLine line(PartyCode host, Vintage vintage) {
        UnitLine[] byVintage = lines.get(host);
        return byVintage == null ? null : byVintage[vintage.index()];
    }

    /** Units issued so far in the whole ledger; see {@link LedgerState#issuedUnitsTotal()}. */
    long issuedUnitsTotal() {
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

    // ------------------------------------------------------------------ lookups for the fold

    /** The policy that applies to the organization's transfers: its own, or the configured default. */
    TransferPolicy transferPolicy(OrganizationId organization) {
        TransferPolicy p = transferPolicies.get(organization);
        return p != null ? p : config.defaultTransferPolicy();
    }

    /**
     * Whether {@code to} is a trusted destination for transfers out of {@code from} at {@code at}:
     * an account of the same organization, or one on the organization's list effective by then.
     * Two map lookups at most, no allocation: this runs on every transfer.
     */
    boolean trusted(AccountState from, AccountState to, Instant at) {
        if (from.organizationId.equals(to.organizationId)) {
            return true;
        }
        Map<AccountId, Instant> list = trustedAccounts.get(from.organizationId);
        Instant effective = list == null ? null : list.get(to.id);
        return effective != null && !effective.isAfter(at);
    }

    /** The account an event names; a replayed event naming an unknown one is inconsistent. */
    AccountState account(long seq, AccountId id) {
        AccountState a = accounts.get(id);
        if (a == null) {
            throw new InconsistentEventException(seq, "unknown account " + id);
        }
        return a;
    }

    AccountState holdingAccount(long seq, AccountId id) {
        AccountState a = account(seq, id);
        if (!a.isHolding()) {
            throw new InconsistentEventException(seq, id + " is not a holding account");
        }
        return a;
    }

    RegistryState registry(long seq, RegistryId id) {
        RegistryState r = registries.get(id);
        if (r == null) {
            throw new InconsistentEventException(seq, "unknown registry " + id);
        }
        return r;
    }

    AuthorizationState authorization(long seq, AuthorizationId id) {
        AuthorizationState a = authorizations.get(id);
        if (a == null) {
            throw new InconsistentEventException(seq, "unknown authorization " + id);
        }
        return a;
    }
}

package org.jcm.ledger.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jcm.ledger.credit.BlockKey;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.PendingTransferId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;

/**
 * The read model behind {@link LedgerState}'s queries (documented there): turns the live values
 * into immutable answers (snapshots of blocks, accounts, registries, authorizations), sorted where
 * a list is returned, so that no caller holds a reference into the mutable state.
 */
final class LedgerReads {

    private final LedgerData data;

    LedgerReads(LedgerData data) {
        this.data = data;
    }

    List<Party> parties() {
        List<Party> list = new ArrayList<>(data.parties.values());
        list.sort(Comparator.comparing(Party::code));
        return list;
    }

    List<RegistryInfo> registries() {
        List<RegistryInfo> list = new ArrayList<>();
        for (RegistryState r : data.registries.values()) {
            list.add(r.snapshot());
        }
        list.sort(Comparator.comparing(RegistryInfo::id));
        return list;
    }

    Optional<RegistryInfo> registry(RegistryId id) {
        RegistryState r = data.registries.get(id);
        return r == null ? Optional.empty() : Optional.of(r.snapshot());
    }

    Optional<AccountInfo> account(AccountId id) {
        AccountState a = data.accounts.get(id);
        return a == null ? Optional.empty() : Optional.of(info(a));
    }

    List<Balance> balances(AccountId id) {
        AccountState a = data.accounts.get(id);
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

    long balance(AccountId id, Vintage vintage, Label label) {
        AccountState a = data.accounts.get(id);
        return a == null ? 0 : a.balance(vintage, label.ordinal());
    }

    long totalUnits(AccountId id) {
        AccountState a = data.accounts.get(id);
        return a == null ? 0 : a.totalUnits;
    }

    List<CreditBlock> holdings(AccountId id) {
        AccountState a = data.accounts.get(id);
        List<CreditBlock> list = new ArrayList<>();
        if (a != null) {
            for (Block b : a.blocks) {
                list.add(b.snapshot());
            }
        }
        return list;
    }

    List<CreditBlock> blocks(Optional<ProjectId> projectId, Optional<Vintage> vintage, Optional<BlockStatus> status,
                             Optional<Label> label) {
        List<CreditBlock> list = new ArrayList<>();
        List<PartyCode> hosts = new ArrayList<>(data.lines.keySet());
        hosts.sort(null);
        for (PartyCode host : hosts) {
            UnitLine[] byVintage = data.lines.get(host);
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

    Optional<CreditBlock> blockContaining(PartyCode host, Vintage vintage, long unit) {
        UnitLine line = data.line(host, vintage);
        Block b = line == null ? null : line.containing(unit);
        return b == null ? Optional.empty() : Optional.of(b.snapshot());
    }

    Optional<CreditBlock> block(BlockKey key) {
        UnitLine line = data.line(key.hostParty(), key.vintage());
        Block b = line == null ? null : line.blocks.get(key.firstUnit());
        return b == null ? Optional.empty() : Optional.of(b.snapshot());
    }

    long issuedUnits(PartyCode host, Vintage vintage) {
        UnitLine line = data.line(host, vintage);
        return line == null ? 0 : line.nextUnit - 1;
    }

    List<Project> projects() {
        List<Project> list = new ArrayList<>(data.projects.values());
        list.sort(Comparator.comparing(Project::id));
        return list;
    }

    Optional<Authorization> authorization(AuthorizationId id) {
        AuthorizationState a = data.authorizations.get(id);
        return a == null ? Optional.empty() : Optional.of(a.snapshot());
    }

    List<Authorization> authorizations() {
        List<Authorization> list = new ArrayList<>();
        for (AuthorizationState a : data.authorizations.values()) {
            list.add(a.snapshot());
        }
        list.sort(Comparator.comparing(Authorization::id));
        return list;
    }

    Optional<CaMethod> caMethod(PartyCode party, NdcPeriod period) {
        return Optional.ofNullable(data.caMethods.get(new LedgerData.CaMethodKey(party, period)));
    }

    long reservedUnits(AccountId id) {
        AccountState a = data.accounts.get(id);
        return a == null ? 0 : a.reservedUnits;
    }

    /** The reservations of the account's units, by pending action id. */
    List<Reservation> reservations(AccountId id) {
        List<Reservation> list = new ArrayList<>();
        for (Reservation r : data.reservations.values()) {
            if (r.accountId().equals(id)) {
                list.add(r);
            }
        }
        list.sort(Comparator.comparing(r -> r.actionId().value()));
        return list;
    }

    /** Every reservation, by pending action id. */
    List<Reservation> reservations() {
        List<Reservation> list = new ArrayList<>(data.reservations.values());
        list.sort(Comparator.comparing(r -> r.actionId().value()));
        return list;
    }

    /** The blocks reserved for a pending action (key {@code HOST/VINTAGE/FIRST}) and the action's id. */
    TreeMap<String, String> reservedBlocks() {
        TreeMap<String, String> map = new TreeMap<>();
        for (Reservation r : data.reservations.values()) {
            AccountState a = data.accounts.get(r.accountId());
            for (Block b : a.blocks) {
                if (b.reservedFor != null) {
                    map.put(b.host + "/" + b.vintage + "/" + b.first, b.reservedFor.value());
                }
            }
        }
        return map;
    }

    Optional<PendingTransfer> pendingTransfer(PendingTransferId id) {
        return Optional.ofNullable(data.pendingTransfers.get(id));
    }

    /** Every pending transfer, ended ones included, by id. */
    List<PendingTransfer> pendingTransfers() {
        List<PendingTransfer> list = new ArrayList<>(data.pendingTransfers.values());
        list.sort(Comparator.comparing(PendingTransfer::id));
        return list;
    }

    /** The earliest due instant of an open pending transfer (see {@link LedgerState#nextTransferDueAt()}). */
    Optional<Instant> nextTransferDueAt() {
        Instant earliest = null;
        for (PendingTransfer pt : data.openTransfers.values()) {
            Instant due = pt.dueAt().orElse(null);
            if (due != null && (earliest == null || due.isBefore(earliest))) {
                earliest = due;
            }
        }
        return Optional.ofNullable(earliest);
    }

    /** The earliest expiry of a pending proposal (see {@link LedgerState#nextProposalExpiry()}). */
    Optional<Instant> nextProposalExpiry() {
        Instant earliest = null;
        for (Proposal p : data.pendingProposals.values()) {
            if (earliest == null || p.expiresAt().isBefore(earliest)) {
                earliest = p.expiresAt();
            }
        }
        return Optional.ofNullable(earliest);
    }

    /** The organization's trusted-account list (additions not yet effective included), by account id. */
    List<TrustedAccount> trustedAccounts(OrganizationId organization) {
        List<TrustedAccount> list = new ArrayList<>();
        Map<AccountId, Instant> entries = data.trustedAccounts.get(organization);
        if (entries != null) {
            entries.forEach((account, effectiveAt) -> list.add(new TrustedAccount(account, effectiveAt)));
        }
        list.sort(Comparator.comparing(TrustedAccount::accountId));
        return list;
    }

    TransferControlsSnapshot transferControls() {
        TreeMap<String, TransferPolicy> policies = new TreeMap<>();
        data.transferPolicies.forEach((org, p) -> policies.put(org.value(), p));
        TreeMap<String, Instant> trusted = new TreeMap<>();
        data.trustedAccounts.forEach((org, entries) -> entries.forEach((account, at) ->
                trusted.put(org.value() + "/" + account.value(), at)));
        return new TransferControlsSnapshot(data.nextPendingTransferNumber, policies, trusted, pendingTransfers());
    }

    LedgerSnapshot snapshot() {
        List<Organization> orgs = new ArrayList<>(data.organizations.values());
        orgs.sort(Comparator.comparing(Organization::id));
        List<AccountInfo> accountList = new ArrayList<>();
        TreeMap<AccountId, List<Balance>> balanceMap = new TreeMap<>();
        for (AccountState a : data.accounts.values()) {
            accountList.add(info(a));
            balanceMap.put(a.id, balances(a.id));
        }
        accountList.sort(Comparator.comparing(AccountInfo::id));
        List<Issuance> issuanceList = new ArrayList<>(data.issuances.values());
        issuanceList.sort(Comparator.comparing(Issuance::id));
        List<IssuanceRequest> requestList = new ArrayList<>(data.issuanceRequests.values());
        requestList.sort(Comparator.comparing(IssuanceRequest::id));
        List<FirstTransferRecorded> ft = new ArrayList<>(data.firstTransfers.values());
        ft.sort(Comparator.comparingLong(FirstTransferRecorded::seq));
        TreeMap<String, String> methods = new TreeMap<>();
        data.caMethods.forEach((k, v) -> methods.put(k.party() + "/" + k.period(), v.name()));
        TreeMap<String, Long> nextUnits = new TreeMap<>();
        data.lines.forEach((host, byVintage) -> {
            for (int v = 0; v < byVintage.length; v++) {
                if (byVintage[v] != null) {
                    nextUnits.put(host + "/" + (Vintage.FIRST + v), byVintage[v].nextUnit);
                }
            }
        });
        return new LedgerSnapshot(data.nextSeq, data.nextIssuanceRequestNumber, parties(), registries(), orgs, accountList,
                balanceMap, projects(), issuanceList, requestList, authorizations(), ft, methods, nextUnits,
                blocks(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), reservations(),
                reservedBlocks(), transferControls(), proposals(false), new ProjectCycleView(data).snapshot());
    }

    /** Every proposal (or only the pending ones), by id. */
    List<Proposal> proposals(boolean pendingOnly) {
        return new ArrayList<>(pendingOnly ? data.pendingProposals.values() : new TreeMap<>(data.proposals).values());
    }

    private static AccountInfo info(AccountState a) {
        return new AccountInfo(a.id, a.registryId, Optional.ofNullable(a.organizationId), a.type, a.name, a.frozen,
                a.closed);
    }
}

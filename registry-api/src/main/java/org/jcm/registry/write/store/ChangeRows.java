package org.jcm.registry.write.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.credit.BlockKey;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.CreditBlock;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.state.AccountInfo;
import org.jcm.ledger.state.LedgerChanges;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.NdcPeriod;

/**
 * Turns what changed in the live state ({@link LedgerState#drainChanges()}) into rows to upsert or
 * delete. Balances are not stored (the {@code account_balance} view sums blocks), so an account row
 * is written only when its information (name, frozen, closed) differs from what is stored: most
 * transfers touch only blocks.
 */
public final class ChangeRows {

    private final Map<AccountId, AccountInfo> storedAccounts;

    /** Starts from the account rows as stored; the map is owned by this object from now on. */
    public ChangeRows(Map<AccountId, AccountInfo> storedAccounts) {
        this.storedAccounts = new HashMap<>(storedAccounts);
    }

    /** Adds the rows of {@code changes}, reading current values from {@code state}. */
    public void add(LedgerChanges changes, LedgerState state, BatchRows rows) {
        for (BlockKey key : changes.blocks()) {
            Optional<CreditBlock> block = state.block(key);
            if (block.isPresent()) {
                rows.block(block.get());
            } else {
                rows.deletedBlock(key);
            }
        }
        for (AccountId id : changes.accounts()) {
            Optional<AccountInfo> account = state.account(id);
            if (account.isPresent() && !account.get().equals(storedAccounts.get(id))) {
                rows.account(account.get());
            }
        }
        for (PartyCode code : changes.parties()) {
            state.party(code).ifPresent(rows::party);
        }
        for (RegistryId id : changes.registries()) {
            state.registry(id).ifPresent(rows::registry);
        }
        for (OrganizationId id : changes.organizations()) {
            state.organization(id).ifPresent(rows::organization);
        }
        for (ProjectId id : changes.projects()) {
            state.project(id).ifPresent(rows::project);
        }
        for (IssuanceRequestId id : changes.issuanceRequests()) {
            state.issuanceRequest(id).ifPresent(rows::issuanceRequest);
        }
        for (IssuanceId id : changes.issuances()) {
            state.issuance(id).ifPresent(rows::issuance);
        }
        for (AuthorizationId id : changes.authorizations()) {
            state.authorization(id).ifPresent(rows::authorization);
        }
        if (changes.caMethodsChanged()) {
            for (Party party : state.parties()) {
                for (NdcPeriod period : state.config().ndcPeriods()) {
                    Optional<CaMethod> method = state.caMethod(party.code(), period);
                    if (method.isPresent()) {
                        rows.caMethod(new BatchRows.CaMethodRow(party.code().value(), period.firstYear(), period.lastYear(),
                                method.get().name()));
                    }
                }
            }
        }
        rows.route.resolve(state);
    }

    /** Records that the batch's account rows are now stored (call after COMMIT). */
    public void committed(BatchRows rows) {
        for (AccountInfo account : rows.accounts) {
            storedAccounts.put(account.id(), account);
        }
    }
}

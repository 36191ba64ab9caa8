package org.jcm.registry.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
import org.jcm.ledger.event.PendingTransferApproved;
import org.jcm.ledger.event.PendingTransferCancelled;
import org.jcm.ledger.event.PendingTransferExecuted;
import org.jcm.ledger.event.PendingTransferExpired;
import org.jcm.ledger.event.TransferPended;
import org.jcm.ledger.event.TransferPolicySet;
import org.jcm.ledger.event.TrustedAccountAdded;
import org.jcm.ledger.event.TrustedAccountRemoved;
import org.jcm.ledger.event.PartyRegistered;
import org.jcm.ledger.event.PartyUpdated;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.event.ProposalApproved;
import org.jcm.ledger.event.ProposalExpired;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.event.ProposalRejected;
import org.jcm.ledger.event.RegistryRegistered;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.ItmoId;
import org.jcm.ledger.serial.UnitRange;

/**
 * The blocks an event moved or flagged, for {@link MutationResponses}: ITMO ids from
 * {@code approaches}, serials naming the host of units in another numbering line than the first
 * host's of their project (from {@code projectHosts}). Movements name the receiving account; Article 6.2 events change the units'
 * flags where they are, and reserved units stay where they are, so their blocks name no account;
 * reference data and the transfer controls' and proposals' bookkeeping have no blocks. A class of
 * its own so that each event type's blocks sit beside the others and the answer's dispatch stays short.
 */
final class ResponseBlocks implements LedgerEvent.Visitor<List<BlockSummary>> {
    private final Function<PartyCode, Optional<CooperativeApproachId>> approaches;
    private final Function<ProjectId, Optional<PartyCode>> projectHosts;

    ResponseBlocks(Function<PartyCode, Optional<CooperativeApproachId>> approaches,
                   Function<ProjectId, Optional<PartyCode>> projectHosts) {
        this.approaches = approaches;
        this.projectHosts = projectHosts;
    }

    @Override
    public List<BlockSummary> visitPartyRegistered(PartyRegistered e) {
        return List.of(); // reference data moves no units
    }

    @Override
    public List<BlockSummary> visitPartyUpdated(PartyUpdated e) {
        return List.of(); // reference data moves no units
    }

    @Override
    public List<BlockSummary> visitRegistryRegistered(RegistryRegistered e) {
        return List.of(); // reference data moves no units
    }

    @Override
    public List<BlockSummary> visitOrganizationRegistered(OrganizationRegistered e) {
        return List.of(); // reference data moves no units
    }

    @Override
    public List<BlockSummary> visitAccountOpened(AccountOpened e) {
        return List.of(); // reference data moves no units
    }

    @Override
    public List<BlockSummary> visitAccountFrozen(AccountFrozen e) {
        return List.of(); // reference data moves no units
    }

    @Override
    public List<BlockSummary> visitAccountUnfrozen(AccountUnfrozen e) {
        return List.of(); // reference data moves no units
    }

    @Override
    public List<BlockSummary> visitAccountClosed(AccountClosed e) {
        return List.of(); // reference data moves no units
    }

    @Override
    public List<BlockSummary> visitProjectRegistered(ProjectRegistered e) {
        return List.of(); // reference data moves no units
    }

    @Override
    public List<BlockSummary> visitIssuanceRequested(IssuanceRequested e) {
        return List.of(); // reference data moves no units
    }

    @Override
    public List<BlockSummary> visitCreditsIssued(CreditsIssued e) {
        Optional<CooperativeApproachId> ca = approaches.apply(e.hostParty());
        List<BlockSummary> blocks = new ArrayList<>(e.allocations().size());
        for (IssuedAllocation a : e.allocations()) {
            blocks.add(block(e.projectId(), e.hostParty(), e.vintage(), a.issuingRegistryId(), a.first(), a.last(),
                    a.accountId(), ca));
        }
        return blocks;
    }

    @Override
    public List<BlockSummary> visitCreditsTransferred(CreditsTransferred e) {
        return ranges(e.ranges(), e.toAccountId());
    }

    @Override
    public List<BlockSummary> visitCreditsCancelled(CreditsCancelled e) {
        return ranges(e.ranges(), e.toAccountId());
    }

    @Override
    public List<BlockSummary> visitCreditsRetired(CreditsRetired e) {
        return ranges(e.ranges(), e.toAccountId());
    }

    @Override
    public List<BlockSummary> visitUnitsAuthorized(UnitsAuthorized e) {
        return ranges(e.ranges(), null);
    }

    @Override
    public List<BlockSummary> visitAuthorizationAmended(AuthorizationAmended e) {
        return ranges(e.ranges(), null);
    }

    @Override
    public List<BlockSummary> visitAuthorizationRevoked(AuthorizationRevoked e) {
        return ranges(e.ranges(), null);
    }

    @Override
    public List<BlockSummary> visitFirstTransferRecorded(FirstTransferRecorded e) {
        return ranges(e.ranges(), null);
    }

    @Override
    public List<BlockSummary> visitCorrespondingAdjustmentApplied(CorrespondingAdjustmentApplied e) {
        return ranges(e.ranges(), null);
    }

    @Override
    public List<BlockSummary> visitTransferPolicySet(TransferPolicySet e) {
        return List.of(); // an organization's policy moves no units
    }

    @Override
    public List<BlockSummary> visitTrustedAccountAdded(TrustedAccountAdded e) {
        return List.of(); // an organization's list moves no units
    }

    @Override
    public List<BlockSummary> visitTrustedAccountRemoved(TrustedAccountRemoved e) {
        return List.of(); // an organization's list moves no units
    }

    @Override
    public List<BlockSummary> visitTransferPended(TransferPended e) {
        return ranges(e.ranges(), null); // reserved where they are: no receiving account yet
    }

    @Override
    public List<BlockSummary> visitPendingTransferApproved(PendingTransferApproved e) {
        return List.of(); // the approval moves no units; an execution that follows names them
    }

    @Override
    public List<BlockSummary> visitPendingTransferExecuted(PendingTransferExecuted e) {
        return ranges(e.ranges(), e.toAccountId());
    }

    @Override
    public List<BlockSummary> visitPendingTransferCancelled(PendingTransferCancelled e) {
        return List.of(); // the reserved units are free again where they were
    }

    @Override
    public List<BlockSummary> visitPendingTransferExpired(PendingTransferExpired e) {
        return List.of(); // the reserved units are free again where they were
    }

    @Override
    public List<BlockSummary> visitProposalMade(ProposalMade e) {
        // A cancellation for correction reserves these units where they are: no account moves them yet.
        return ranges(e.reserved(), null);
    }

    @Override
    public List<BlockSummary> visitProposalApproved(ProposalApproved e) {
        return List.of(); // the approval itself moves no units; the action's events that follow do
    }

    @Override
    public List<BlockSummary> visitProposalRejected(ProposalRejected e) {
        return List.of(); // moves no units; reserved units stay where they are, free again
    }

    @Override
    public List<BlockSummary> visitProposalExpired(ProposalExpired e) {
        return List.of(); // moves no units; reserved units stay where they are, free again
    }

    @Override
    public List<BlockSummary> visitProjectCycleEvent(org.jcm.ledger.event.ProjectCycleEvent e) {
        return List.of(); // the project cycle moves no units
    }

    private List<BlockSummary> ranges(List<BlockRange> ranges, AccountId to) {
        List<BlockSummary> blocks = new ArrayList<>(ranges.size());
        for (BlockRange r : ranges) {
            blocks.add(block(r.projectId(), r.hostParty(), r.vintage(), r.issuingRegistryId(), r.first(), r.last(), to,
                    approaches.apply(r.hostParty())));
        }
        return blocks;
    }

    private BlockSummary block(ProjectId project, PartyCode host, Vintage vintage, RegistryId issuingRegistry, long first,
                                      long last, AccountId account, Optional<CooperativeApproachId> ca) {
        // The view is published before any answer, so it knows every project whose units an event names.
        PartyCode projectHost = projectHosts.apply(project).orElse(host);
        String serial = BlockSerial.of(project, projectHost, host, vintage, UnitRange.of(first, last)).format();
        String firstItmo = ca.map(c -> new ItmoId(c, issuingRegistry, host, first, vintage).format()).orElse(null);
        String lastItmo = ca.map(c -> new ItmoId(c, issuingRegistry, host, last, vintage).format()).orElse(null);
        return new BlockSummary(serial, account == null ? null : account.value(), last - first + 1, firstItmo, lastItmo);
    }
}

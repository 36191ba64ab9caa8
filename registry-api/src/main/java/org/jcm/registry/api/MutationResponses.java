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
import org.jcm.ledger.event.CorrespondingAdjustmentApplied;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.IssuanceRequested;
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
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;

/**
 * Builds the answer to an accepted mutation from its events alone, so that the first answer and
 * every idempotent replay (rebuilt from the stored events) are the same bytes.
 */
public final class MutationResponses {

    private MutationResponses() {
    }

    /**
     * The answer for {@code events} (one command's, in order); ITMO ids use each host Party's
     * cooperative approach as given by {@code approaches}, and serials name the host of units in
     * another numbering line than their project's first host's, as given by {@code projectHosts}.
     */
    public static MutationResponse of(List<LedgerEvent> events, Function<PartyCode, Optional<CooperativeApproachId>> approaches,
                                      Function<ProjectId, Optional<PartyCode>> projectHosts) {
        List<EventSummary> summaries = new ArrayList<>(events.size());
        ResponseBlocks blocks = new ResponseBlocks(approaches, projectHosts);
        for (LedgerEvent event : events) {
            summaries.add(EventSummary.of(event, blocks));
        }
        return new MutationResponse(events.isEmpty() ? null : answerId(events), summaries);
    }

    /**
     * The id an answer names: its first event's, but for an approval the approved action's usual id
     * (the issuance id, the account id, ...), named by the event after {@code ProposalApproved}.
     */
    private static String answerId(List<LedgerEvent> events) {
        LedgerEvent first = events.get(0);
        return first instanceof ProposalApproved && events.size() > 1 ? id(events.get(1)) : id(first);
    }

    /** The id of what the command created or changed, if it names one. */
    static String id(LedgerEvent event) {
        return event.accept(ID_OF);
    }

    /** The id each event type names, or null; one instance for all answers. */
    private static final LedgerEvent.Visitor<String> ID_OF = new LedgerEvent.Visitor<>() {
        @Override
        public String visitPartyRegistered(PartyRegistered e) {
            return e.party().code().value();
        }

        @Override
        public String visitPartyUpdated(PartyUpdated e) {
            return null; // an update names no new id
        }

        @Override
        public String visitRegistryRegistered(RegistryRegistered e) {
            return e.registryId().value();
        }

        @Override
        public String visitOrganizationRegistered(OrganizationRegistered e) {
            return e.organizationId().value();
        }

        @Override
        public String visitAccountOpened(AccountOpened e) {
            return e.accountId().value();
        }

        @Override
        public String visitAccountFrozen(AccountFrozen e) {
            return e.accountId().value();
        }

        @Override
        public String visitAccountUnfrozen(AccountUnfrozen e) {
            return e.accountId().value();
        }

        @Override
        public String visitAccountClosed(AccountClosed e) {
            return null; // a closure's answer names no id
        }

        @Override
        public String visitProjectRegistered(ProjectRegistered e) {
            return e.projectId().value();
        }

        @Override
        public String visitIssuanceRequested(IssuanceRequested e) {
            return e.issuanceRequestId().value();
        }

        @Override
        public String visitCreditsIssued(CreditsIssued e) {
            return e.issuanceId().value();
        }

        @Override
        public String visitCreditsTransferred(CreditsTransferred e) {
            return null; // a movement of units names no id; its blocks say what moved
        }

        @Override
        public String visitCreditsCancelled(CreditsCancelled e) {
            return null; // a movement of units names no id; its blocks say what moved
        }

        @Override
        public String visitCreditsRetired(CreditsRetired e) {
            return null; // a movement of units names no id; its blocks say what moved
        }

        @Override
        public String visitUnitsAuthorized(UnitsAuthorized e) {
            return e.authorizationId().value();
        }

        @Override
        public String visitAuthorizationAmended(AuthorizationAmended e) {
            return e.authorizationId().value();
        }

        @Override
        public String visitAuthorizationRevoked(AuthorizationRevoked e) {
            return e.authorizationId().value();
        }

        @Override
        public String visitFirstTransferRecorded(FirstTransferRecorded e) {
            return null; // never the first event of a command
        }

        @Override
        public String visitCorrespondingAdjustmentApplied(CorrespondingAdjustmentApplied e) {
            return null; // an adjustment names no id; its blocks say what it covers
        }

        @Override
        public String visitTransferPolicySet(TransferPolicySet e) {
            return e.organizationId().value();
        }

        @Override
        public String visitTrustedAccountAdded(TrustedAccountAdded e) {
            return e.accountId().value();
        }

        @Override
        public String visitTrustedAccountRemoved(TrustedAccountRemoved e) {
            return e.accountId().value();
        }

        @Override
        public String visitTransferPended(TransferPended e) {
            return e.pendingTransferId().value();
        }

        @Override
        public String visitPendingTransferApproved(PendingTransferApproved e) {
            return e.pendingTransferId().value();
        }

        @Override
        public String visitPendingTransferExecuted(PendingTransferExecuted e) {
            return e.pendingTransferId().value();
        }

        @Override
        public String visitPendingTransferCancelled(PendingTransferCancelled e) {
            return e.pendingTransferId().value();
        }

        @Override
        public String visitPendingTransferExpired(PendingTransferExpired e) {
            return e.pendingTransferId().value();
        }

        @Override
        public String visitProposalMade(ProposalMade e) {
            return e.proposalId().value();
        }

        @Override
        public String visitProposalApproved(ProposalApproved e) {
            return e.proposalId().value(); // alone; the answer names the action's id when its events follow
        }

        @Override
        public String visitProposalRejected(ProposalRejected e) {
            return e.proposalId().value();
        }

        @Override
        public String visitProposalExpired(ProposalExpired e) {
            return e.proposalId().value();
        }

        @Override
        public String visitProjectCycleEvent(org.jcm.ledger.event.ProjectCycleEvent e) {
            return e.subjectId();
        }
    };
}

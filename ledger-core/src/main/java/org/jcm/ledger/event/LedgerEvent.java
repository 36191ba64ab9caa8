package org.jcm.ledger.event;

import java.time.Instant;
import org.jcm.ledger.command.Actor;

/**
 * One entry of the append-only ledger. Every event carries its gapless sequence number, the time
 * it was applied (millisecond precision, UTC) and the actor; the payload holds everything the fold
 * needs, so replay never selects units or assigns ids by itself.
 */
public sealed interface LedgerEvent
        permits PartyRegistered, PartyUpdated, RegistryRegistered, OrganizationRegistered, AccountOpened, AccountFrozen,
        AccountUnfrozen, AccountClosed, ProjectRegistered, IssuanceRequested, CreditsIssued, CreditsTransferred,
        CreditsCancelled, CreditsRetired, UnitsAuthorized, AuthorizationAmended, AuthorizationRevoked,
        FirstTransferRecorded, CorrespondingAdjustmentApplied, ProposalMade, ProposalApproved, ProposalRejected,
        ProposalExpired, TransferPolicySet, TrustedAccountAdded, TrustedAccountRemoved, TransferPended,
        PendingTransferApproved, PendingTransferExecuted, PendingTransferCancelled, PendingTransferExpired,
        ProjectCycleEvent {

    long seq();

    Instant at();

    Actor actor();

    /** The event type in JSON, the simple record name, e.g. {@code CreditsTransferred}. */
    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * Dispatches on the event type: calls the {@code visit} method of {@code visitor} for this
     * record and returns its result. Code that treats event types differently implements
     * {@link Visitor} rather than testing {@code instanceof}, so that adding an event type fails
     * compilation at every such place until it says what the new type means there.
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per event record and no default methods: a new event type is a compile error in
     * every implementation until it is handled there. An implementation that deliberately ignores
     * a type implements its method anyway, with a comment saying why, and returns {@code null}.
     * Implementations on hot paths (the fold, the writer's encoding) are kept as one instance per
     * state or a singleton, not created per event.
     *
     * @param <R> what the visit returns ({@code Void} when nothing)
     */
    interface Visitor<R> {
        R visitPartyRegistered(PartyRegistered event);

        R visitPartyUpdated(PartyUpdated event);

        R visitRegistryRegistered(RegistryRegistered event);

        R visitOrganizationRegistered(OrganizationRegistered event);

        R visitAccountOpened(AccountOpened event);

        R visitAccountFrozen(AccountFrozen event);

        R visitAccountUnfrozen(AccountUnfrozen event);

        R visitAccountClosed(AccountClosed event);

        R visitProjectRegistered(ProjectRegistered event);

        R visitIssuanceRequested(IssuanceRequested event);

        R visitCreditsIssued(CreditsIssued event);

        R visitCreditsTransferred(CreditsTransferred event);

        R visitCreditsCancelled(CreditsCancelled event);

        R visitCreditsRetired(CreditsRetired event);

        R visitUnitsAuthorized(UnitsAuthorized event);

        R visitAuthorizationAmended(AuthorizationAmended event);

        R visitAuthorizationRevoked(AuthorizationRevoked event);

        R visitFirstTransferRecorded(FirstTransferRecorded event);

        R visitCorrespondingAdjustmentApplied(CorrespondingAdjustmentApplied event);

        R visitProposalMade(ProposalMade event);

        R visitProposalApproved(ProposalApproved event);

        R visitProposalRejected(ProposalRejected event);

        R visitProposalExpired(ProposalExpired event);

        R visitTransferPolicySet(TransferPolicySet event);

        R visitTrustedAccountAdded(TrustedAccountAdded event);

        R visitTrustedAccountRemoved(TrustedAccountRemoved event);

        R visitTransferPended(TransferPended event);

        R visitPendingTransferApproved(PendingTransferApproved event);

        R visitPendingTransferExecuted(PendingTransferExecuted event);

        R visitPendingTransferCancelled(PendingTransferCancelled event);

        R visitPendingTransferExpired(PendingTransferExpired event);

        /** Every event of the project cycle ({@link ProjectCycleEvent}, which has its own visitor). */
        R visitProjectCycleEvent(ProjectCycleEvent event);
    }
}

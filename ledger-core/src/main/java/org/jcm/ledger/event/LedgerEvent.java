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
        FirstTransferRecorded, CorrespondingAdjustmentApplied {

    long seq();

    Instant at();

    Actor actor();

    /** The event type in JSON, the simple record name, e.g. {@code CreditsTransferred}. */
    default String type() {
        return getClass().getSimpleName();
    }
}

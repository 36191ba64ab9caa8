package org.jcm.settlement.apply;

import java.time.Instant;

/**
 * Something a batch's events tell the organizations concerned, collected by the fold in ledger
 * order for their webhooks: a transfer, a pending transfer's turn, a change on the project cycle.
 * The webhook package turns each into messages; the fold only says what happened and to whom.
 */
public sealed interface LedgerNotice permits TransferNotice, PendingTransferNotice, ApplicationNotice {

    /** The ledger seq of the event. */
    long seq();

    /** Its event time. */
    Instant at();
}

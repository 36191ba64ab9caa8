package org.jcm.ledger.command;

/**
 * A request to change the ledger. Records check their own shape (ids are already parsed, required
 * fields present, mutually exclusive fields not both given) and throw
 * {@link org.jcm.ledger.id.InvalidValueException} otherwise; rules that depend on the ledger are
 * checked by {@code StateMachine.apply} and answered with a {@code Rejection}.
 */
public sealed interface Command
        permits RegisterParty, UpdateParty, RegisterRegistry, RegisterOrganization, OpenAccount, FreezeAccount,
        UnfreezeAccount, CloseAccount, RegisterProject, SubmitIssuanceRequest, IssueCredits, TransferCredits,
        CancelCredits, RetireCredits, AuthorizeUnits, AmendAuthorization, RevokeAuthorization,
        ApplyCorrespondingAdjustment {
}

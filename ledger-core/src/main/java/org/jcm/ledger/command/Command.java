package org.jcm.ledger.command;

/**
 * A request to change the ledger. Records check their own shape (ids are already parsed, required
 * fields present, mutually exclusive fields not both given) and throw
 * {@link org.jcm.ledger.id.InvalidValueException} otherwise; rules that depend on the ledger are
 * checked by {@code StateMachine.apply} and answered with a {@code Rejection}.
 */
public sealed interface Command
        permits RegisterParty, UpdateParty, RegisterRegistry, RegisterOrganization, OpenAccount, CloseAccount,
        RegisterProject, SubmitIssuanceRequest, TransferCredits, RetireCredits, ProposableAction,
        ProposeAction, ApproveProposal, RejectProposal, ExpireProposals, SetTransferPolicy, AddTrustedAccount,
        RemoveTrustedAccount, ApprovePendingTransfer, CancelPendingTransfer, ProcessDueTransfers,
        RegisterMethodology, UpdateMethodology, AccreditThirdPartyEntity, UpdateThirdPartyEntity,
        SubmitProjectIdea, ResubmitProjectIdea, ReviewProjectIdea, SubmitDesign, ValidateDesign,
        DecideRegistration, WithdrawApplication, ChangeParticipants, ConsentParticipantChange,
        SubmitMonitoringReport, ResubmitMonitoringReport, VerifyMonitoringReport, RequestCycleIssuance, DecideIssuance {
    /**
     * Dispatches on the command type: calls the {@code visit} method of {@code visitor} for this
     * record and returns its result, so that adding a command type fails compilation wherever
     * commands are told apart ({@code StateMachine.decide}).
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per command record and no default methods: a new command type is a compile error
     * in every implementation until it is handled there.
     *
     * @param <R> what the visit returns
     */
    interface Visitor<R> {
        R visitRegisterParty(RegisterParty command);

        R visitUpdateParty(UpdateParty command);

        R visitRegisterRegistry(RegisterRegistry command);

        R visitRegisterOrganization(RegisterOrganization command);

        R visitOpenAccount(OpenAccount command);

        R visitFreezeAccount(FreezeAccount command);

        R visitUnfreezeAccount(UnfreezeAccount command);

        R visitCloseAccount(CloseAccount command);

        R visitRegisterProject(RegisterProject command);

        R visitSubmitIssuanceRequest(SubmitIssuanceRequest command);

        R visitIssueCredits(IssueCredits command);

        R visitTransferCredits(TransferCredits command);

        R visitCancelCredits(CancelCredits command);

        R visitRetireCredits(RetireCredits command);

        R visitAuthorizeUnits(AuthorizeUnits command);

        R visitAmendAuthorization(AmendAuthorization command);

        R visitRevokeAuthorization(RevokeAuthorization command);

        R visitApplyCorrespondingAdjustment(ApplyCorrespondingAdjustment command);

        R visitProposeAction(ProposeAction command);

        R visitApproveProposal(ApproveProposal command);

        R visitRejectProposal(RejectProposal command);

        R visitExpireProposals(ExpireProposals command);

        R visitSetTransferPolicy(SetTransferPolicy command);

        R visitAddTrustedAccount(AddTrustedAccount command);

        R visitRemoveTrustedAccount(RemoveTrustedAccount command);

        R visitApprovePendingTransfer(ApprovePendingTransfer command);

        R visitCancelPendingTransfer(CancelPendingTransfer command);

        R visitProcessDueTransfers(ProcessDueTransfers command);

        R visitRegisterMethodology(RegisterMethodology command);

        R visitUpdateMethodology(UpdateMethodology command);

        R visitAccreditThirdPartyEntity(AccreditThirdPartyEntity command);

        R visitUpdateThirdPartyEntity(UpdateThirdPartyEntity command);

        R visitSubmitProjectIdea(SubmitProjectIdea command);

        R visitResubmitProjectIdea(ResubmitProjectIdea command);

        R visitReviewProjectIdea(ReviewProjectIdea command);

        R visitSubmitDesign(SubmitDesign command);

        R visitValidateDesign(ValidateDesign command);

        R visitDecideRegistration(DecideRegistration command);

        R visitWithdrawApplication(WithdrawApplication command);

        R visitChangeParticipants(ChangeParticipants command);

        R visitConsentParticipantChange(ConsentParticipantChange command);

        R visitSubmitMonitoringReport(SubmitMonitoringReport command);

        R visitResubmitMonitoringReport(ResubmitMonitoringReport command);

        R visitVerifyMonitoringReport(VerifyMonitoringReport command);

        R visitRequestCycleIssuance(RequestCycleIssuance command);

        R visitDecideIssuance(DecideIssuance command);
    }
}

package org.jcm.ledger.state;

import java.util.List;
import org.jcm.ledger.command.AddTrustedAccount;
import org.jcm.ledger.command.AmendAuthorization;
import org.jcm.ledger.command.ApprovePendingTransfer;
import org.jcm.ledger.command.CancelPendingTransfer;
import org.jcm.ledger.command.ProcessDueTransfers;
import org.jcm.ledger.command.RemoveTrustedAccount;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.command.ApplyCorrespondingAdjustment;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.CloseAccount;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.ExpireProposals;
import org.jcm.ledger.command.FreezeAccount;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.command.RegisterProject;
import org.jcm.ledger.command.RegisterRegistry;
import org.jcm.ledger.command.RejectProposal;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.command.SubmitIssuanceRequest;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.command.UnfreezeAccount;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;

/**
 * Decides a command against the state: checks every rule first (in the precedence order of
 * {@link Rejection}) without changing anything, then builds the events with the next gapless
 * sequence numbers and folds them with {@link LedgerState#apply(LedgerEvent)}, the same fold that
 * replay uses. {@link #apply} is {@link #decide} followed by the fold; the writer calls the two
 * apart, so that it can encode the events before any of them changes the state.
 */
public final class StateMachine {

    private StateMachine() {
    }

    /**
     * Applies {@code command} for {@code context.actor()} at {@code context.at()}: either
     * {@link Outcome.Rejected} with the state untouched, or {@link Outcome.Accepted} with the events
     * already folded into {@code state}.
     */
    public static Outcome apply(LedgerState state, Command command, CommandContext context) {
        Outcome outcome = decide(state, command, context);
        if (outcome instanceof Outcome.Accepted accepted) {
            List<LedgerEvent> events = accepted.events();
            for (int i = 0, n = events.size(); i < n; i++) {
                state.apply(events.get(i));
            }
        }
        return outcome;
    }

    /**
     * The decision alone: {@link Outcome.Rejected}, or {@link Outcome.Accepted} with the events
     * (sequence numbers from {@code state.nextSeq()}) that {@link LedgerState#apply(LedgerEvent)}
     * must fold, in order, to carry it out. Reads the state and changes nothing.
     */
    public static Outcome decide(LedgerState s, Command command, CommandContext ctx) {
        return command.accept(new Decision(s.data, ctx));
    }

    /**
     * Sends each command type to the rules that decide it. One small object per decision (the
     * decision itself builds its outcome and events); a new command type does not compile until it
     * is routed here. The four-eyes actions submitted directly go through {@link ActionRules#direct},
     * which refuses them with {@code approval_required} for the role that must propose them.
     */
    private static final class Decision implements Command.Visitor<Outcome> {
        private final LedgerData s;
        private final CommandContext ctx;

        Decision(LedgerData s, CommandContext ctx) {
            this.s = s;
            this.ctx = ctx;
        }

        @Override
        public Outcome visitRegisterParty(RegisterParty c) {
            return ReferenceRules.registerParty(s, c, ctx);
        }

        @Override
        public Outcome visitUpdateParty(UpdateParty c) {
            return ReferenceRules.updateParty(s, c, ctx);
        }

        @Override
        public Outcome visitRegisterRegistry(RegisterRegistry c) {
            return ReferenceRules.registerRegistry(s, c, ctx);
        }

        @Override
        public Outcome visitRegisterOrganization(RegisterOrganization c) {
            return ReferenceRules.registerOrganization(s, c, ctx);
        }

        @Override
        public Outcome visitOpenAccount(OpenAccount c) {
            return ReferenceRules.openAccount(s, c, ctx);
        }

        @Override
        public Outcome visitFreezeAccount(FreezeAccount c) {
            return ActionRules.direct(s, c, ctx);
        }

        @Override
        public Outcome visitUnfreezeAccount(UnfreezeAccount c) {
            return ActionRules.direct(s, c, ctx);
        }

        @Override
        public Outcome visitCloseAccount(CloseAccount c) {
            return ReferenceRules.close(s, c, ctx);
        }

        @Override
        public Outcome visitRegisterProject(RegisterProject c) {
            return ReferenceRules.registerProject(s, c, ctx);
        }

        @Override
        public Outcome visitSubmitIssuanceRequest(SubmitIssuanceRequest c) {
            return IssuanceRules.request(s, c, ctx);
        }

        @Override
        public Outcome visitIssueCredits(IssueCredits c) {
            return ActionRules.direct(s, c, ctx);
        }

        @Override
        public Outcome visitTransferCredits(TransferCredits c) {
            return MovementRules.transfer(s, c, ctx);
        }

        @Override
        public Outcome visitCancelCredits(CancelCredits c) {
            return ActionRules.direct(s, c, ctx);
        }

        @Override
        public Outcome visitRetireCredits(RetireCredits c) {
            return MovementRules.retire(s, c, ctx);
        }

        @Override
        public Outcome visitAuthorizeUnits(AuthorizeUnits c) {
            return ActionRules.direct(s, c, ctx);
        }

        @Override
        public Outcome visitAmendAuthorization(AmendAuthorization c) {
            return ActionRules.direct(s, c, ctx);
        }

        @Override
        public Outcome visitRevokeAuthorization(RevokeAuthorization c) {
            return ActionRules.direct(s, c, ctx);
        }

        @Override
        public Outcome visitApplyCorrespondingAdjustment(ApplyCorrespondingAdjustment c) {
            return ActionRules.direct(s, c, ctx);
        }

        @Override
        public Outcome visitProposeAction(ProposeAction c) {
            return ProposalRules.propose(s, c, ctx);
        }

        @Override
        public Outcome visitApproveProposal(ApproveProposal c) {
            return ProposalRules.approve(s, c, ctx);
        }

        @Override
        public Outcome visitRejectProposal(RejectProposal c) {
            return ProposalRules.reject(s, c, ctx);
        }

        @Override
        public Outcome visitExpireProposals(ExpireProposals c) {
            return ProposalRules.expire(s, c, ctx);
        }

        @Override
        public Outcome visitSetTransferPolicy(SetTransferPolicy c) {
            return TransferControlRules.setPolicy(s, c, ctx);
        }

        @Override
        public Outcome visitAddTrustedAccount(AddTrustedAccount c) {
            return TransferControlRules.addTrusted(s, c, ctx);
        }

        @Override
        public Outcome visitRemoveTrustedAccount(RemoveTrustedAccount c) {
            return TransferControlRules.removeTrusted(s, c, ctx);
        }

        @Override
        public Outcome visitApprovePendingTransfer(ApprovePendingTransfer c) {
            return PendingTransferRules.approve(s, c, ctx);
        }

        @Override
        public Outcome visitCancelPendingTransfer(CancelPendingTransfer c) {
            return PendingTransferRules.cancel(s, c, ctx);
        }

        @Override
        public Outcome visitProcessDueTransfers(ProcessDueTransfers c) {
            return PendingTransferRules.processDue(s, c, ctx);
        }

        @Override
        public Outcome visitRegisterMethodology(org.jcm.ledger.command.RegisterMethodology c) {
            return CycleReferenceRules.registerMethodology(s, c, ctx);
        }

        @Override
        public Outcome visitUpdateMethodology(org.jcm.ledger.command.UpdateMethodology c) {
            return CycleReferenceRules.updateMethodology(s, c, ctx);
        }

        @Override
        public Outcome visitAccreditThirdPartyEntity(org.jcm.ledger.command.AccreditThirdPartyEntity c) {
            return CycleReferenceRules.accredit(s, c, ctx);
        }

        @Override
        public Outcome visitUpdateThirdPartyEntity(org.jcm.ledger.command.UpdateThirdPartyEntity c) {
            return CycleReferenceRules.updateEntity(s, c, ctx);
        }

        @Override
        public Outcome visitSubmitProjectIdea(org.jcm.ledger.command.SubmitProjectIdea c) {
            return ApplicationRules.submit(s, c, ctx);
        }

        @Override
        public Outcome visitResubmitProjectIdea(org.jcm.ledger.command.ResubmitProjectIdea c) {
            return ApplicationRules.resubmit(s, c, ctx);
        }

        @Override
        public Outcome visitReviewProjectIdea(org.jcm.ledger.command.ReviewProjectIdea c) {
            return ApplicationReviews.reviewIdea(s, c, ctx);
        }

        @Override
        public Outcome visitSubmitDesign(org.jcm.ledger.command.SubmitDesign c) {
            return ApplicationRules.submitDesign(s, c, ctx);
        }

        @Override
        public Outcome visitValidateDesign(org.jcm.ledger.command.ValidateDesign c) {
            return ApplicationReviews.validate(s, c, ctx);
        }

        @Override
        public Outcome visitDecideRegistration(org.jcm.ledger.command.DecideRegistration c) {
            return ApplicationReviews.decideRegistration(s, c, ctx);
        }

        @Override
        public Outcome visitWithdrawApplication(org.jcm.ledger.command.WithdrawApplication c) {
            return ApplicationRules.withdraw(s, c, ctx);
        }

        @Override
        public Outcome visitChangeParticipants(org.jcm.ledger.command.ChangeParticipants c) {
            return ApplicationRules.changeParticipants(s, c, ctx);
        }

        @Override
        public Outcome visitConsentParticipantChange(org.jcm.ledger.command.ConsentParticipantChange c) {
            return ApplicationRules.consent(s, c, ctx);
        }

        @Override
        public Outcome visitSubmitMonitoringReport(org.jcm.ledger.command.SubmitMonitoringReport c) {
            return MonitoringRules.submit(s, c, ctx);
        }

        @Override
        public Outcome visitResubmitMonitoringReport(org.jcm.ledger.command.ResubmitMonitoringReport c) {
            return MonitoringRules.resubmit(s, c, ctx);
        }

        @Override
        public Outcome visitVerifyMonitoringReport(org.jcm.ledger.command.VerifyMonitoringReport c) {
            return MonitoringRules.verify(s, c, ctx);
        }

        @Override
        public Outcome visitRequestCycleIssuance(org.jcm.ledger.command.RequestCycleIssuance c) {
            return IssuanceDecisionRules.request(s, c, ctx);
        }

        @Override
        public Outcome visitDecideIssuance(org.jcm.ledger.command.DecideIssuance c) {
            return IssuanceDecisionRules.decide(s, c, ctx);
        }
    }

    static Outcome.Rejected reject(Rejection rejection, String detail) {
        return new Outcome.Rejected(rejection, detail);
    }

    static Outcome accept(LedgerEvent event) {
        return new Outcome.Accepted(List.of(event));
    }
}

package org.jcm.ledger.command;

/**
 * The kinds of four-eyes actions, each with the role that proposes and approves it: registry
 * administrators (of the registry in the proposer's scope) for issuance, freezing, unfreezing and
 * cancellation for correction; governments (of the Party in the proposer's scope) for
 * authorizations, their amendments and revocations, and corresponding adjustments.
 */
public enum ProposalKind {
    ISSUANCE(Role.REGISTRY_ADMIN),
    FREEZE(Role.REGISTRY_ADMIN),
    UNFREEZE(Role.REGISTRY_ADMIN),
    CANCELLATION_FOR_CORRECTION(Role.REGISTRY_ADMIN),
    AUTHORIZATION(Role.GOVERNMENT),
    AUTHORIZATION_AMENDMENT(Role.GOVERNMENT),
    AUTHORIZATION_REVOCATION(Role.GOVERNMENT),
    CORRESPONDING_ADJUSTMENT(Role.GOVERNMENT);

    private final Role role;

    ProposalKind(Role role) {
        this.role = role;
    }

    /** The role that proposes and approves this kind of action. */
    public Role role() {
        return role;
    }

    /** The kind of each action type. */
    static final ProposableAction.Visitor<ProposalKind> OF_ACTION = new ProposableAction.Visitor<>() {
        @Override
        public ProposalKind visitIssueCredits(IssueCredits action) {
            return ISSUANCE;
        }

        @Override
        public ProposalKind visitFreezeAccount(FreezeAccount action) {
            return FREEZE;
        }

        @Override
        public ProposalKind visitUnfreezeAccount(UnfreezeAccount action) {
            return UNFREEZE;
        }

        @Override
        public ProposalKind visitCancelCredits(CancelCredits action) {
            return CANCELLATION_FOR_CORRECTION;
        }

        @Override
        public ProposalKind visitAuthorizeUnits(AuthorizeUnits action) {
            return AUTHORIZATION;
        }

        @Override
        public ProposalKind visitAmendAuthorization(AmendAuthorization action) {
            return AUTHORIZATION_AMENDMENT;
        }

        @Override
        public ProposalKind visitRevokeAuthorization(RevokeAuthorization action) {
            return AUTHORIZATION_REVOCATION;
        }

        @Override
        public ProposalKind visitApplyCorrespondingAdjustment(ApplyCorrespondingAdjustment action) {
            return CORRESPONDING_ADJUSTMENT;
        }
    };
}

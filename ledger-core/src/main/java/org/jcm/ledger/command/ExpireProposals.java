package org.jcm.ledger.command;

/**
 * A system command, issued by the writer (role operator, subject {@code jcm-writer}) and never on
 * anyone's request: ends every pending proposal whose {@code expiresAt} is at or before the
 * command's time with a {@code ProposalExpired} event each, in proposal id order, and freeing the
 * units a pending cancellation reserved. Idempotent: when nothing is due it is accepted with no
 * event.
 */
public record ExpireProposals() implements Command {

    /** The writer's system actor, the only one allowed to issue this command: operator {@code jcm-writer}, empty scope. */
    public static Actor systemActor() {
        return ProcessDueTransfers.systemActor();
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitExpireProposals(this);
    }
}

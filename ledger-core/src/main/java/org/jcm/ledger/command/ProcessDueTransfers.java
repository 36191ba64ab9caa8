package org.jcm.ledger.command;

/**
 * The system command that executes every pending transfer whose time has come and expires every
 * approval that was not given in time, in order of their instants, as of the command's time.
 * Issued only by the writer (operator {@code jcm-writer}); with nothing due it is accepted with no
 * event, so the writer may issue it as often as it likes.
 */
public record ProcessDueTransfers() implements Command {

    /** The subject of the writer's system actor, the only one allowed to issue this command. */
    public static final String SYSTEM_SUBJECT = "jcm-writer";

    /** The writer's system actor: operator {@code jcm-writer}, empty scope. */
    public static Actor systemActor() {
        return new Actor(Role.OPERATOR, SYSTEM_SUBJECT, "");
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitProcessDueTransfers(this);
    }
}

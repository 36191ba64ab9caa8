package org.jcm.ledger.command;

import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.AccountId;

/** Lets a frozen holding account send units again. Registry administrator of the account's registry. */
public record UnfreezeAccount(AccountId accountId, Optional<String> reason) implements ProposableAction {
    public UnfreezeAccount {
        Objects.requireNonNull(accountId, "accountId");
        reason = Texts.optionalText("reason", reason, Texts.NOTE_MAX);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitUnfreezeAccount(this);
    }

    @Override
    public <R> R acceptAction(ProposableAction.Visitor<R> visitor) {
        return visitor.visitUnfreezeAccount(this);
    }
}

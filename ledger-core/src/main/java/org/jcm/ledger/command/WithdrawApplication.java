package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import org.jcm.ledger.id.ApplicationId;

/**
 * The applicant withdraws its application before registration.
 */
public record WithdrawApplication(ApplicationId applicationId, List<String> reasons) implements Command {
    public WithdrawApplication {
        Objects.requireNonNull(applicationId, "applicationId");
        reasons = Texts.reasons(reasons);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitWithdrawApplication(this);
    }
}

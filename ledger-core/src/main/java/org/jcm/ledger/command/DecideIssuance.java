package org.jcm.ledger.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.ReviewVerdict;

/**
 * Records the Joint Committee's issuance decision on a requested monitoring cycle, citing the
 * decision: ACCEPT with the shares (per registry and vintage, each naming the host whose
 * numbering it uses) and the Japanese government's account, RETURN (the cycle goes back to
 * verified; the applicant may request again) or REJECT. The JC secretariat of the first host.
 * Shares are given with ACCEPT only.
 */
public record DecideIssuance(MonitoringCycleId monitoringCycleId, ReviewVerdict verdict, String decisionReference,
                             List<DecidedShare> shares, Optional<AccountId> japanGovernmentAccount, List<String> reasons,
                             List<DocumentRef> documents) implements Command {
    public DecideIssuance {
        Objects.requireNonNull(monitoringCycleId, "monitoringCycleId");
        Objects.requireNonNull(verdict, "verdict");
        Checks.freeText("decisionReference", decisionReference, Texts.NAME_MAX);
        shares = Texts.list("shares", shares, 20);
        if (shares.isEmpty() == (verdict == ReviewVerdict.ACCEPT)) {
            throw new InvalidValueException("shares", Integer.toString(shares.size()),
                    "an issuance decision gives at least one share; a return or rejection gives none");
        }
        Objects.requireNonNull(japanGovernmentAccount, "japanGovernmentAccount");
        reasons = Texts.reasons(reasons);
        documents = DocumentRef.list(documents);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitDecideIssuance(this);
    }
}

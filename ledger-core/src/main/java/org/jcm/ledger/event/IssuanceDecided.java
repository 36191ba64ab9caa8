package org.jcm.ledger.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.DecidedShare;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.ReviewVerdict;

/** The JC secretariat recorded the Joint Committee's issuance decision on a monitoring cycle (shares with ACCEPT only). */
public record IssuanceDecided(long seq, Instant at, Actor actor, MonitoringCycleId monitoringCycleId, ReviewVerdict verdict,
                              String decisionReference, List<DecidedShare> shares, Optional<AccountId> japanGovernmentAccount,
                              List<String> reasons, List<DocumentRef> documents) implements ProjectCycleEvent {
    public IssuanceDecided {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(monitoringCycleId, "monitoringCycleId");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(decisionReference, "decisionReference");
        shares = List.copyOf(shares);
        Objects.requireNonNull(japanGovernmentAccount, "japanGovernmentAccount");
        reasons = List.copyOf(reasons);
        documents = List.copyOf(documents);
    }

    @Override
    public String subjectId() {
        return monitoringCycleId.value();
    }

    @Override
    public <R> R acceptCycle(ProjectCycleEvent.Visitor<R> visitor) {
        return visitor.visitIssuanceDecided(this);
    }
}

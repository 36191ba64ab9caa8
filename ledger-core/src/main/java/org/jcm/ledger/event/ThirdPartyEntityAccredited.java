package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ThirdPartyEntity;

/** A third-party entity was accredited for sectoral scopes and host Parties. */
public record ThirdPartyEntityAccredited(long seq, Instant at, Actor actor, ThirdPartyEntity entity) implements ProjectCycleEvent {
    public ThirdPartyEntityAccredited {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(entity, "entity");
    }

    @Override
    public String subjectId() {
        return entity.id().value();
    }

    @Override
    public <R> R acceptCycle(ProjectCycleEvent.Visitor<R> visitor) {
        return visitor.visitThirdPartyEntityAccredited(this);
    }
}

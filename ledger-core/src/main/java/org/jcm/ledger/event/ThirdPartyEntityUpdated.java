package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ThirdPartyEntity;

/** A third-party entity's name, accreditation or status was replaced. */
public record ThirdPartyEntityUpdated(long seq, Instant at, Actor actor, ThirdPartyEntity entity) implements ProjectCycleEvent {
    public ThirdPartyEntityUpdated {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(entity, "entity");
    }

    @Override
    public String subjectId() {
        return entity.id().value();
    }

    @Override
    public <R> R acceptCycle(ProjectCycleEvent.Visitor<R> visitor) {
        return visitor.visitThirdPartyEntityUpdated(this);
    }
}

package org.jcm.ledger.event;

import java.time.Instant;
import java.util.Objects;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.Methodology;

/** A methodology was replaced: a new version, an approval, a suspension or a withdrawal. */
public record MethodologyUpdated(long seq, Instant at, Actor actor, Methodology methodology) implements ProjectCycleEvent {
    public MethodologyUpdated {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(methodology, "methodology");
    }

    @Override
    public String subjectId() {
        return methodology.id().value();
    }

    @Override
    public <R> R acceptCycle(ProjectCycleEvent.Visitor<R> visitor) {
        return visitor.visitMethodologyUpdated(this);
    }
}

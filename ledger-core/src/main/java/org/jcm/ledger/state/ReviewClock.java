package org.jcm.ledger.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ReviewVerdict;

/**
 * One review of a project-cycle step as the statistics need it: what was reviewed, when it was
 * submitted (the event that handed it to the reviewer), and once decided, when, by whom and how.
 * A step returned for revision and resubmitted is a new review.
 *
 * @param step the step's name: {@code PROJECT_IDEA}, {@code VALIDATION}, {@code REGISTRATION} of an
 *             application; {@code VERIFICATION}, {@code ISSUANCE_DECISION} of a monitoring cycle
 */
public record ReviewClock(String step, Instant submittedAt, Optional<Instant> decidedAt, Optional<ReviewVerdict> verdict,
                          Optional<Actor> decidedBy) {

    public ReviewClock {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }

    static ReviewClock open(String step, Instant at) {
        return new ReviewClock(step, at, Optional.empty(), Optional.empty(), Optional.empty());
    }

    ReviewClock decided(Instant at, ReviewVerdict v, Actor by) {
        return new ReviewClock(step, submittedAt, Optional.of(at), Optional.of(v), Optional.of(by));
    }

    public boolean isOpen() {
        return decidedAt.isEmpty();
    }
}

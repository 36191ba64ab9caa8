package org.jcm.ledger.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ProjectIdea;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.id.ThirdPartyEntityId;

/**
 * A project application: its state, the Project Idea Note as last submitted, the participants
 * (and a change waiting for the representative's consent), the hosts that confirmed the current
 * submission, the design documents, the entity that validated it, the project once registered, and
 * the clock of every review (submitted and decided instants). Immutable; the fold replaces it.
 */
public record Application(ApplicationId id, ApplicationState state, ProjectIdea idea, Participants participants,
                          Optional<Participants> pendingParticipants, Set<PartyCode> confirmedBy, List<DocumentRef> design,
                          Optional<ThirdPartyEntityId> validator, Optional<ProjectId> projectId, List<ReviewClock> reviews) {

    public Application {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(idea, "idea");
        Objects.requireNonNull(participants, "participants");
        Objects.requireNonNull(pendingParticipants, "pendingParticipants");
        confirmedBy = java.util.Collections.unmodifiableSet(new TreeSet<>(confirmedBy));
        design = List.copyOf(design);
        Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(projectId, "projectId");
        reviews = List.copyOf(reviews);
    }

    static Application submitted(ApplicationId id, ProjectIdea idea, Participants participants, Instant at) {
        return new Application(id, ApplicationState.PIN_SUBMITTED, idea, participants, Optional.empty(), Set.of(), List.of(),
                Optional.empty(), Optional.empty(), List.of(ReviewClock.open("PROJECT_IDEA", at)));
    }

    /** The first host: its methodology, numbering and JC secretariat. */
    public PartyCode firstHost() {
        return idea.firstHost();
    }

    /** Whose move it is. */
    public ApplicationState.Holder holder() {
        return state.holder();
    }

    /** When the application was first submitted. */
    public Instant submittedAt() {
        return reviews.get(0).submittedAt();
    }

    Application withState(ApplicationState s) {
        return new Application(id, s, idea, participants, pendingParticipants, confirmedBy, design, validator, projectId, reviews);
    }

    Application resubmitted(ProjectIdea revised, Instant at) {
        return new Application(id, ApplicationState.PIN_SUBMITTED, revised, participants, pendingParticipants, Set.of(), design,
                validator, projectId, opened("PROJECT_IDEA", at));
    }

    Application designSubmitted(List<DocumentRef> documents, Instant at) {
        return new Application(id, ApplicationState.DESIGN_SUBMITTED, idea, participants, pendingParticipants, confirmedBy,
                documents, validator, projectId, opened("VALIDATION", at));
    }

    Application confirmedBy(PartyCode host) {
        Set<PartyCode> more = new TreeSet<>(confirmedBy);
        more.add(host);
        return new Application(id, state, idea, participants, pendingParticipants, more, design, validator, projectId, reviews);
    }

    /** The open review decided; the state moves to {@code next}, and a new review opens when {@code nextStep} is given. */
    Application decided(ApplicationState next, Instant at, ReviewVerdict verdict, Actor by, Optional<String> nextStep,
                        Optional<ThirdPartyEntityId> validatedBy) {
        List<ReviewClock> list = new ArrayList<>(reviews);
        int last = list.size() - 1;
        list.set(last, list.get(last).decided(at, verdict, by));
        nextStep.ifPresent(step -> list.add(ReviewClock.open(step, at)));
        Set<PartyCode> confirmed = next == ApplicationState.PIN_CONFIRMED ? confirmedBy : Set.of();
        return new Application(id, next, idea, participants, pendingParticipants, confirmed, design,
                validatedBy.isPresent() ? validatedBy : validator, projectId, list);
    }

    Application withParticipants(Participants p, Optional<Participants> pending) {
        return new Application(id, state, idea, p, pending, confirmedBy, design, validator, projectId, reviews);
    }

    Application registeredAs(ProjectId project) {
        return new Application(id, state, idea, participants, pendingParticipants, confirmedBy, design, validator,
                Optional.of(project), reviews);
    }

    private List<ReviewClock> opened(String step, Instant at) {
        List<ReviewClock> list = new ArrayList<>(reviews);
        list.add(ReviewClock.open(step, at));
        return list;
    }
}

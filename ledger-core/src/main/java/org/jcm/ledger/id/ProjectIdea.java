package org.jcm.ledger.id;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a Project Idea Note states: title, host Parties (1 to 10, the first the one whose
 * methodology the project uses and whose Joint Committee secretariat records the decisions),
 * methodology, financing and the documents (at least a {@code PIN}).
 */
public record ProjectIdea(String title, List<PartyCode> hostParties, MethodologyId methodologyId, Financing financing,
                          List<DocumentRef> documents) {

    /** The most host Parties of one project. */
    public static final int MAX_HOSTS = 10;

    public ProjectIdea {
        Checks.freeText("title", title, 200);
        Objects.requireNonNull(hostParties, "hostParties");
        if (hostParties.isEmpty() || hostParties.size() > MAX_HOSTS) {
            throw new InvalidValueException("hostParties", Integer.toString(hostParties.size()), "must have 1 to " + MAX_HOSTS + " entries");
        }
        hostParties = List.copyOf(hostParties);
        if (new HashSet<>(hostParties).size() != hostParties.size()) {
            throw new InvalidValueException("hostParties", hostParties.toString(), "must not repeat a Party");
        }
        Objects.requireNonNull(methodologyId, "methodologyId");
        Objects.requireNonNull(financing, "financing");
        documents = DocumentRef.list(documents);
    }

    /** The first host: its methodology, project numbering and JC secretariat. */
    public PartyCode firstHost() {
        return hostParties.get(0);
    }
}

package org.jcm.ledger.id;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The participants of a project: the representative participant (the focal point, the applicant),
 * the other participants, and optionally a proxy organization acting for the representative (for
 * example a Japanese company acting for a local representative). No organization appears twice.
 */
public record Participants(OrganizationId representative, List<OrganizationId> others, Optional<OrganizationId> proxy) {

    /** The most other participants. */
    public static final int MAX_OTHERS = 50;

    public Participants {
        Objects.requireNonNull(representative, "representative");
        Objects.requireNonNull(others, "others");
        Objects.requireNonNull(proxy, "proxy");
        if (others.size() > MAX_OTHERS) {
            throw new InvalidValueException("Participants.others", Integer.toString(others.size()),
                    "must have at most " + MAX_OTHERS + " entries");
        }
        others = List.copyOf(others);
        Set<OrganizationId> seen = new HashSet<>();
        seen.add(representative);
        for (OrganizationId o : others) {
            if (!seen.add(o)) {
                throw new InvalidValueException("Participants", o.value(), "names an organization twice");
            }
        }
        if (proxy.isPresent() && !seen.add(proxy.get())) {
            throw new InvalidValueException("Participants.proxy", proxy.get().value(), "must not be a participant too");
        }
    }

    /** Every organization named: representative, others, then the proxy. */
    public List<OrganizationId> all() {
        List<OrganizationId> all = new ArrayList<>(others.size() + 2);
        all.add(representative);
        all.addAll(others);
        proxy.ifPresent(all::add);
        return all;
    }

    /** The project participants (representative first, then the others; the proxy is not one). */
    public List<OrganizationId> participants() {
        List<OrganizationId> list = new ArrayList<>(others.size() + 1);
        list.add(representative);
        list.addAll(others);
        return list;
    }

    /** Whether {@code scope} (an account holder's organization) acts for the applicant: the representative or the proxy. */
    public boolean actsForApplicant(String scope) {
        return representative.value().equals(scope) || (proxy.isPresent() && proxy.get().value().equals(scope));
    }
}

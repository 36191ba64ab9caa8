package org.jcm.registry.report;

import java.util.Map;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.event.CreditsRetired;

/**
 * Who claims a retirement for whom, as every statement shows it: the retiring organization (the
 * account holder's organization in the event's actor, with its registered name), the beneficiary
 * (its kind, the organization's id for a registered one, and its name: the registered name, or the
 * text as stated) and how the registry knows it. All null but the retiring organization when the
 * retirement names no beneficiary.
 *
 * @param kind {@code ORGANIZATION} or {@code STATED}, null when no beneficiary is named
 * @param howKnown {@code REGISTERED_ORGANIZATION} or {@code STATED_BY_RETIRING_ORGANIZATION}, null when none is named
 */
public record RetirementClaim(String retiringOrganizationId, String retiringOrganizationName, String kind,
                              String beneficiaryOrganizationId, String beneficiaryName, String howKnown) {

    /** The claim of {@code e}, with organization names from {@code names} (registered names by id). */
    public static RetirementClaim of(CreditsRetired e, Map<String, String> names) {
        String retiring = e.actor().scope();
        Beneficiary b = e.beneficiary().orElse(null);
        if (b instanceof Beneficiary.Organization o) {
            String id = o.organizationId().value();
            return new RetirementClaim(retiring, names.get(retiring), "ORGANIZATION", id, names.get(id), b.howKnown().name());
        }
        if (b instanceof Beneficiary.Stated s) {
            return new RetirementClaim(retiring, names.get(retiring), "STATED", null, s.name(), b.howKnown().name());
        }
        return new RetirementClaim(retiring, names.get(retiring), null, null, null, null);
    }

    /** The organization ids whose names the claims of {@code events} show. */
    public static java.util.Set<String> organizationIds(Iterable<CreditsRetired> events) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (CreditsRetired e : events) {
            ids.add(e.actor().scope());
            if (e.beneficiary().orElse(null) instanceof Beneficiary.Organization o) {
                ids.add(o.organizationId().value());
            }
        }
        return ids;
    }
}

package org.jcm.ledger.id;

import java.util.Objects;
import java.util.Optional;

/**
 * A JCM methodology as its Joint Committee adopted it: id (the host's alpha-2 and a number),
 * the host Party whose JC adopted it, title, sectoral scope, version (from 1), status, the longest
 * monitoring period it allows in days (empty: no limit), and whether it allows the third-party
 * entity that validated a project to verify it too (the JCM's rule is that different entities do
 * both; off unless the methodology says so).
 */
public record Methodology(MethodologyId id, PartyCode hostParty, String title, SectoralScope scope, int version,
                          MethodologyStatus status, Optional<Integer> maxMonitoringDays,
                          boolean sameEntityMayVerify) {

    public Methodology {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hostParty, "hostParty");
        Checks.freeText("Methodology.title", title, 200);
        Objects.requireNonNull(scope, "scope");
        if (version < 1 || version > 999) {
            throw new InvalidValueException("Methodology.version", Integer.toString(version), "must be from 1 to 999");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(maxMonitoringDays, "maxMonitoringDays");
        maxMonitoringDays.ifPresent(d -> {
            if (d < 1 || d > 36_600) {
                throw new InvalidValueException("Methodology.maxMonitoringDays", Integer.toString(d), "must be from 1 to 36600 days");
            }
        });
    }

    /** The alpha-2 code of the host, as the id begins with it. */
    public String hostIso2() {
        return id.value().substring(0, 2);
    }

    public boolean isApproved() {
        return status == MethodologyStatus.APPROVED;
    }
}

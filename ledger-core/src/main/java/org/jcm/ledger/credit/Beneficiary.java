package org.jcm.ledger.credit;

import java.util.Objects;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.OrganizationId;

/**
 * On whose behalf units were retired: an organization of the registry, named by its id and checked
 * to exist when the retirement is made, or a third party stated as free text by the retiring
 * organization, which nobody verified. Only the first kind lets an organization's statement count
 * a retirement as made for it by someone else; a stated name never does.
 */
public sealed interface Beneficiary permits Beneficiary.Organization, Beneficiary.Stated {

    /** The longest stated name. */
    int STATED_MAX = 200;

    /** How the registry knows the beneficiary, as statements show it. */
    enum HowKnown {
        /** The beneficiary is an organization of the registry, named by its id. */
        REGISTERED_ORGANIZATION,
        /** Free text as the retiring organization stated it; unverified. */
        STATED_BY_RETIRING_ORGANIZATION
    }

    /** How the registry knows this beneficiary. */
    HowKnown howKnown();

    /** An organization of the registry, by id. */
    record Organization(OrganizationId organizationId) implements Beneficiary {
        public Organization {
            Objects.requireNonNull(organizationId, "organizationId");
        }

        @Override
        public HowKnown howKnown() {
            return HowKnown.REGISTERED_ORGANIZATION;
        }
    }

    /** A third party as stated by the retiring organization: 1 to 200 characters of free text. */
    record Stated(String name) implements Beneficiary {
        public Stated {
            Checks.freeText("beneficiary", name, STATED_MAX);
        }

        @Override
        public HowKnown howKnown() {
            return HowKnown.STATED_BY_RETIRING_ORGANIZATION;
        }
    }
}

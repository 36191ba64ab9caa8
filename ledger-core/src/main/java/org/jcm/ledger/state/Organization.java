package org.jcm.ledger.state;

import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.RegistryId;

/** A legal entity recorded in a registry. */
public record Organization(OrganizationId id, RegistryId registryId, String name) {
}

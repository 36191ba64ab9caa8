package org.jcm.registry.api;

import java.util.List;

/**
 * A legal entity registered in a registry, with its accounts.
 *
 * @param id the organization id, e.g. {@code JPN01-O0001}
 * @param registryId the registry it is registered in
 * @param name its name
 * @param accounts its accounts, by id
 */
public record OrganizationDetails(String id, String registryId, String name, List<AccountSummary> accounts) {
}

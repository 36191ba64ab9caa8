package org.jcm.registry.security;

import java.util.Objects;

/**
 * Where a readable resource belongs: its registry, that registry's Party, and its organization
 * (null for a registry's terminal accounts, which belong to no organization).
 *
 * @param registryId the registry, e.g. {@code JPN01}
 * @param party the registry's Party, ISO alpha-3
 * @param organizationId the owning organization, or null
 */
public record RegistryScope(String registryId, String party, String organizationId) {

    /** Checks that registry and Party are present. */
    public RegistryScope {
        Objects.requireNonNull(registryId, "registryId");
        Objects.requireNonNull(party, "party");
    }
}

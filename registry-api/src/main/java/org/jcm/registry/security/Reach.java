package org.jcm.registry.security;

/**
 * The registries a directory list covers for its reader ({@link ReadAccess#reach}): one registry,
 * the registries of one Party, or (both null) every registry.
 *
 * @param registryId the one registry, or null
 * @param party the Party whose registries, or null
 */
public record Reach(String registryId, String party) {

    /** The reach's part of a cursor's seal, so that a cursor serves only the same reach. */
    public String text() {
        return (registryId == null ? "" : registryId) + "/" + (party == null ? "" : party);
    }
}

package org.jcm.registry.api;

/**
 * An organization taking part in a project.
 *
 * @param organizationId the organization id
 * @param name the organization's name
 */
public record ProjectParticipant(String organizationId, String name) {
}

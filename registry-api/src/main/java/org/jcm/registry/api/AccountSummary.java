package org.jcm.registry.api;

/**
 * An account as listed under its organization.
 *
 * @param id the account id
 * @param type {@code HOLDING} (organizations hold no other kind)
 * @param name the account's name
 * @param status {@code OPEN} or {@code CLOSED}
 * @param frozen whether units may not leave it
 */
public record AccountSummary(String id, String type, String name, String status, boolean frozen) {
}

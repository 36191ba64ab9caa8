package org.jcm.registry.api;

/**
 * Where units are held, as the public may see it: the registry and the kind of account, never the
 * account or its owner.
 *
 * @param registryId the registry of the holding account, e.g. {@code JPN01}
 * @param accountType {@code HOLDING}, {@code CANCELLATION} or {@code RETIREMENT}
 */
public record HolderView(String registryId, String accountType) {
}

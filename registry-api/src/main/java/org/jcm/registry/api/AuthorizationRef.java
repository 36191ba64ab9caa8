package org.jcm.registry.api;

/**
 * The Article 6.2 authorization that covers a block.
 *
 * @param id the authorization id (the Party's own reference)
 * @param purpose {@code NDC}, {@code OIMP} or {@code NDC_AND_OIMP}
 */
public record AuthorizationRef(String id, String purpose) {
}

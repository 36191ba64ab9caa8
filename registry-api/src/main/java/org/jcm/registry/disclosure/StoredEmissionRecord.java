package org.jcm.registry.disclosure;

/**
 * A version of an emission record as stored and verified: the record, its canonical JSON, the
 * SHA-256 of that JSON and the log key's signature of it.
 */
public record StoredEmissionRecord(EmissionRecord record, String recordJson, String sha256, String keyId,
                                   String signature) {
}

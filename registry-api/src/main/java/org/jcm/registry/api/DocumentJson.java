package org.jcm.registry.api;

/**
 * A stored document's metadata: the answer to an upload and to {@code GET /documents/{sha256}/metadata}.
 *
 * @param sha256 the SHA-256 of the bytes, 64 lowercase hex digits: the id that events cite
 * @param size the number of bytes
 * @param mediaType the media type of the first upload
 * @param fileName the cleaned file name of the first upload
 * @param uploadedAt when the first upload was stored (ISO-8601, UTC)
 * @param links where the bytes and this metadata are read
 */
public record DocumentJson(String sha256, long size, String mediaType, String fileName, String uploadedAt, Links links) {

    /** The document's URLs. */
    public record Links(String self, String metadata) {
    }
}

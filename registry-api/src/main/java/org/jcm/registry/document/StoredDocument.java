package org.jcm.registry.document;

import java.time.Instant;
import java.util.Set;

/**
 * A stored document without its bytes: what its first upload said of it, and every side that
 * uploaded it since.
 *
 * @param sha256 the SHA-256 of the bytes, 64 lowercase hex digits: the document's id
 * @param mediaType the media type of the first upload
 * @param size the number of bytes
 * @param fileName the cleaned file name of the first upload
 * @param uploadedAt when the first upload was stored
 * @param uploaders the sides that uploaded these bytes
 */
public record StoredDocument(String sha256, String mediaType, long size, String fileName, Instant uploadedAt,
                             Set<Side> uploaders) {

    /** Copies the uploaders. */
    public StoredDocument {
        uploaders = Set.copyOf(uploaders);
    }
}

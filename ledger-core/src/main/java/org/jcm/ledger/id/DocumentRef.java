package org.jcm.ledger.id;

import java.util.List;
import java.util.Objects;

/**
 * A document a project-cycle step cites: the SHA-256 of its bytes (64 lowercase hex digits), its
 * kind, file name, media type and size in bytes. The ledger holds only this reference (the hash
 * is in the event); the bytes are in registry-api's content-addressed document store, which
 * refuses a command citing a document never uploaded.
 */
public record DocumentRef(String sha256, DocumentKind kind, String fileName, String mediaType, long size) {

    /** The most documents one step may cite. */
    public static final int MAX_PER_STEP = 50;

    public DocumentRef {
        Checks.notNull("DocumentRef.sha256", sha256);
        if (sha256.length() != 64 || !isLowerHex(sha256)) {
            throw new InvalidValueException("DocumentRef.sha256", sha256, "must be 64 lowercase hexadecimal digits");
        }
        Objects.requireNonNull(kind, "kind");
        Checks.freeText("DocumentRef.fileName", fileName, 255);
        Checks.freeText("DocumentRef.mediaType", mediaType, 127);
        if (size < 1) {
            throw new InvalidValueException("DocumentRef.size", Long.toString(size), "must be at least 1 byte");
        }
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A step's list of documents: at most {@link #MAX_PER_STEP}, no nulls, copied. */
    public static List<DocumentRef> list(List<DocumentRef> documents) {
        Objects.requireNonNull(documents, "documents");
        if (documents.size() > MAX_PER_STEP) {
            throw new InvalidValueException("documents", Integer.toString(documents.size()),
                    "must have at most " + MAX_PER_STEP + " entries");
        }
        return List.copyOf(documents);
    }

    /** Whether the list has a document of this kind. */
    public static boolean hasKind(List<DocumentRef> documents, DocumentKind kind) {
        for (DocumentRef d : documents) {
            if (d.kind == kind) {
                return true;
            }
        }
        return false;
    }
}

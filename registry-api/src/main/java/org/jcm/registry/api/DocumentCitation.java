package org.jcm.registry.api;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.DocumentRef;

/**
 * A document a step of the project cycle cites: the SHA-256 of a document uploaded to
 * {@code POST /api/v1/documents} and what it is. registry-api fills in its file name, media type
 * and size from the document store to make the ledger's {@link DocumentRef}; a hash never uploaded
 * is refused with 422 {@code unknown_document} before the command reaches the writer.
 */
@Schema(description = "A cited document: the SHA-256 of an uploaded document and its kind")
public record DocumentCitation(
        @Schema(description = "SHA-256 of the uploaded bytes, 64 lowercase hexadecimal digits (the id of POST /documents)",
                example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", required = true) String sha256,
        @Schema(description = "PIN, PDD, VALIDATION_REPORT, MONITORING_REPORT, VERIFICATION_REPORT, JC_DECISION or OTHER",
                example = "PIN", required = true) String kind) {

    /** A citation whose fields were checked; {@code field} names it in problems ({@code documents[0]}). */
    public record Checked(String field, String sha256, DocumentKind kind) {

        /** The ledger's reference, with what the document store holds of the document. */
        public DocumentRef ref(String fileName, String mediaType, long size) {
            return Fields.shape(field, () -> new DocumentRef(sha256, kind, fileName, mediaType, size));
        }
    }

    /** The citations of a request's {@code documents} (null: none), checked: 400 {@code invalid_field}. */
    public static List<Checked> check(List<DocumentCitation> documents) {
        if (documents == null) {
            return List.of();
        }
        if (documents.size() > DocumentRef.MAX_PER_STEP) {
            throw Fields.invalid("documents", "must have at most " + DocumentRef.MAX_PER_STEP + " entries.");
        }
        List<Checked> checked = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            String field = "documents[" + i + "]";
            DocumentCitation d = Fields.required(field, documents.get(i));
            String sha = Fields.required(field + ".sha256", d.sha256());
            if (!sha.matches("[0-9a-f]{64}")) {
                throw Fields.invalid(field + ".sha256", "must be 64 lowercase hexadecimal digits.");
            }
            checked.add(new Checked(field, sha, CycleFields.enumValue(field + ".kind", d.kind(), DocumentKind.class)));
        }
        return checked;
    }

    /**
     * References that stand in for documents not yet looked up (any file name, media type and
     * size), so that a request's other fields are checked before the document store is asked.
     */
    public static List<DocumentRef> standIns(List<Checked> checked) {
        List<DocumentRef> refs = new ArrayList<>(checked.size());
        for (Checked c : checked) {
            refs.add(c.ref("document", "application/octet-stream", 1));
        }
        return refs;
    }
}

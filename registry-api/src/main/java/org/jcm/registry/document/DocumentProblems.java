package org.jcm.registry.document;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.Problem;
import org.jcm.support.problem.ProblemException;

/** The problem codes of the document store (docs/problems.md, "Documents"), and the problems themselves. */
public final class DocumentProblems {

    /** 415: a Content-Type that is not one of {@link DocumentType}, or bytes that are not of the declared type. */
    public static final String UNSUPPORTED_DOCUMENT_TYPE = "unsupported_document_type";
    /** 413: a document larger than {@code jcm.documents.max-size}. */
    public static final String DOCUMENT_TOO_LARGE = "document_too_large";
    /** 400: an upload without a byte. */
    public static final String EMPTY_DOCUMENT = "empty_document";
    /** 400: the bytes' SHA-256 is not the one {@code Content-Digest} gave. */
    public static final String DOCUMENT_HASH_MISMATCH = "document_hash_mismatch";
    /** 400: a {@code Content-Digest} header that cannot be read or gives no {@code sha-256}. */
    public static final String INVALID_CONTENT_DIGEST = "invalid_content_digest";
    /** 400: a file name that cannot be read, is empty once cleaned, or is longer than 200 characters. */
    public static final String INVALID_FILE_NAME = "invalid_file_name";
    /** 400: a document id in a path that is not 64 lowercase hexadecimal digits. */
    public static final String INVALID_DOCUMENT_ID = "invalid_document_id";
    /** 404: no document has this hash. */
    public static final String UNKNOWN_DOCUMENT = "unknown_document";

    /** Every code above, in the order of docs/problems.md. */
    public static final List<String> CODES = List.of(DOCUMENT_TOO_LARGE, UNSUPPORTED_DOCUMENT_TYPE, INVALID_FILE_NAME,
            INVALID_CONTENT_DIGEST, EMPTY_DOCUMENT, DOCUMENT_HASH_MISMATCH, INVALID_DOCUMENT_ID, UNKNOWN_DOCUMENT);

    private DocumentProblems() {
    }

    /** 415 {@code unsupported_document_type}. */
    static ProblemException unsupportedType(String detail) {
        return new ProblemException(415, UNSUPPORTED_DOCUMENT_TYPE, detail + " Accepted: " + String.join(", ",
                DocumentType.mediaTypes()) + " (text/csv as UTF-8).");
    }

    /**
     * The 413 answer to an upload larger than {@code limitBytes}. The rest of its body is not read,
     * so the connection cannot carry another request and is closed.
     */
    public static Response tooLarge(long limitBytes, String what) {
        return tooLargeProblem(limitBytes, what).responseBuilder().header("Connection", "close").build();
    }

    /** The 413 problem of an upload larger than {@code limitBytes}. */
    public static Problem tooLargeProblem(long limitBytes, String what) {
        return Problem.of(413, DOCUMENT_TOO_LARGE, what + "; a document may have at most " + limitBytes + " bytes.");
    }

    /** 400 with one field error. */
    static ProblemException invalid(String code, String field, String detail) {
        return new ProblemException(400, code, detail, List.of(new FieldError(field, detail)));
    }

    /** 400 {@code invalid_document_id}. */
    public static ProblemException invalidId() {
        return invalid(INVALID_DOCUMENT_ID, "sha256", "A document id is the SHA-256 of its bytes: 64 lowercase hexadecimal digits.");
    }

    /** 404 {@code unknown_document}. */
    public static ProblemException unknown(String sha256) {
        return new ProblemException(404, UNKNOWN_DOCUMENT, "No document has the SHA-256 " + sha256 + ".");
    }
}

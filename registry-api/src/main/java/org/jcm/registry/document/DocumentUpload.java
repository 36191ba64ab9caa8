package org.jcm.registry.document;

import java.util.Locale;
import java.util.Optional;
import org.jcm.support.problem.ProblemException;

/**
 * What an upload declares in its headers and query, checked before its body is read, and then
 * checked against the bytes that came (docs/documents.md, "Uploading"):
 * <ol>
 *   <li>{@code Content-Type} is one of {@link DocumentType} (for {@code text/csv} the charset, if
 *       given, is UTF-8; other types' parameters mean nothing and are ignored), else 415
 *       {@code unsupported_document_type};</li>
 *   <li>the file name can be read and cleaned ({@link FileNames}), else 400 {@code invalid_file_name};</li>
 *   <li>{@code Content-Digest}, if given, holds a SHA-256 ({@link ContentDigest}), else 400
 *       {@code invalid_content_digest};</li>
 *   <li>then the bytes: not empty (400 {@code empty_document}), of the SHA-256 given (400
 *       {@code document_hash_mismatch}), of the declared type ({@link DocumentSniffer}, 415
 *       {@code unsupported_document_type}).</li>
 * </ol>
 *
 * @param type the declared type
 * @param fileName the cleaned file name
 * @param expectedSha256 the SHA-256 of {@code Content-Digest}, if given
 */
public record DocumentUpload(DocumentType type, String fileName, Optional<String> expectedSha256) {

    /**
     * Reads the declaration of an upload.
     *
     * @param contentType the {@code Content-Type} header, or null
     * @param queryFileName the {@code fileName} query parameter, or null; it wins over the header
     * @param disposition the {@code Content-Disposition} header, or null
     * @param digest the {@code Content-Digest} header, or null
     * @throws ProblemException 415 or 400 as the class says
     */
    public static DocumentUpload declared(String contentType, String queryFileName, String disposition, String digest) {
        DocumentType type = type(contentType);
        return new DocumentUpload(type, FileNames.of(queryFileName, disposition, type), ContentDigest.expectedSha256(digest));
    }

    /**
     * Checks the bytes that came against the declaration.
     *
     * @throws ProblemException 400 or 415 as the class says
     */
    public void check(ReceivedBody body) {
        if (body.size() == 0) {
            throw new ProblemException(400, DocumentProblems.EMPTY_DOCUMENT, "The document is empty: send the file's bytes as the body.");
        }
        if (expectedSha256.isPresent() && !expectedSha256.get().equals(body.sha256())) {
            throw DocumentProblems.invalid(DocumentProblems.DOCUMENT_HASH_MISMATCH, "Content-Digest", "The body's SHA-256 is "
                    + body.sha256() + ", not the " + expectedSha256.get() + " of Content-Digest: it changed on the way, "
                    + "or the digest is of another file.");
        }
        if (!DocumentSniffer.agrees(type, body.bytes())) {
            throw DocumentProblems.unsupportedType("The bytes are not " + type.mediaType() + " (" + what(type) + ").");
        }
    }

    private static DocumentType type(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw DocumentProblems.unsupportedType("The upload has no Content-Type.");
        }
        String[] parts = contentType.split(";");
        Optional<DocumentType> type = DocumentType.ofMediaType(parts[0].trim());
        if (type.isEmpty()) {
            throw DocumentProblems.unsupportedType("Documents of type " + parts[0].trim() + " are not accepted.");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (type.get() == DocumentType.CSV && parameter[0].trim().equalsIgnoreCase("charset") && (parameter.length < 2
                    || !parameter[1].trim().replace("\"", "").toLowerCase(Locale.ROOT).equals("utf-8"))) {
                throw DocumentProblems.unsupportedType("A CSV document must be UTF-8 (charset=utf-8, or no charset).");
            }
        }
        return type.get();
    }

    private static String what(DocumentType type) {
        return switch (type) {
            case PDF -> "a PDF starts with %PDF-";
            case XLSX -> "an XLSX is a ZIP holding [Content_Types].xml and xl/workbook.xml";
            case XLS -> "an XLS is an OLE2 compound file";
            case ODS -> "an ODS is a ZIP whose first entry, stored, is its mimetype";
            case CSV -> "CSV must be UTF-8 text without control characters other than tab and line breaks";
            case PNG -> "a PNG starts with the PNG signature";
            case JPEG -> "a JPEG starts with FF D8 FF";
            case ZIP -> "a ZIP starts with PK 03 04, or PK 05 06 when empty";
        };
    }
}

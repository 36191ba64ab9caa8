package org.jcm.registry.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a submission may carry, each with the media type it is uploaded and served
 * as and the file name extension a document without a name is given. What the bytes must look
 * like for each is in {@link DocumentSniffer}.
 */
public enum DocumentType {
    PDF("application/pdf", "pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    XLS("application/vnd.ms-excel", "xls"),
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    CSV("text/csv", "csv"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    ZIP("application/zip", "zip");

    private final String mediaType;
    private final String extension;

    DocumentType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type, without parameters, e.g. {@code application/pdf}. */
    public String mediaType() {
        return mediaType;
    }

    /** The extension of the name given to a document uploaded without one. */
    public String extension() {
        return extension;
    }

    /** The media types accepted, in the order of this enum. */
    public static List<String> mediaTypes() {
        return Arrays.stream(values()).map(DocumentType::mediaType).toList();
    }

    /** The type whose media type this is (case-insensitive, without parameters). */
    public static Optional<DocumentType> ofMediaType(String mediaType) {
        String wanted = mediaType.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(wanted)).findFirst();
    }
}

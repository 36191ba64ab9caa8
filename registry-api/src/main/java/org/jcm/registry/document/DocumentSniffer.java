package org.jcm.registry.document;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether a document's bytes are what its declared type says, by their leading bytes (the "magic
 * numbers" that the formats define) and, for the ZIP based spreadsheets, their entries:
 * <ul>
 *   <li>PDF: {@code %PDF-};</li>
 *   <li>PNG: the 8-byte PNG signature; JPEG: {@code FF D8 FF};</li>
 *   <li>XLS: the OLE2 compound file signature {@code D0 CF 11 E0 A1 B1 1A E1};</li>
 *   <li>ZIP: a local file header ({@code PK 03 04}) or, for an empty archive, the end record
 *       ({@code PK 05 06});</li>
 *   <li>XLSX: a ZIP whose central directory holds {@code [Content_Types].xml} and
 *       {@code xl/workbook.xml};</li>
 *   <li>ODS: a ZIP whose first entry is {@code mimetype}, stored, holding
 *       {@code application/vnd.oasis.opendocument.spreadsheet} (as OpenDocument requires);</li>
 *   <li>CSV: UTF-8 text (a byte order mark allowed) without NUL or other control characters
 *       than tab, line feed and carriage return, that starts with none of the signatures above.</li>
 * </ul>
 * An XLSX or ODS sent as {@code application/zip} is a ZIP, and agrees.
 */
final class DocumentSniffer {

    private static final byte[] PDF = ascii("%PDF-");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    private static final byte[] ZIP_ENTRY = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
    private static final byte[] MIMETYPE = ascii("mimetype");
    private static final byte[] ODS_MEDIA_TYPE = ascii("application/vnd.oasis.opendocument.spreadsheet");
    private static final int LOCAL_HEADER_NAME = 30;
    private static final List<byte[]> BINARY = List.of(PDF, PNG, JPEG, OLE2, ZIP_ENTRY, ZIP_EMPTY);

    private DocumentSniffer() {
    }

    /** Whether {@code bytes} (not empty) are a document of {@code type}. */
    static boolean agrees(DocumentType type, byte[] bytes) {
        return switch (type) {
            case PDF -> startsWith(bytes, PDF, 0);
            case PNG -> startsWith(bytes, PNG, 0);
            case JPEG -> startsWith(bytes, JPEG, 0);
            case XLS -> startsWith(bytes, OLE2, 0);
            case ZIP -> startsWith(bytes, ZIP_ENTRY, 0) || startsWith(bytes, ZIP_EMPTY, 0);
            case XLSX -> startsWith(bytes, ZIP_ENTRY, 0) && holdsEntries(bytes, "[Content_Types].xml", "xl/workbook.xml");
            case ODS -> startsWith(bytes, ZIP_ENTRY, 0) && isOdsMimetype(bytes);
            case CSV -> isText(bytes);
        };
    }

    /** The first local header is {@code mimetype}, stored (method 0), holding the ODS media type. */
    private static boolean isOdsMimetype(byte[] zip) {
        int nameLength = u16(zip, 26);
        int extraLength = u16(zip, 28);
        return u16(zip, 8) == 0 && nameLength == MIMETYPE.length
                && startsWith(zip, MIMETYPE, LOCAL_HEADER_NAME)
                && startsWith(zip, ODS_MEDIA_TYPE, LOCAL_HEADER_NAME + nameLength + Math.max(extraLength, 0));
    }

    private static boolean holdsEntries(byte[] zip, String... required) {
        Optional<List<String>> names = ZipDirectory.names(zip);
        return names.isPresent() && names.get().containsAll(Arrays.asList(required));
    }

    /** UTF-8 text with no control characters but tab, line feed and carriage return, and no binary signature. */
    private static boolean isText(byte[] bytes) {
        for (byte[] signature : BINARY) {
            if (startsWith(bytes, signature, 0)) {
                return false;
            }
        }
        for (byte b : bytes) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) {
                return false;
            }
        }
        return isUtf8(bytes);
    }

    /** Decodes in steps into a small buffer, so that a 20 MiB CSV costs no 40 MiB of characters. */
    private static boolean isUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
            out.clear();
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
        return bytes.length >= at + prefix.length
                && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int u16(byte[] b, int at) {
        return b.length < at + 2 ? -1 : (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

package org.jcm.registry.document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entry names of a ZIP archive, read from its central directory at the end of the bytes.
 * Nothing is decompressed: a ZIP bomb costs no more to look at than its own size, which is why the
 * archive is not walked with {@code java.util.zip}. Only what {@link DocumentSniffer} needs is
 * read: the end of central directory record (searched backwards over the longest possible
 * comment) and the names of the central directory's file headers.
 */
final class ZipDirectory {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int FILE_HEADER_SIGNATURE = 0x02014b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int FILE_HEADER_SIZE = 46;

    private ZipDirectory() {
    }

    /** The names of the archive's entries; empty when the bytes hold no readable central directory. */
    static Optional<List<String>> names(byte[] zip) {
        int end = endRecord(zip);
        if (end < 0) {
            return Optional.empty();
        }
        int entries = u16(zip, end + 10);
        long offset = u32(zip, end + 16);
        List<String> names = new ArrayList<>(entries);
        long at = offset;
        for (int i = 0; i < entries; i++) {
            if (at < 0 || at + FILE_HEADER_SIZE > zip.length || u32(zip, (int) at) != FILE_HEADER_SIGNATURE) {
                return Optional.empty();
            }
            int header = (int) at;
            int nameLength = u16(zip, header + 28);
            int extraLength = u16(zip, header + 30);
            int commentLength = u16(zip, header + 32);
            if (header + FILE_HEADER_SIZE + nameLength > zip.length) {
                return Optional.empty();
            }
            names.add(new String(zip, header + FILE_HEADER_SIZE, nameLength, StandardCharsets.UTF_8));
            at = (long) header + FILE_HEADER_SIZE + nameLength + extraLength + commentLength;
        }
        return Optional.of(names);
    }

    /** Where the end of central directory record starts, or -1. */
    private static int endRecord(byte[] zip) {
        int last = zip.length - END_RECORD_SIZE;
        int first = Math.max(0, last - MAX_COMMENT);
        for (int at = last; at >= first; at--) {
            if (u32(zip, at) == END_SIGNATURE) {
                return at;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xFFFFFFFFL;
    }
}

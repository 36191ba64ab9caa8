package org.jcm.registry.document;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Small real files of every accepted type, built in the test, each different from every other
 * (a random marker inside), so that each upload is a new document unless a test sends the same
 * bytes on purpose.
 */
final class Samples {

    private Samples() {
    }

    /** A one-page PDF with a text line. */
    static byte[] pdf() {
        String marker = UUID.randomUUID().toString();
        String text = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
                + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
                + "% " + marker + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A 2x2 PNG of a random colour. */
    static byte[] png() {
        return image("png");
    }

    /** A 2x2 JPEG of a random colour. */
    static byte[] jpeg() {
        return image("jpg");
    }

    /** A ZIP holding one text file. */
    static byte[] zip() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("readme.txt", "monitoring data " + UUID.randomUUID());
        return zip(entries, null);
    }

    /** An XLSX: a ZIP with the parts a workbook needs. */
    static byte[] xlsx() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
                + "2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
        entries.put("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
                + "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        entries.put("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheets><sheet name=\"" + UUID.randomUUID().toString().substring(0, 8)
                + "\" sheetId=\"1\"/></sheets></workbook>");
        return zip(entries, null);
    }

    /** An ODS: a ZIP whose first entry is its mimetype, stored. */
    static byte[] ods() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
                + UUID.randomUUID() + "</office:document-content>");
        return zip(entries, "application/vnd.oasis.opendocument.spreadsheet");
    }

    /** The leading bytes of an OLE2 compound file, as an XLS starts. */
    static byte[] xls() {
        byte[] marker = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[512 + marker.length];
        byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        System.arraycopy(marker, 0, bytes, 512, marker.length);
        return bytes;
    }

    /** A UTF-8 CSV with Japanese text. */
    static byte[] csv() {
        return ("project,period,削減量\r\nMN001,2024," + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000) + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        Color color = new Color((int) (Math.random() * 0xFFFFFF));
        for (int x = 0; x < 2; x++) {
            for (int y = 0; y < 2; y++) {
                image.setRGB(x, y, color.getRGB() ^ (x * 31 + y * 7));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, String> entries, String storedMimetype) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (storedMimetype != null) {
                byte[] mimetype = storedMimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry("mimetype");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(mimetype.length);
                CRC32 crc = new CRC32();
                crc.update(mimetype);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(mimetype);
                zip.closeEntry();
            }
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package org.jcm.registry.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload's bytes and their SHA-256, read from the request body on a worker thread. At most the
 * limit is ever kept: the body is read in chunks of {@value #CHUNK} bytes, and the first chunk
 * that would take it past the limit ends the read with {@link TooLarge}, whatever the body's
 * declared length said (the declared length is refused earlier, before anything is read, by
 * {@link DocumentBodyLimit}).
 *
 * @param bytes the body
 * @param sha256 its SHA-256, 64 lowercase hex digits
 */
public record ReceivedBody(byte[] bytes, String sha256) {

    static final int CHUNK = 64 * 1024;

    /** The body grew past the limit while it was read. */
    public static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        TooLarge(long limitBytes) {
            super("The document exceeds " + limitBytes + " bytes");
        }
    }

    /**
     * Reads {@code body} to its end.
     *
     * @param declaredLength the Content-Length, or -1; only sizes the buffer
     * @throws TooLarge as soon as more than {@code limitBytes} arrived
     */
    public static ReceivedBody read(InputStream body, long limitBytes, long declaredLength) throws IOException {
        int initial = (int) Math.min(limitBytes, declaredLength >= 0 ? declaredLength : CHUNK);
        ByteArrayOutputStream kept = new ByteArrayOutputStream(Math.max(initial, 0));
        MessageDigest sha256 = newDigest();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = body.read(chunk)) >= 0) {
            total += n;
            if (total > limitBytes) {
                throw new TooLarge(limitBytes);
            }
            kept.write(chunk, 0, n);
            sha256.update(chunk, 0, n);
        }
        return new ReceivedBody(kept.toByteArray(), HexFormat.of().formatHex(sha256.digest()));
    }

    /** The number of bytes. */
    public int size() {
        return bytes.length;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

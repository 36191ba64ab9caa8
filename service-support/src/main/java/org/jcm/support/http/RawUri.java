package org.jcm.support.http;

import java.util.regex.Pattern;

/** Checks on the raw (still percent-encoded) parts of a request URI. */
public final class RawUri {

    private static final Pattern ENCODED_CONTROL = Pattern.compile("%(?:[01][0-9A-Fa-f]|7[Ff])");

    private RawUri() {
    }

    /**
     * Whether a raw path or query holds a C0 control character or DEL, percent-encoded
     * ({@code %00} to {@code %1F}, {@code %7F}) or as it is. Null (no query) holds none.
     */
    public static boolean holdsControl(String raw) {
        return raw != null && (ENCODED_CONTROL.matcher(raw).find() || raw.chars().anyMatch(Character::isISOControl));
    }
}

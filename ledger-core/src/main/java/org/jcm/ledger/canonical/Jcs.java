package org.jcm.ledger.canonical;

import java.nio.charset.StandardCharsets;

/**
 * RFC 8785 JSON Canonicalization Scheme encoder for the ledger's events, whose numbers are integers.
 *
 * <p>Objects are written with members sorted by the UTF-16 code units of their names, no
 * whitespace, strings escaped as ECMAScript's {@code JSON.stringify} does (only {@code "}, {@code \},
 * and control characters; everything else, including U+2028, U+2029 and non-ASCII, is literal),
 * and integers as plain decimal digits. RFC 8785 serializes numbers as IEEE-754 doubles, so only
 * integers within {@link #MAX_SAFE_INTEGER} are accepted: for those the ECMAScript form is the
 * plain digits, and refusing everything else means this class never needs a double-to-shortest
 * string algorithm. Decimals (prices) travel as strings.
 *
 * <p>Accepted values: {@code Map} with {@code String} keys, {@code List}, {@code String},
 * {@code Long}, {@code Integer}, {@code Short}, {@code Byte}, {@code BigInteger}, {@code Boolean}
 * and {@code null}. Anything else, an unpaired surrogate, or nesting deeper than
 * {@link Json#MAX_DEPTH} raises {@link IllegalArgumentException}.
 */
public final class Jcs {

    /** The largest integer that an IEEE-754 double, and so an RFC 8785 number, holds exactly: 2^53 - 1. */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private Jcs() {
    }

    /** Returns the canonical JSON text of a value. */
    public static String canonicalize(Object value) {
        return JsonWriter.canonical().write(value);
    }

    /** Returns the canonical JSON of a value as UTF-8 bytes, the form that is hashed. */
    public static byte[] canonicalBytes(Object value) {
        // The writer has rejected unpaired surrogates, so this encoding never substitutes '?'.
        return canonicalize(value).getBytes(StandardCharsets.UTF_8);
    }
}

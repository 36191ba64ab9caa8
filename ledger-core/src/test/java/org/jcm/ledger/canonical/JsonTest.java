package org.jcm.ledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Examples for the strict parser: every malformed case with its offset, and the value model. */
class JsonTest {

    /** Malformed texts, each with the offset the error must point at and a phrase it must contain. */
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", 0, "unexpected end of input"),
                Arguments.of("   ", 3, "unexpected end of input"),
                Arguments.of("[1,]", 3, "trailing comma in array"),
                Arguments.of("{\"a\":1,}", 7, "trailing comma in object"),
                Arguments.of("[1 2]", 3, "expected ',' or ']'"),
                Arguments.of("{\"a\" 1}", 5, "expected ':'"),
                Arguments.of("{\"a\":1 \"b\":2}", 7, "expected ',' or '}'"),
                Arguments.of("{a:1}", 1, "expected a string member name"),
                Arguments.of("{\"a\":1,\"a\":2}", 7, "duplicate member name \"a\""),
                Arguments.of("[01]", 1, "leading zeros"),
                Arguments.of("-01", 0, "leading zeros"),
                Arguments.of("-", 1, "expected a digit"),
                Arguments.of("+1", 0, "unexpected '+'"),
                Arguments.of("1.", 2, "expected a digit after the decimal point"),
                Arguments.of(".5", 0, "unexpected '.'"),
                Arguments.of("1e", 2, "expected a digit in the exponent"),
                Arguments.of("1e+", 3, "expected a digit in the exponent"),
                Arguments.of("9223372036854775808", 0, "does not fit in a signed 64-bit long"),
                Arguments.of("-9223372036854775809", 0, "does not fit in a signed 64-bit long"),
                Arguments.of("1e99999999999", 0, "out of range"),
                Arguments.of("NaN", 0, "unexpected 'N'"),
                Arguments.of("Infinity", 0, "unexpected 'I'"),
                Arguments.of("tru", 0, "expected 'true'"),
                Arguments.of("nul", 0, "expected 'null'"),
                Arguments.of("True", 0, "unexpected 'T'"),
                Arguments.of("\"abc", 0, "unterminated string"),
                Arguments.of("\"a\\x\"", 2, "invalid escape sequence \\x"),
                Arguments.of("\"a\\'\"", 2, "invalid escape sequence \\'"),
                Arguments.of("\"\\u12G4\"", 1, "invalid hex digit 'G'"),
                Arguments.of("[\"\\u12\"]", 2, "invalid hex digit '\"'"),
                Arguments.of("\"\\u1", 1, "incomplete \\u escape"),
                Arguments.of("\"\\", 1, "unterminated escape sequence"),
                Arguments.of("\"tab\there\"", 4, "unescaped control character U+0009"),
                Arguments.of("\"nl\nhere\"", 3, "unescaped control character U+000A"),
                Arguments.of("\"nul\u0000\"", 4, "unescaped control character U+0000"),
                Arguments.of("\"\\ud83d\"", 1, "not followed by a low surrogate escape"),
                Arguments.of("\"\\ud83d\\u0041\"", 7, "not a low surrogate"),
                Arguments.of("\"\\ude00\"", 1, "unpaired low surrogate escape"),
                Arguments.of("\"\ud83d\"", 1, "unpaired high surrogate"),
                Arguments.of("\"\ude00x\"", 1, "unpaired low surrogate"),
                Arguments.of("{} {}", 3, "after the JSON value"),
                Arguments.of("1 2", 2, "after the JSON value"),
                Arguments.of("[1]x", 3, "after the JSON value"),
                Arguments.of("\ufeff{}", 0, "U+FEFF"),
                Arguments.of("[1,\u00a02]", 3, "U+00A0"),
                Arguments.of("[" .repeat(Json.MAX_DEPTH + 1), Json.MAX_DEPTH, "nesting deeper than 64"),
                Arguments.of("{\"a\":" .repeat(Json.MAX_DEPTH) + "{", 5 * Json.MAX_DEPTH, "nesting deeper than 64"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformed")
    void malformed_text_is_rejected_with_the_offending_offset(String text, int offset, String reason) {
        assertThatThrownBy(() -> Json.parse(text))
                .isInstanceOf(JsonException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining("at offset " + offset + " ")
                .satisfies(e -> assertThat(((JsonException) e).offset()).isEqualTo(offset));
    }

    @Test
    void the_error_message_names_line_and_column() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  \"b\": tru\n}"))
                .hasMessage("invalid literal, expected 'true' at offset 19 (line 3, column 8)");
    }

    @Test
    void scalars_map_to_the_documented_java_types() {
        assertThat(Json.parse("0")).isEqualTo(0L);
        assertThat(Json.parse("-0")).isEqualTo(0L);
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Json.parse("1.50")).isEqualTo(new BigDecimal("1.50"));
        assertThat(Json.parse("-2E-3")).isEqualTo(new BigDecimal("-2E-3"));
        assertThat(Json.parse("1e2")).isEqualTo(new BigDecimal("1e2"));
        assertThat(Json.parse("true")).isEqualTo(Boolean.TRUE);
        assertThat(Json.parse("false")).isEqualTo(Boolean.FALSE);
        assertThat(Json.parse("null")).isNull();
        assertThat(Json.parse(" \t\r\n\"x\" \n")).isEqualTo("x");
    }

    @Test
    void integers_of_every_length_parse_exactly_on_both_sides_of_the_fast_path() {
        StringBuilder digits = new StringBuilder();
        for (int n = 1; n <= 19; n++) {
            digits.append((char) ('0' + n % 10));
            String text = digits.toString();
            assertThat(Json.parse(text)).as(text).isEqualTo(Long.parseLong(text));
            assertThat(Json.parse("-" + text)).as("-" + text).isEqualTo(-Long.parseLong(text));
        }
        assertThat(Json.parse("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
        assertThat(Json.parse("-999999999999999999")).isEqualTo(-999_999_999_999_999_999L);
        assertThat(Json.parse("[-0,0,7,-7]")).isEqualTo(List.of(0L, 0L, 7L, -7L));
    }

    @Test
    @SuppressWarnings("unchecked")
    void member_names_parse_the_same_whether_cached_or_not() {
        String longName = "n".repeat(40);
        // More distinct names than the parser's name cache has slots, twice, so slots collide and are reused.
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5_000; i++) {
                String name = "name" + i;
                Object parsed = Json.parse("{\"" + name + "\":1,\"x\\u0079\":2,\"\u00e9\":3,\"" + longName + "\":4,\"\":5}");
                assertThat(((Map<String, Object>) parsed).keySet()).containsExactly(name, "xy", "\u00e9", longName, "");
            }
        }
    }

    @Test
    void strings_decode_every_escape_and_keep_raw_non_ascii() {
        assertThat(Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041\\u00e9\\u20AC\"")).isEqualTo("\" \\ / \b \f \n \r \t Aé€");
        assertThat(Json.parse("\"\\ud83d\\ude00 \ud83d\ude00 \u2028\u2029 \u007f\"")).isEqualTo("😀 😀 \u2028\u2029 \u007f");
    }

    @Test
    void objects_keep_document_order_and_distinguish_null_from_absent() {
        Object parsed = Json.parse("{\"z\":1,\"a\":null,\"m\":[true,{}],\"e\":[]}");

        assertThat(parsed).isInstanceOf(LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) parsed;
        assertThat(object.keySet()).containsExactly("z", "a", "m", "e");
        assertThat(object.containsKey("a")).isTrue();
        assertThat(object.get("a")).isNull();
        assertThat(object.get("m")).isEqualTo(List.of(true, Map.of()));
        assertThat(object.get("e")).isEqualTo(List.of());
    }

    @Test
    void arrays_may_hold_null() {
        assertThat(Json.parse("[null,1,null]")).isEqualTo(Arrays.asList(null, 1L, null));
    }

    @Test
    void nesting_up_to_the_limit_is_accepted() {
        String deepest = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);

        assertThat(Json.write(Json.parse(deepest))).isEqualTo(deepest);
    }

    @Test
    void write_is_compact_and_keeps_insertion_order() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", new BigDecimal("1250.50"));
        value.put("a", Arrays.asList(1L, null, "x\ny", false));

        assertThat(Json.write(value)).isEqualTo("{\"b\":1250.50,\"a\":[1,null,\"x\\ny\",false]}");
    }

    @Test
    void write_refuses_binary_floating_point() {
        assertThatThrownBy(() -> Json.write(List.of(0.1d)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never binary floating point");
    }

    @Test
    void write_refuses_types_outside_the_value_model() {
        assertThatThrownBy(() -> Json.write(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot write java.lang.Object as JSON");
        assertThatThrownBy(() -> Json.write(Map.of(1, "one")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member names must be strings, found java.lang.Integer");
    }
}

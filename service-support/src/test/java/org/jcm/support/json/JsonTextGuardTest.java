package org.jcm.support.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTextGuardTest {

    @Test
    void ordinary_json_with_escapes_pairs_and_non_ascii_text_passes_unchanged() throws IOException {
        String json = "{\"memo\":\"caf\u00e9 \\u00e9 \\\" \\\\ \\n \\ud83d\\ude00 \uD83D\uDE00\",\"items\":[{\"a\":1},"
                + "{\"b\":[true,null,\"x\"]}],\"\\u0041\":\"\\uFFFF\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (InputStream in = new JsonTextGuard(new ByteArrayInputStream(body))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
    }

    @Test
    void a_lone_high_surrogate_escape_is_refused_with_the_path_of_its_string() {
        JsonTextException e = refused("{\"fromAccountId\":\"A\",\"memo\":\"x\\ud800\"}");
        assertThat(e.code()).isEqualTo("invalid_text");
        assertThat(e.field()).isEqualTo("memo");
        assertThat(e.reason()).contains("high surrogate");
    }

    @Test
    void a_high_surrogate_followed_by_anything_but_a_low_surrogate_escape_is_refused() {
        assertThat(refused("{\"a\":\"\\uD800x\"}").field()).isEqualTo("a");
        assertThat(refused("{\"a\":\"\\uD800\\n\"}").field()).isEqualTo("a");
        assertThat(refused("{\"a\":\"\\uD800\\uD800\"}").field()).isEqualTo("a");
        assertThat(refused("{\"a\":\"\\uDBFF\\u0041\"}").field()).isEqualTo("a");
        assertThat(refused("{\"a\":\"\\uD800\"}").field()).isEqualTo("a");
    }

    @Test
    void a_lone_low_surrogate_escape_is_refused_at_any_position() {
        assertThat(refused("{\"a\":\"\\udc00\"}").reason()).contains("low surrogate");
        assertThat(refused("{\"a\":\"xy\\uDFFFz\"}").field()).isEqualTo("a");
        assertThat(refused("{\"a\":\"\\ud83d\\ude00\\ude00\"}").field()).isEqualTo("a");
    }

    @Test
    void nul_as_an_escape_is_invalid_text_and_as_a_byte_is_not_json() {
        JsonTextException escaped = refused("{\"name\":\"a\\u0000b\"}");
        assertThat(escaped.code()).isEqualTo("invalid_text");
        assertThat(escaped.field()).isEqualTo("name");
        JsonTextException raw = refused("{\"name\":\"a\u0000b\"}");
        assertThat(raw.code()).isEqualTo("malformed_json");
        assertThat(raw.field()).isNull();
    }

    @Test
    void the_utf8_encoding_of_a_surrogate_is_refused() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        JsonTextException e = catchThrowableOfType(() -> JsonTextGuard.check(body), JsonTextException.class);
        assertThat(e.code()).isEqualTo("invalid_text");
        assertThat(e.field()).isEqualTo("a");
        // ED 9F BF is U+D7FF, the last character before the surrogates: fine.
        assertThatCode(() -> JsonTextGuard.check(new byte[] {'"', (byte) 0xED, (byte) 0x9F, (byte) 0xBF, '"'}))
                .doesNotThrowAnyException();
    }

    @Test
    void paths_name_nested_members_and_array_elements() {
        assertThat(refused("{\"items\":[{\"key\":\"k\",\"memo\":\"m\"},{\"key\":\"k\",\"memo\":\"\\ud800\"}]}").field())
                .isEqualTo("items[1].memo");
        assertThat(refused("{\"a\":{\"b\":[1,2,[\"x\",\"\\u0000\"]]}}").field()).isEqualTo("a.b[2][1]");
        assertThat(refused("\"\\ud800\"").field()).isEqualTo("(body)");
        assertThat(refused("[\"ok\",\"\\udc00\"]").field()).isEqualTo("[1]");
        assertThat(refused("{\"esc\\u0061ped\":\"\\u0000\"}").field()).isEqualTo("escaped");
    }

    @Test
    void a_field_name_is_checked_like_a_value_and_names_the_object_it_is_in() {
        JsonTextException top = refused("{\"ok\":1,\"\\ud800\":1}");
        assertThat(top.field()).isEqualTo("(body)");
        assertThat(top.reason()).startsWith("A field name");
        assertThat(refused("{\"trade\":{\"x\\u0000\":1}}").field()).isEqualTo("trade");
    }

    @Test
    void byte_order_marks_are_refused_as_malformed_json() {
        for (byte[] body : new byte[][] {
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},
            {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},
            {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0}}) {
            JsonTextException e = catchThrowableOfType(() -> JsonTextGuard.check(body), JsonTextException.class);
            assertThat(e.code()).isEqualTo("malformed_json");
            assertThat(e.reason()).contains("byte order mark");
        }
    }

    @Test
    void utf16_text_without_a_mark_is_refused_by_its_nul_bytes() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_16BE);
        JsonTextException e = catchThrowableOfType(() -> JsonTextGuard.check(body), JsonTextException.class);
        assertThat(e.code()).isEqualTo("malformed_json");
    }

    @Test
    void the_check_fails_the_read_in_the_middle_of_a_stream() throws IOException {
        byte[] body = ("{\"memo\":\"" + "x".repeat(20_000) + "\\udfff\"}").getBytes(StandardCharsets.UTF_8);
        try (InputStream in = new JsonTextGuard(new ByteArrayInputStream(body))) {
            byte[] buffer = new byte[4096];
            JsonTextException e = catchThrowableOfType(() -> {
                while (in.read(buffer, 0, buffer.length) >= 0) {
                    // read on
                }
            }, JsonTextException.class);
            assertThat(e.field()).isEqualTo("memo");
        }
    }

    @Test
    void a_long_field_name_is_shortened_in_the_path() {
        String name = "n".repeat(500);
        assertThat(refused("{\"" + name + "\":\"\\ud800\"}").field()).hasSize(131).endsWith("...");
    }

    private static JsonTextException refused(String json) {
        JsonTextException e = catchThrowableOfType(() -> JsonTextGuard.check(json.getBytes(StandardCharsets.UTF_8)),
                JsonTextException.class);
        assertThat(e).as(json).isNotNull();
        return e;
    }
}

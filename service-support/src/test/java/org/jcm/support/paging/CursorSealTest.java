package org.jcm.support.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorSealTest {

    private final CursorSeal seal = CursorSeal.random();

    @Test
    void a_sealed_cursor_opens_for_the_same_scope_with_its_payload() {
        String text = seal.seal("holdings|2024|MN001|17", "MNG01-H00001");
        assertThat(text).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(seal.open(text, "MNG01-H00001")).contains("holdings|2024|MN001|17");
    }

    @Test
    void it_does_not_open_for_another_scope_or_with_another_key() {
        String text = seal.seal("holdings|2024|MN001|17", "MNG01-H00001");
        assertThat(seal.open(text, "MNG01-H00002")).isEmpty();
        assertThat(seal.open(text, "")).isEmpty();
        assertThat(CursorSeal.random().open(text, "MNG01-H00001")).isEmpty();
    }

    @Test
    void a_forged_payload_or_an_altered_tag_does_not_open() {
        String text = seal.seal("tx-newest|500", "A");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString("tx-newest|1".getBytes())
                + text.substring(text.indexOf('.'));
        assertThat(seal.open(forgedPayload, "A")).isEmpty();
        char last = text.charAt(text.length() - 1);
        assertThat(seal.open(text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A'), "A")).isEmpty();
        for (String junk : new String[] {"", ".", "abc", "abc.", ".abc", "a.b.c", "%%%.%%%", "dHgtbmV3ZXN0fDUwMA"}) {
            assertThat(seal.open(junk, "A")).as(junk).isEmpty();
        }
    }

    @Test
    void the_same_key_given_as_base64_seals_alike_in_every_instance() {
        byte[] key = CursorSeal.randomKey();
        CursorSeal one = CursorSeal.fromBase64(Base64.getEncoder().encodeToString(key));
        CursorSeal other = CursorSeal.fromBase64(Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        assertThat(other.open(one.seal("projects|MN001", ""), "")).contains("projects|MN001");
    }

    @Test
    void a_short_or_garbled_key_is_refused() {
        assertThatThrownBy(() -> CursorSeal.fromBase64(Base64.getEncoder().encodeToString(new byte[31])))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> CursorSeal.fromBase64("not base64 at all!")).hasMessageContaining("base64");
    }

    @Test
    void a_configured_key_is_used_and_a_missing_one_is_made_up_only_where_allowed() {
        String key = Base64.getEncoder().encodeToString(CursorSeal.randomKey());
        String text = CursorSeal.fromBase64(key).seal("p", "");
        assertThat(CursorSeal.configured(java.util.Optional.of(key), false).open(text, "")).contains("p");
        assertThat(CursorSeal.configured(java.util.Optional.empty(), true)).isNotNull();
        assertThatThrownBy(() -> CursorSeal.configured(java.util.Optional.empty(), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("(JCM_PAGING_CURSOR_KEY) is required");
        assertThatThrownBy(() -> CursorSeal.configured(java.util.Optional.of(" "), false))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CursorSeal.configured(java.util.Optional.of("c2hvcnQ="), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 bytes");
    }
}

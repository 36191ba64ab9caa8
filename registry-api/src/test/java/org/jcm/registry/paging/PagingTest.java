package org.jcm.registry.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jcm.registry.api.ListResponse;
import org.jcm.support.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests the paging helper that every list shares: limits, sealed opaque cursors and the next page's cursor. */
class PagingTest {

    private static final ListKind HOLDINGS = new ListKind("holdings", 3);
    private static final ListKind BLOCKS = new ListKind("blocks", 3);
    private static final ListKind TRANSACTIONS = new ListKind("tx-newest", 1);
    private static final ListKind PROJECTS = new ListKind("projects", 1);

    @Test
    void a_cursor_survives_the_round_trip_through_its_opaque_text() {
        Cursor cursor = HOLDINGS.cursor(2024, "MN001", 1001L);

        Cursor read = Cursor.parse(cursor.encode(), HOLDINGS);

        assertThat(read.number(0)).isEqualTo(2024);
        assertThat(read.text(1)).isEqualTo("MN001");
        assertThat(read.number(2)).isEqualTo(1001);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void a_cursor_of_another_list_is_refused() {
        String blocks = BLOCKS.cursor("MNG", 2024, 1L).encode();

        assertInvalidCursor(() -> Cursor.parse(blocks, HOLDINGS));
    }

    @Test
    void a_cursor_with_another_number_of_key_fields_is_refused() {
        String cursor = new ListKind("holdings", 2).cursor(2024, "MN001").encode();

        assertInvalidCursor(() -> Cursor.parse(cursor, HOLDINGS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "not base64 at all", "aGVsbG8=", "%%%"})
    void text_that_no_list_returned_is_refused(String text) {
        assertInvalidCursor(() -> Cursor.parse(text, HOLDINGS));
    }

    @Test
    void a_cursor_that_is_not_utf8_is_refused() {
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, '|', '1'});

        assertInvalidCursor(() -> Cursor.parse(text, TRANSACTIONS));
    }

    @Test
    void an_overlong_cursor_is_refused_before_it_is_decoded() {
        assertInvalidCursor(() -> Cursor.parse("A".repeat(Cursor.MAX_TEXT_LENGTH + 1), HOLDINGS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "-5", "+5", "1.5", "", "99999999999999999999"})
    void a_key_field_that_should_be_a_number_but_is_not_is_refused(String field) {
        Cursor cursor = Cursor.parse(TRANSACTIONS.cursor(field).encode(), TRANSACTIONS);

        assertInvalidCursor(() -> cursor.number(0));
    }

    @Test
    void a_cursor_made_up_from_its_readable_payload_is_refused() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString("tx-newest|5".getBytes(StandardCharsets.UTF_8));
        String real = TRANSACTIONS.cursor(500L).encode();

        assertInvalidCursor(() -> Cursor.parse(payload, TRANSACTIONS));
        assertInvalidCursor(() -> Cursor.parse(payload + real.substring(real.indexOf('.')), TRANSACTIONS));
    }

    @Test
    void a_cursor_of_the_same_list_for_another_account_or_filter_is_refused() {
        String mine = HOLDINGS.request(null, "1", "MNG01-H00001").next(HOLDINGS.cursor(2024, "MN001", 1L));

        assertThat(HOLDINGS.request(mine, "1", "MNG01-H00001").after()).isPresent();
        assertInvalidCursor(() -> HOLDINGS.request(mine, "1", "MNG01-H00002"));
        assertInvalidCursor(() -> HOLDINGS.request(mine, "1"));
    }

    @Test
    void cursors_sealed_with_another_key_are_refused_once_the_configured_key_is_installed() {
        String before = PROJECTS.cursor("MN001").encode();
        Cursor.install(org.jcm.support.paging.CursorSeal.random());

        assertInvalidCursor(() -> Cursor.parse(before, PROJECTS));
        assertThat(Cursor.parse(PROJECTS.cursor("MN001").encode(), PROJECTS).text(0)).isEqualTo("MN001");
    }

    @Test
    void a_production_start_needs_the_key_and_a_bad_key_is_no_key() {
        String key = Base64.getEncoder().encodeToString(org.jcm.support.paging.CursorSeal.randomKey());

        assertThat(CursorKey.seal(java.util.Optional.of(key), io.quarkus.runtime.LaunchMode.NORMAL)).isNotNull();
        assertThat(CursorKey.seal(java.util.Optional.empty(), io.quarkus.runtime.LaunchMode.TEST)).isNotNull();
        assertThatThrownBy(() -> CursorKey.seal(java.util.Optional.empty(), io.quarkus.runtime.LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("JCM_PAGING_CURSOR_KEY");
        assertThatThrownBy(() -> CursorKey.seal(java.util.Optional.of("c2hvcnQ="), io.quarkus.runtime.LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void a_cursor_with_the_wrong_number_of_key_fields_is_never_made() {
        assertThatThrownBy(() -> HOLDINGS.cursor(2024, "MN001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_limit_defaults_to_100_and_the_cursor_to_the_first_page() {
        PageRequest page = PROJECTS.request(null, null);

        assertThat(page.limit()).isEqualTo(100);
        assertThat(page.after()).isEmpty();
        assertThat(page.fetchSize()).isEqualTo(101);
    }

    @Test
    void a_list_may_set_its_own_default_limit() {
        assertThat(new ListKind("unit-history", 1, 1000).request(null, null).limit()).isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "7", "1000"})
    void limits_from_1_to_1000_are_accepted(String limit) {
        assertThat(PROJECTS.request(null, limit).limit()).isEqualTo(Integer.parseInt(limit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-1", "+5", " 5", "5.0", "abc", "", "10000000000"})
    void limits_outside_1_to_1000_or_not_plain_digits_are_refused(String limit) {
        assertThatThrownBy(() -> PROJECTS.request(null, limit))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_limit");
                });
    }

    @Test
    void a_page_with_a_row_beyond_the_limit_points_at_the_last_row_it_keeps() {
        PageRequest request = PROJECTS.request(null, "2");

        ListResponse<String> page = Pages.of(List.of("MN001", "MN002", "MN003"), request, PROJECTS::cursor);

        assertThat(page.items()).containsExactly("MN001", "MN002");
        assertThat(Cursor.parse(page.next(), PROJECTS).text(0)).isEqualTo("MN002");
    }

    @Test
    void a_page_without_a_row_beyond_the_limit_is_the_last_one() {
        PageRequest request = PROJECTS.request(null, "2");

        ListResponse<String> page = Pages.of(List.of("MN001", "MN002"), request, PROJECTS::cursor);

        assertThat(page.items()).containsExactly("MN001", "MN002");
        assertThat(page.next()).isNull();
    }

    private static void assertInvalidCursor(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_cursor");
        });
    }
}

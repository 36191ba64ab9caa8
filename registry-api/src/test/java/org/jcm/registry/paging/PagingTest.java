package org.jcm.registry.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jcm.registry.api.ListResponse;
import org.jcm.registry.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests the paging helper that every list shares: limits, opaque cursors and the next page's cursor. */
class PagingTest {

    @Test
    void a_cursor_survives_the_round_trip_through_its_opaque_text() {
        Cursor cursor = Cursor.of("holdings", 2024, "MN001", 1001L);

        Cursor read = Cursor.parse(cursor.encode(), "holdings", 3);

        assertThat(read.number(0)).isEqualTo(2024);
        assertThat(read.text(1)).isEqualTo("MN001");
        assertThat(read.number(2)).isEqualTo(1001);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void a_cursor_of_another_list_is_refused() {
        String blocks = Cursor.of("blocks", "MNG", 2024, 1L).encode();

        assertInvalidCursor(() -> Cursor.parse(blocks, "holdings", 3));
    }

    @Test
    void a_cursor_with_another_number_of_key_fields_is_refused() {
        String cursor = Cursor.of("holdings", 2024, "MN001").encode();

        assertInvalidCursor(() -> Cursor.parse(cursor, "holdings", 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "not base64 at all", "aGVsbG8=", "%%%"})
    void text_that_no_list_returned_is_refused(String text) {
        assertInvalidCursor(() -> Cursor.parse(text, "holdings", 3));
    }

    @Test
    void a_cursor_that_is_not_utf8_is_refused() {
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, '|', '1'});

        assertInvalidCursor(() -> Cursor.parse(text, "tx-newest", 1));
    }

    @Test
    void an_overlong_cursor_is_refused_before_it_is_decoded() {
        assertInvalidCursor(() -> Cursor.parse("A".repeat(Cursor.MAX_TEXT_LENGTH + 1), "holdings", 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "-5", "+5", "1.5", "", "99999999999999999999"})
    void a_key_field_that_should_be_a_number_but_is_not_is_refused(String field) {
        String text = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("tx-newest|" + field).getBytes(StandardCharsets.UTF_8));
        Cursor cursor = Cursor.parse(text, "tx-newest", 1);

        assertInvalidCursor(() -> cursor.number(0));
    }

    @Test
    void the_limit_defaults_to_100_and_the_cursor_to_the_first_page() {
        PageRequest page = PageRequest.parse(null, null, "projects", 1);

        assertThat(page.limit()).isEqualTo(100);
        assertThat(page.after()).isEmpty();
        assertThat(page.fetchSize()).isEqualTo(101);
    }

    @Test
    void a_list_may_set_its_own_default_limit() {
        assertThat(PageRequest.parse(null, null, "unit-history", 1, 1000).limit()).isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "7", "1000"})
    void limits_from_1_to_1000_are_accepted(String limit) {
        assertThat(PageRequest.parse(null, limit, "projects", 1).limit()).isEqualTo(Integer.parseInt(limit));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-1", "+5", " 5", "5.0", "abc", "", "10000000000"})
    void limits_outside_1_to_1000_or_not_plain_digits_are_refused(String limit) {
        assertThatThrownBy(() -> PageRequest.parse(null, limit, "projects", 1))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_limit");
                });
    }

    @Test
    void a_page_with_a_row_beyond_the_limit_points_at_the_last_row_it_keeps() {
        PageRequest request = PageRequest.parse(null, "2", "projects", 1);

        ListResponse<String> page = Pages.of(List.of("MN001", "MN002", "MN003"), request, id -> Cursor.of("projects", id));

        assertThat(page.items()).containsExactly("MN001", "MN002");
        assertThat(Cursor.parse(page.next(), "projects", 1).text(0)).isEqualTo("MN002");
    }

    @Test
    void a_page_without_a_row_beyond_the_limit_is_the_last_one() {
        PageRequest request = PageRequest.parse(null, "2", "projects", 1);

        ListResponse<String> page = Pages.of(List.of("MN001", "MN002"), request, id -> Cursor.of("projects", id));

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

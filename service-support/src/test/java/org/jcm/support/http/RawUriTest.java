package org.jcm.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RawUriTest {

    @Test
    void encoded_and_plain_control_characters_are_found() {
        assertThat(RawUri.holdsControl("/api/v1/organizations/MNG01-O%00")).isTrue();
        assertThat(RawUri.holdsControl("beneficiary=a%0Ab")).isTrue();
        assertThat(RawUri.holdsControl("x=%1f")).isTrue();
        assertThat(RawUri.holdsControl("x=%7F")).isTrue();
        assertThat(RawUri.holdsControl("x=a\u0001b")).isTrue();
    }

    @Test
    void ordinary_encodings_and_no_query_are_not() {
        assertThat(RawUri.holdsControl(null)).isFalse();
        assertThat(RawUri.holdsControl("/api/v1/units/JCM-MN001-2024-1-8000")).isFalse();
        assertThat(RawUri.holdsControl("beneficiary=Sakura%20Trading&x=%2F%20%7E%C3%A9")).isFalse();
        assertThat(RawUri.holdsControl("x=%20")).isFalse();
    }
}

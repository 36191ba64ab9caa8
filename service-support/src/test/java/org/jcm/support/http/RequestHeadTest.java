package org.jcm.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadTest {

    @Test
    void a_head_within_the_limits_passes() {
        assertThat(RequestHead.refusal("GET", "/api/v1/blocks?limit=5", List.of(Map.entry("Host", "localhost")))).isZero();
        String target = "/" + "a".repeat(RequestHead.MAX_REQUEST_LINE - "GET ".length() - " HTTP/1.1".length() - 1);
        assertThat(RequestHead.refusal("GET", target, List.of())).isZero();
    }

    @Test
    void a_request_line_one_byte_too_long_is_414() {
        String target = "/" + "a".repeat(RequestHead.MAX_REQUEST_LINE - "GET ".length() - " HTTP/1.1".length());
        assertThat(RequestHead.refusal("GET", target, List.of())).isEqualTo(414);
    }

    @Test
    void a_header_section_over_the_limit_in_one_header_or_many_is_431() {
        assertThat(RequestHead.refusal("GET", "/", List.of(Map.entry("X-Big", "v".repeat(RequestHead.MAX_HEADER_SECTION)))))
                .isEqualTo(431);
        List<Map.Entry<String, String>> many = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> Map.entry("X-H" + i, "v".repeat(64))).toList();
        assertThat(RequestHead.refusal("GET", "/", many)).isEqualTo(431);
        assertThat(RequestHead.refusal("GET", "/", many.subList(0, 250))).isZero();
    }
}

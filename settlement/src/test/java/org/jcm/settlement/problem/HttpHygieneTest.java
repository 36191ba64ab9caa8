package org.jcm.settlement.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jcm.testsupport.TestTokens;
import org.jcm.support.http.RequestHead;
import org.jcm.testsupport.HostileHttp;
import org.jcm.testsupport.HostileHttp.Answer;
import org.jcm.testsupport.HostileHttp.Case;
import org.junit.jupiter.api.Test;

/**
 * Answers that come from below the resources are problems too: a request line too long (414) or
 * headers too large (431), sent over a raw socket; a trade registration without a
 * {@code Content-Type} is 415.
 */
@QuarkusTest
class HttpHygieneTest {

    @Test
    void a_request_line_over_8_KiB_is_414_problem_json() {
        Answer answer = HostileHttp.sendRaw(HostileHttp.rawGet("/api/v1/feeds/trades?instrument="
                + "A".repeat(RequestHead.MAX_REQUEST_LINE)));

        assertThat(answer.statusCode()).isEqualTo(414);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("uri_too_long");
    }

    @Test
    void headers_over_20_KiB_are_431_problem_json() {
        Answer answer = HostileHttp.sendRaw(HostileHttp.rawGet("/api/v1/instruments",
                "X-Padding: " + "p".repeat(RequestHead.MAX_HEADER_SECTION)));

        assertThat(answer.statusCode()).isEqualTo(431);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("header_fields_too_large");
        assertThat(HostileHttp.sendRaw(HostileHttp.rawGet("/api/v1/instruments", "X-Padding: " + "p".repeat(10_000)))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void a_trade_registration_without_content_type_is_415() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + TestTokens.exchange("HYGX"));
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        byte[] body = ("{\"tradeId\":\"H-1\",\"venue\":\"HYGX\",\"sellerAccountId\":\"MNG01-H00001\","
                + "\"buyerAccountId\":\"JPN01-H00001\",\"instrument\":\"JCM-MNG-2031-NONE\",\"quantity\":10,"
                + "\"pricePerTonne\":\"1500.00\",\"currency\":\"JPY\",\"deliverBy\":\"2099-12-31T00:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8);

        Answer answer = HostileHttp.send(new Case("no type", "POST", "/api/v1/trades", headers, body));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("unsupported_media_type");
    }
}

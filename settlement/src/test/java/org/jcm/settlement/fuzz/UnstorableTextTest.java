package org.jcm.settlement.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jcm.testsupport.TestTokens;
import org.jcm.testsupport.Hostile;
import org.jcm.testsupport.HostileHttp;
import org.jcm.testsupport.HostileHttp.Answer;
import org.jcm.testsupport.HostileHttp.Case;
import org.junit.jupiter.api.Test;

/**
 * Text that PostgreSQL cannot store (a lone UTF-16 surrogate, U+0000) is refused while a trade
 * registration's body is read, with 400 {@code invalid_text} naming the field; a body that starts
 * with a byte order mark is 400 {@code malformed_json}. Nothing is registered.
 */
@QuarkusTest
class UnstorableTextTest {

    private static final String EXCHANGE = TestTokens.exchange("TXTX");

    @Test
    void lone_surrogates_and_nul_in_any_trade_field_are_invalid_text_with_the_field() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("tradeId", "\"T-\\ud800\"");
        fields.put("venue", "\"TXTX\\udc00\"");
        fields.put("sellerAccountId", "\"MNG01-H\\u0000\"");
        fields.put("buyerAccountId", "\"\\uDBFF\\uDBFF\"");
        fields.put("instrument", "\"JCM-MNG-2031-NONE\\ud83d\"");
        fields.put("pricePerTonne", "\"15\\u0000\"");
        fields.put("currency", "\"JP\\udfff\"");
        fields.put("deliverBy", "\"2099-12-31T00:00:00Z\\ud800\"");
        String before = HostileRequestsTest.trades();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String body = trade().replaceFirst("\"" + field.getKey() + "\":\"[^\"]*\"",
                    java.util.regex.Matcher.quoteReplacement("\"" + field.getKey() + "\":" + field.getValue()));
            Answer answer = register(body.getBytes(StandardCharsets.UTF_8));
            assertThat(answer.statusCode()).as(body + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.code()).as(body).isEqualTo("invalid_text");
            assertThat(field(answer)).as(body).isEqualTo(field.getKey());
        }
        assertThat(HostileRequestsTest.trades()).isEqualTo(before);
    }

    @Test
    void a_field_name_and_raw_surrogate_bytes_are_refused_too() {
        Answer name = register(("{\"\\ud800\":1," + trade().substring(1)).getBytes(StandardCharsets.UTF_8));
        assertThat(name.code()).as(name.body()).isEqualTo("invalid_text");
        assertThat(field(name)).isEqualTo("(body)");

        byte[] json = trade().replace("\"T-", "\"T-\u0001").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < json.length; i++) {
            if (json[i] == 1) {
                byte[] body = new byte[json.length + 2];
                System.arraycopy(json, 0, body, 0, i);
                body[i] = (byte) 0xED;
                body[i + 1] = (byte) 0xB0;
                body[i + 2] = (byte) 0x80;
                System.arraycopy(json, i + 1, body, i + 3, json.length - i - 1);
                Answer raw = register(body);
                assertThat(raw.statusCode()).as(raw.body()).isEqualTo(400);
                assertThat(raw.code()).isEqualTo("invalid_text");
                assertThat(field(raw)).isEqualTo("tradeId");
            }
        }
    }

    @Test
    void a_body_with_a_byte_order_mark_is_malformed_json() {
        byte[] json = trade().getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[json.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(json, 0, body, 3, json.length);
        Answer answer = register(body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("malformed_json");
    }

    private static String trade() {
        return "{\"tradeId\":\"T-" + UUID.randomUUID() + "\",\"venue\":\"TXTX\",\"sellerAccountId\":\"MNG01-H00001\","
                + "\"buyerAccountId\":\"JPN01-H00001\",\"instrument\":\"JCM-MNG-2031-NONE\",\"quantity\":10,"
                + "\"pricePerTonne\":\"1500.00\",\"currency\":\"JPY\",\"deliverBy\":\"2099-12-31T00:00:00Z\"}";
    }

    private static Answer register(byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + EXCHANGE);
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        headers.put("Content-Type", "application/json");
        return HostileHttp.send(new Case("POST /api/v1/trades", "POST", "/api/v1/trades", headers, body));
    }

    private static String field(Answer answer) {
        try {
            return Hostile.JSON.readTree(answer.body()).path("errors").path(0).path("field").asText(null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package org.jcm.registry.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.jcm.registry.testing.LedgerApi.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.jcm.registry.testing.LedgerApi;
import org.jcm.support.http.RequestHead;
import org.jcm.testsupport.HostileHttp;
import org.jcm.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Problems follow the request's {@code Accept-Language}: Japanese titles and details carrying the
 * same values for {@code ja}, today's English for {@code en}, for no header and for other
 * languages, with {@code Content-Language} and {@code Vary: Accept-Language}; code, type, status
 * and field names never change.
 */
@QuarkusTest
class ProblemLanguageTest {

    private static String seller;
    private static String sellerOrg;
    private static String buyer;

    @BeforeEach
    void setUp() {
        if (seller == null) {
            LedgerApi.registry("MNG01");
            String[] s = LedgerApi.openHolder("MNG01");
            String[] b = LedgerApi.openHolder("MNG01");
            String project = LedgerApi.project("MN", List.of(s[0]));
            LedgerApi.issue("MNG01", project, 2024, List.of(s[1]), List.of(100L));
            sellerOrg = s[0];
            seller = s[1];
            buyer = b[1];
        }
    }

    private ValidatableResponse tooMany(String language) {
        var request = as(TestTokens.accountHolder(sellerOrg));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return request.body(LedgerApi.transfer(seller, buyer, 1_000_000)).post("/api/v1/transfers").then()
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("insufficient_units"))
                .body("type", equalTo("urn:jcm:problem:insufficient_units"))
                .body("status", equalTo(409))
                .header("Vary", containsString("Accept-Language"));
    }

    private String english() {
        return "account " + seller + " holds 100 available matching units (not reserved for a pending action), fewer than 1000000";
    }

    private String japanese() {
        return "口座 " + seller + " が利用できる該当ユニット（保留中の操作に予約されたものを除く）は 100 単位で、数量 1000000 に足りません。";
    }

    @Test
    void a_domain_rejection_in_japanese_carries_the_account_and_the_quantities() {
        tooMany("ja").header("Content-Language", "ja").body("title", equalTo("残高不足")).body("detail", equalTo(japanese()));
    }

    @Test
    void english_no_header_and_other_languages_give_todays_english() {
        for (String language : new String[] {"en", null, "fr", "en-US"}) {
            tooMany(language).header("Content-Language", "en").body("title", equalTo("Conflict"))
                    .body("detail", equalTo(english()));
        }
    }

    @Test
    void quality_values_decide() {
        tooMany("ja;q=0.9, en;q=0.8").header("Content-Language", "ja").body("detail", equalTo(japanese()));
        tooMany("en, ja;q=0.5").header("Content-Language", "en").body("detail", equalTo(english()));
        tooMany("fr, ja-JP;q=0.1").header("Content-Language", "ja").body("title", equalTo("残高不足"));
        tooMany("ja;q=0, en;q=0.1").header("Content-Language", "en");
    }

    @Test
    void a_replayed_rejection_is_said_in_the_language_of_the_replay() {
        String key = LedgerApi.key();
        for (String language : new String[] {"en", "ja", "en"}) {
            String expected = language.equals("ja") ? japanese() : english();
            given().auth().oauth2(TestTokens.accountHolder(sellerOrg)).contentType("application/json")
                    .header("Idempotency-Key", key).header("Accept-Language", language)
                    .body(LedgerApi.transfer(seller, buyer, 1_000_000)).post("/api/v1/transfers")
                    .then().statusCode(409).body("code", equalTo("insufficient_units")).body("detail", equalTo(expected));
        }
    }

    @Test
    void no_token_is_401_in_japanese_with_the_challenge() {
        given().header("Accept-Language", "ja").get("/api/v1/accounts/" + seller).then()
                .statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
                .header("Content-Language", "ja")
                .body("code", equalTo("unauthorized")).body("title", equalTo("認証が必要です"))
                .body("detail", equalTo("有効なベアラートークンが必要です。"));
    }

    @Test
    void a_scope_refusal_in_japanese_names_the_account() {
        String other = LedgerApi.organization("MNG01");
        given().auth().oauth2(TestTokens.accountHolder(other)).header("Accept-Language", "ja")
                .get("/api/v1/accounts/" + seller).then().statusCode(403)
                .body("code", equalTo("forbidden_scope")).body("title", equalTo("対象範囲外です"))
                .body("detail", equalTo("トークンの組織、登録簿または締約国の範囲は、口座 " + seller + " に及びません。"));
    }

    @Test
    void not_found_answers_in_japanese_for_a_path_and_for_an_account() {
        given().header("Accept-Language", "ja").get("/api/v1/no-such-thing").then().statusCode(404)
                .header("Content-Language", "ja").header("Vary", containsString("Accept-Language"))
                .body("code", equalTo("not_found")).body("title", equalTo("見つかりません"))
                .body("detail", equalTo("このパスにはリソースがありません。"));
        given().auth().oauth2(TestTokens.registryAdmin("MNG01")).header("Accept-Language", "ja")
                .get("/api/v1/accounts/MNG01-H99999").then().statusCode(404)
                .body("code", equalTo("unknown_account")).body("detail", equalTo("口座 'MNG01-H99999' はありません。"));
        given().auth().oauth2(TestTokens.registryAdmin("MNG01"))
                .get("/api/v1/accounts/MNG01-H99999").then().statusCode(404)
                .body("detail", equalTo("There is no account 'MNG01-H99999'."));
    }

    @Test
    void an_unsupported_content_type_is_415_in_japanese() {
        given().auth().oauth2(TestTokens.accountHolder(sellerOrg)).header("Idempotency-Key", LedgerApi.key())
                .header("Accept-Language", "ja").contentType("text/plain").body("hello")
                .post("/api/v1/transfers").then().statusCode(415)
                .body("code", equalTo("unsupported_media_type")).body("title", equalTo("対応していないメディアタイプ"))
                .body("detail", equalTo("このリソースはこの Content-Type を受け付けません。"));
    }

    @Test
    void a_request_line_too_long_is_answered_below_jax_rs_in_japanese() throws Exception {
        HostileHttp.Answer answer = HostileHttp.sendRaw(HostileHttp.rawGet(
                "/api/v1/blocks?projectId=" + "A".repeat(RequestHead.MAX_REQUEST_LINE), "Accept-Language: ja"));
        assertThat(answer.statusCode()).isEqualTo(414);
        JsonNode body = new ObjectMapper().readTree(answer.body());
        assertThat(body.path("code").asText()).isEqualTo("uri_too_long");
        assertThat(body.path("title").asText()).isEqualTo("リクエスト行が長すぎます");
        assertThat(body.path("detail").asText()).isEqualTo("リクエスト行が " + RequestHead.MAX_REQUEST_LINE
                + " バイトを超えています。パスまたはクエリを短くしてください。");
    }

    @Test
    void field_errors_are_translated_and_keep_their_field_names() {
        as(TestTokens.accountHolder(sellerOrg)).header("Accept-Language", "ja")
                .body(Map.of("fromAccountId", seller, "toAccountId", buyer, "quantity", "5"))
                .post("/api/v1/transfers").then().statusCode(400)
                .body("code", equalTo("invalid_field")).body("title", equalTo("項目の値が不正です"))
                .body("detail", equalTo("項目 'quantity' の値が正しくありません。"))
                .body("errors[0].field", equalTo("quantity"))
                .body("errors[0].detail", equalTo("整数を指定してください。"));
        as(TestTokens.accountHolder(sellerOrg)).header("Accept-Language", "ja")
                .body(Map.of("fromAccountId", seller, "toAccountId", buyer))
                .post("/api/v1/transfers").then().statusCode(400)
                .body("detail", equalTo("項目 'quantity' の値が正しくありません: 必須項目です。"))
                .body("errors[0].field", equalTo("quantity"))
                .body("errors[0].detail", equalTo("必須項目です。"));
        as(TestTokens.accountHolder(sellerOrg))
                .body(Map.of("fromAccountId", seller, "toAccountId", buyer))
                .post("/api/v1/transfers").then().statusCode(400)
                .body("detail", equalTo("Field 'quantity' is not valid: is required."))
                .body("errors[0].detail", equalTo("is required."));
    }
}

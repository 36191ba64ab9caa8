package org.jcm.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTranslatorTest {

    private final ProblemTranslator translator = ProblemTranslator.standard();
    private final ProblemCatalogue catalogue = ProblemCatalogue.standard();

    @Test
    void english_is_the_problem_unchanged() {
        Problem problem = Problem.of(409, "insufficient_units", "account 100000000001 holds 3 available matching units "
                + "(not reserved for a pending action), fewer than 10");
        assertThat(translator.translate(problem, ProblemLanguage.EN)).isSameAs(problem);
    }

    @Test
    void a_detail_that_fills_a_template_is_said_in_japanese_with_the_same_values() {
        Problem problem = Problem.of(409, "insufficient_units", "account 100000000001 holds 3 available matching units "
                + "(not reserved for a pending action), fewer than 10");
        Problem japanese = translator.translate(problem, ProblemLanguage.JA);
        assertThat(japanese.title()).isEqualTo("残高不足");
        assertThat(japanese.detail()).isEqualTo("口座 100000000001 が利用できる該当ユニット（保留中の操作に予約されたものを除く）は 3 単位で、数量 10 に足りません。");
        assertThat(japanese.code()).isEqualTo("insufficient_units");
        assertThat(japanese.type()).isEqualTo("urn:jcm:problem:insufficient_units");
        assertThat(japanese.status()).isEqualTo(409);
    }

    @Test
    void free_text_gets_the_codes_japanese_sentence_followed_by_its_values() {
        Problem problem = Problem.of(409, "account_closed", "allocation account 100000000042 is closed");
        assertThat(translator.translate(problem, ProblemLanguage.JA).detail())
                .isEqualTo("口座は閉鎖されています。（値: 100000000042）");
        Problem noValues = Problem.of(403, "forbidden_role", "only an operator may do this");
        assertThat(translator.translate(noValues, ProblemLanguage.JA).detail())
                .isEqualTo("このロールではこの操作を行うことができません。");
    }

    @Test
    void field_errors_are_translated_and_their_fields_kept() {
        Problem problem = Problem.of(400, "invalid_field", "Field 'purpose' is not valid.",
                List.of(new FieldError("purpose", "Must be one of NDC, OIMP, VOLUNTARY."),
                        new FieldError("items[0].quantity", "must be more than the moon")));
        Problem japanese = translator.translate(problem, ProblemLanguage.JA);
        assertThat(japanese.detail()).isEqualTo("項目 'purpose' の値が正しくありません。");
        assertThat(japanese.errors()).containsExactly(
                new FieldError("purpose", "NDC, OIMP, VOLUNTARY のいずれかを指定してください。"),
                new FieldError("items[0].quantity", "この項目の値は受け付けられません。"));
    }

    @Test
    void a_reason_inside_a_detail_is_translated_as_a_fields_sentence() {
        Problem problem = Problem.of(400, "invalid_field", "Field 'quantity' is not valid: must be a whole number from 1 to "
                + "9007199254740991 (2^53 - 1), was 0.");
        assertThat(translator.translate(problem, ProblemLanguage.JA).detail()).isEqualTo(
                "項目 'quantity' の値が正しくありません: 1 から 9007199254740991（2^53 - 1）までの整数を指定してください（指定値: 0）。");
    }

    @Test
    void the_most_specific_template_wins() {
        assertThat(catalogue.japanese("account_frozen", "account 7 is already frozen")).contains("口座 7 は既に凍結されています。");
        assertThat(catalogue.japanese("account_frozen", "account 7 is frozen")).contains("口座 7 は凍結されています。");
    }

    @Test
    void english_built_from_a_template_reads_back_to_the_same_values() {
        String english = catalogue.english("trade_already_registered.trade", Map.of("trade", "T-1", "venue", "JPX"));
        assertThat(english).isEqualTo("Trade 'T-1' of venue JPX is already registered.");
        assertThat(catalogue.japanese("trade_already_registered", english)).contains("取引所 JPX の取引 'T-1' は既に登録されています。");
    }

    @Test
    void values_are_quoted_texts_numbers_and_codes() {
        assertThat(SentenceValues.of("No unit named by 'JCM-MN001' was issued for Party MNG in 2024."))
                .containsExactly("'JCM-MN001'", "MNG", "2024");
        assertThat(SentenceValues.of("The JSON body is not valid.")).isEmpty();
    }

    @Test
    void the_vary_header_is_not_repeated() {
        assertThat(ProblemLanguageFilter.varies("Origin, accept-language")).isTrue();
        assertThat(ProblemLanguageFilter.varies("*")).isTrue();
        assertThat(ProblemLanguageFilter.varies("Origin")).isFalse();
        assertThat(ProblemLanguageFilter.varies(null)).isFalse();
    }
}

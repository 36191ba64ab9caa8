package org.jcm.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemLanguageTest {

    @Test
    void no_header_a_blank_one_or_only_other_languages_give_english() {
        assertThat(ProblemLanguage.negotiate(null)).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.negotiate("  ")).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.negotiate("fr")).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.negotiate("fr-CA, de;q=0.5")).isEqualTo(ProblemLanguage.EN);
    }

    @Test
    void japanese_is_chosen_by_its_primary_subtag_in_any_case() {
        assertThat(ProblemLanguage.negotiate("ja")).isEqualTo(ProblemLanguage.JA);
        assertThat(ProblemLanguage.negotiate("ja-JP")).isEqualTo(ProblemLanguage.JA);
        assertThat(ProblemLanguage.negotiate("JA")).isEqualTo(ProblemLanguage.JA);
    }

    @Test
    void the_highest_quality_wins_whatever_the_order() {
        assertThat(ProblemLanguage.negotiate("ja;q=0.9, en;q=0.8")).isEqualTo(ProblemLanguage.JA);
        assertThat(ProblemLanguage.negotiate("en, ja;q=0.5")).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.negotiate("en;q=0.4, ja;q=0.5")).isEqualTo(ProblemLanguage.JA);
        assertThat(ProblemLanguage.negotiate("fr, ja;q=0.1")).isEqualTo(ProblemLanguage.JA);
        assertThat(ProblemLanguage.negotiate("en-GB;q=0.3, ja-JP;q=0.2")).isEqualTo(ProblemLanguage.EN);
    }

    @Test
    void between_equal_qualities_the_language_named_first_wins() {
        assertThat(ProblemLanguage.negotiate("ja, en")).isEqualTo(ProblemLanguage.JA);
        assertThat(ProblemLanguage.negotiate("en, ja")).isEqualTo(ProblemLanguage.EN);
    }

    @Test
    void quality_zero_refuses_a_language() {
        assertThat(ProblemLanguage.negotiate("ja;q=0")).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.negotiate("ja;q=0.000, *")).isEqualTo(ProblemLanguage.EN);
    }

    @Test
    void the_wildcard_counts_for_languages_the_header_does_not_name() {
        assertThat(ProblemLanguage.negotiate("*")).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.negotiate("en;q=0.2, *;q=0.5")).isEqualTo(ProblemLanguage.JA);
        assertThat(ProblemLanguage.negotiate("ja;q=0.2, *;q=0.5")).isEqualTo(ProblemLanguage.EN);
    }

    @Test
    void a_range_whose_quality_cannot_be_read_is_skipped() {
        assertThat(ProblemLanguage.negotiate("ja;q=2")).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.negotiate("ja;q=0.12345, en;q=0.1")).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.negotiate("ja;q=abc")).isEqualTo(ProblemLanguage.EN);
        assertThat(ProblemLanguage.negotiate(",;,ja;q=0.7")).isEqualTo(ProblemLanguage.JA);
    }
}

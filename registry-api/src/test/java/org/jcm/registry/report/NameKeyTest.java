package org.jcm.registry.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Beneficiary names compare after NFKC, white-space and case normalization, and only then. */
class NameKeyTest {

    @Test
    void full_width_letters_an_ideographic_space_runs_of_spaces_and_case_do_not_tell_names_apart() {
        String key = NameKey.of("Example Steel Co.");

        assertThat(NameKey.of("\uff25\uff38\uff21\uff2d\uff30\uff2c\uff25\u3000steel  co.")).isEqualTo(key);
        assertThat(NameKey.of("  EXAMPLE\tSTEEL\u00a0CO. ")).isEqualTo(key);
    }

    @Test
    void japanese_names_match_across_half_and_full_width_katakana_and_other_letters_still_differ() {
        assertThat(NameKey.of("\uff7b\uff78\uff97\u5546\u4e8b")).isEqualTo(NameKey.of("\u30b5\u30af\u30e9\u5546\u4e8b"));
        assertThat(NameKey.of("Example Steel Co.")).isNotEqualTo(NameKey.of("Example Steelworks Co."));
        assertThat(NameKey.of("\u00c9cole")).isEqualTo(NameKey.of("\u00e9cole")).isNotEqualTo(NameKey.of("Ecole"));
    }
}

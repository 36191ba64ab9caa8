package org.jcm.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRulesTest {

    private static final long NOW = 1_800_000_000L;
    private static final TokenRules RULES = new TokenRules(Duration.ofSeconds(60), Duration.ofHours(1),
            Set.of("operator", "account-holder", "exchange"));

    @Test
    void a_token_issued_now_for_an_hour_with_one_role_passes() {
        assertThat(RULES.refusal(NOW, NOW + 3600, List.of("account-holder"), NOW)).isEmpty();
        assertThat(RULES.refusal(NOW - 3000, NOW + 600, List.of("exchange", "some-idp-group"), NOW)).isEmpty();
        assertThat(RULES.refusal(NOW, NOW + 60, null, NOW)).isEmpty();
    }

    @Test
    void issued_in_the_future_beyond_the_leeway_is_refused_and_within_it_is_not() {
        assertThat(RULES.refusal(NOW + 60, NOW + 600, List.of("operator"), NOW)).isEmpty();
        assertThat(RULES.refusal(NOW + 61, NOW + 600, List.of("operator"), NOW)).get().asString()
                .contains("61 s in the future");
    }

    @Test
    void a_lifetime_above_the_maximum_is_refused_whatever_remains_of_it() {
        assertThat(RULES.refusal(NOW - 7000, NOW + 1, List.of("operator"), NOW)).get().asString().contains("7001 s");
        assertThat(RULES.refusal(NOW, NOW + 3601, List.of("operator"), NOW)).isPresent();
    }

    @Test
    void a_token_without_iat_is_refused() {
        assertThat(RULES.refusal(null, NOW + 60, List.of("operator"), NOW)).get().asString().contains("'iat'");
    }

    @Test
    void two_roles_are_refused_naming_them() {
        assertThat(RULES.refusal(NOW, NOW + 60, List.of("operator", "exchange", "x"), NOW)).get().asString()
                .contains("exchange, operator");
    }

    @Test
    void a_zero_lifetime_or_negative_leeway_is_no_configuration() {
        assertThatThrownBy(() -> new TokenRules(Duration.ZERO, Duration.ZERO, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenRules(Duration.ofSeconds(-1), Duration.ofHours(1), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.jcm.embedded.JwtIssuer;
import org.junit.jupiter.api.Test;

class DemoTokensTest {

    @Test
    void the_demo_tokens_live_as_long_as_the_services_of_the_stack_accept() {
        assertThat(DemoTokens.VALIDITY).isEqualTo(JwtIssuer.MAX_TOKEN_LIFETIME);
    }
}

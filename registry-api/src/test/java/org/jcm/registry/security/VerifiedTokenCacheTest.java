package org.jcm.registry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jcm.testsupport.TestTokens;
import org.jcm.support.security.TokenRefusedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The memory of verified bearer tokens in front of the real smallrye-jwt parser and the test key pair. */
class VerifiedTokenCacheTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    private JWTAuthContextInfo info;

    @BeforeAll
    static void signingKey() {
        System.setProperty("smallrye.jwt.sign.key.location", "jwt/private-key.pem");
    }

    @BeforeEach
    void parser() throws Exception {
        try (InputStream pem = getClass().getResourceAsStream("/jwt/public-key.pem")) {
            info = new JWTAuthContextInfo(
                    KeyUtils.decodePublicKey(new String(pem.readAllBytes(), StandardCharsets.US_ASCII)), TestTokens.ISSUER);
        }
    }

    private VerifiedTokenCache cache(int capacity, Duration maxAge) {
        DefaultJWTParser counting = new DefaultJWTParser(info) {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                verifications.incrementAndGet();
                return super.parse(token);
            }
        };
        return new VerifiedTokenCache(counting, capacity, maxAge, now::get);
    }

    @Test
    void a_token_seen_again_is_not_verified_again_and_has_the_same_claims() throws Exception {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String token = TestTokens.accountHolder("MNG01-O00001");

        JsonWebToken first = cache.parse(token);
        JsonWebToken second = cache.parse(token);

        assertThat(verifications).hasValue(1);
        assertThat(second.getSubject()).isEqualTo("holder@MNG01-O00001");
        assertThat(second.getGroups()).containsExactly("account-holder");
        assertThat((String) second.getClaim("org")).isEqualTo("MNG01-O00001");
        assertThat(second).isSameAs(first);
    }

    @Test
    void refused_tokens_are_not_remembered_and_are_refused_every_time() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String stranger = TestTokens.signedByStranger(Set.of("account-holder"));
        String expired = TestTokens.expired(Set.of("account-holder"));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.parse(stranger)).isInstanceOf(ParseException.class);
            assertThatThrownBy(() -> cache.parse(expired)).isInstanceOf(ParseException.class);
        }

        assertThat(verifications).hasValue(4);
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_token_is_verified_again_after_its_expiry_or_the_maximum_age() throws Exception {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String token = TestTokens.operator(); // expires in an hour

        cache.parse(token);
        now.addAndGet(Duration.ofMinutes(4).toMillis());
        cache.parse(token);
        assertThat(verifications).hasValue(1);

        now.addAndGet(Duration.ofMinutes(2).toMillis()); // 6 minutes after it was verified
        cache.parse(token);
        assertThat(verifications).hasValue(2);

        VerifiedTokenCache longLived = cache(100, Duration.ofDays(1));
        verifications.set(0);
        now.set(System.currentTimeMillis());
        longLived.parse(token);
        now.addAndGet(Duration.ofMinutes(59).toMillis());
        longLived.parse(token);
        assertThat(verifications).hasValue(1);
        now.addAndGet(Duration.ofMinutes(2).toMillis()); // past its exp: no longer answered from memory
        longLived.parse(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void the_memory_is_bounded_and_capacity_zero_turns_it_off() throws Exception {
        VerifiedTokenCache small = cache(2, Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            small.parse(TestTokens.token("user" + i, Set.of("operator"), Map.of()));
        }
        assertThat(small.size()).isLessThanOrEqualTo(2);

        verifications.set(0);
        VerifiedTokenCache off = cache(0, Duration.ofMinutes(5));
        String token = TestTokens.operator();
        off.parse(token);
        off.parse(token);
        assertThat(verifications).hasValue(2);
        assertThat(off.size()).isZero();
    }

    @Test
    void a_token_the_registry_rules_refuse_is_refused_before_it_is_remembered() throws Exception {
        DefaultJWTParser counting = new DefaultJWTParser(info) {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                verifications.incrementAndGet();
                return super.parse(token);
            }
        };
        CheckedTokenParser checked = new CheckedTokenParser(counting,
                CheckedTokenParser.rules(Duration.ofSeconds(60), Duration.ofHours(1)), now::get);
        VerifiedTokenCache cache = new VerifiedTokenCache(checked, 100, Duration.ofMinutes(5), now::get);
        String several = TestTokens.token("two", Set.of("auditor", "operator"), Map.of());
        String longLived = TestTokens.living(Set.of("auditor"), Map.of(), Duration.ofHours(2));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.parse(several)).isInstanceOf(TokenRefusedException.class)
                    .hasMessageContaining("several roles");
            assertThatThrownBy(() -> cache.parse(longLived)).isInstanceOf(TokenRefusedException.class)
                    .hasMessageContaining("7200 s");
        }
        assertThat(verifications).hasValue(4);
        assertThat(cache.size()).isZero();
        cache.parse(TestTokens.auditor());
        assertThat(cache.size()).isOne();
    }
}

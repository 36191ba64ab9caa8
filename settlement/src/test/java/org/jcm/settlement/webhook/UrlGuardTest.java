package org.jcm.settlement.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The SSRF guard's rules by address, and the backoff's doubling up to its cap. */
class UrlGuardTest {

    final UrlGuard strict = new UrlGuard(false, false);

    @Test
    void loopback_needs_its_setting_and_http_is_accepted_only_to_a_loopback_host() {
        assertThat(strict.refusal("https://127.0.0.1/x")).hasValueSatisfying(r -> assertThat(r).contains("loopback"));
        assertThat(strict.refusal("http://localhost/x")).hasValueSatisfying(r -> assertThat(r).contains("https"));
        UrlGuard dev = new UrlGuard(true, false);
        assertThat(dev.refusal("http://localhost:8080/x")).isEmpty();
        assertThat(dev.refusal("https://[::1]/x")).isEmpty();
        assertThat(dev.refusal("http://10.0.0.1/x")).isPresent();
    }

    @Test
    void private_addresses_need_their_setting_and_link_local_ones_are_never_accepted() {
        assertThat(strict.refusal("https://10.2.3.4/x")).hasValueSatisfying(r -> assertThat(r).contains("private"));
        assertThat(strict.refusal("https://100.64.0.1/x")).isPresent();
        UrlGuard internal = new UrlGuard(false, true);
        assertThat(internal.refusal("https://10.2.3.4/x")).isEmpty();
        assertThat(internal.refusal("https://169.254.169.254/x")).hasValueSatisfying(r ->
                assertThat(r).contains("link-local"));
        assertThat(internal.refusal("https://224.0.0.1/x")).isPresent();
        assertThat(strict.refusal("https://8.8.8.8/hook")).isEmpty();
    }

    @Test
    void the_wait_doubles_from_the_base_and_stops_at_the_cap() {
        Duration base = Duration.ofSeconds(1);
        Duration cap = Duration.ofSeconds(10);
        assertThat(Backoff.after(1, base, cap)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.after(2, base, cap)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.after(4, base, cap)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Backoff.after(5, base, cap)).isEqualTo(cap);
        assertThat(Backoff.after(1000, base, cap)).isEqualTo(cap);
    }
}

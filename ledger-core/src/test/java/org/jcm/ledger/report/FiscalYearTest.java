package org.jcm.ledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Japanese fiscal years run from April to March by the date in Japan. */
class FiscalYearTest {

    @Test
    void april_starts_the_fiscal_year_and_march_ends_it() {
        assertThat(FiscalYear.of(LocalDate.of(2025, 4, 1))).isEqualTo(new FiscalYear(2025));
        assertThat(FiscalYear.of(LocalDate.of(2026, 3, 31))).isEqualTo(new FiscalYear(2025));
        assertThat(FiscalYear.of(LocalDate.of(2025, 3, 31))).isEqualTo(new FiscalYear(2024));
        assertThat(FiscalYear.of(LocalDate.of(2025, 12, 31))).isEqualTo(new FiscalYear(2025));
    }

    @Test
    void the_date_in_japan_decides_not_the_date_in_utc() {
        // 2026-03-31T15:00Z is 1 April 00:00 in Japan: fiscal 2026; one millisecond earlier is fiscal 2025.
        assertThat(FiscalYear.of(Instant.parse("2026-03-31T15:00:00Z"))).isEqualTo(new FiscalYear(2026));
        assertThat(FiscalYear.of(Instant.parse("2026-03-31T14:59:59.999Z"))).isEqualTo(new FiscalYear(2025));
        assertThat(new FiscalYear(2025).start()).isEqualTo(Instant.parse("2025-03-31T15:00:00Z"));
        assertThat(new FiscalYear(2025).end()).isEqualTo(Instant.parse("2026-03-31T15:00:00Z"));
    }
}

package org.jcm.ledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as RFC 4180 writes it, with formula-looking text defused. */
class CsvTest {

    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted_and_quotes_doubled() {
        String csv = Csv.write(List.of("Name", "Quantity"), List.of(
                List.of("plain", 5L),
                List.of("a, b", 6L),
                List.of("say \"hi\"", 7L),
                List.of("two\nlines", 8L)));

        assertThat(csv).isEqualTo("Name,Quantity\r\nplain,5\r\n\"a, b\",6\r\n\"say \"\"hi\"\"\",7\r\n\"two\nlines\",8\r\n");
    }

    @Test
    void null_is_an_empty_field_and_text_that_looks_like_a_formula_gets_an_apostrophe() {
        String csv = Csv.write(List.of("A", "B", "C"), List.of(Arrays.asList(null, "=SUM(A1)", "-1 tonne"),
                Arrays.asList("@x", -3L, "")));

        assertThat(csv).isEqualTo("A,B,C\r\n,'=SUM(A1),'-1 tonne\r\n'@x,-3,\r\n");
    }
}

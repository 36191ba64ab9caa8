package org.jcm.ledger.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/ledger-model.md lists every rejection code with its HTTP status, in the enum's precedence order. */
class ReferenceDocTest {

    static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| `([a-z_0-9]+)` \\| (\\d{3}) \\| (.+) \\|$");

    @Test
    void the_reference_page_lists_the_rejection_codes_in_precedence_order_with_their_status() throws IOException {
        Path doc = Path.of("..", "docs", "ledger-model.md");
        List<String> listed = new ArrayList<>();
        for (String line : Files.readAllLines(doc)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                Rejection r = Rejection.ofCode(m.group(2));
                assertThat(Integer.parseInt(m.group(3))).as(r.code()).isEqualTo(r.httpStatus());
                assertThat(Integer.parseInt(m.group(1))).as(r.code()).isEqualTo(r.ordinal() + 1);
                assertThat(m.group(4)).as(r.code()).endsWith(".");
                listed.add(r.code());
            }
        }
        List<String> expected = new ArrayList<>();
        for (Rejection r : Rejection.values()) {
            expected.add(r.code());
        }
        assertThat(listed).containsExactlyElementsOf(expected);
    }
}

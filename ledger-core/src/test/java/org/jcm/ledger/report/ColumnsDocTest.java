package org.jcm.ledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/article6.md lists the columns of each AEF table, with their JSON keys, exactly as the code writes them. */
class ColumnsDocTest {

    static final Pattern HEADING = Pattern.compile("^### Table (\\d): .*$");
    static final Pattern ROW = Pattern.compile("^\\| ([^|`]+) \\| `([a-zA-Z]+)` \\| .*\\|$");

    @Test
    void the_article_6_page_lists_every_aef_column_in_order() throws IOException {
        List<List<String>> documented = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        int table = -1;
        for (String line : Files.readAllLines(Path.of("..", "docs", "article6.md"))) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                table = Integer.parseInt(heading.group(1)) - 2;
            } else if (line.startsWith("## ")) {
                table = -1;
            }
            Matcher row = ROW.matcher(line);
            if (table >= 0 && row.matches()) {
                documented.get(table).add(row.group(1).trim() + " / " + row.group(2));
            }
        }
        for (AefTable t : AefTable.values()) {
            List<String> columns = new ArrayList<>();
            for (AefColumns.Column<?> c : AefColumns.columns(t)) {
                columns.add(c.name() + " / " + c.key());
            }
            assertThat(documented.get(t.ordinal())).as("columns of %s", t).containsExactlyElementsOf(columns);
        }
    }
}

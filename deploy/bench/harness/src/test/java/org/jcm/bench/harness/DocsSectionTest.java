package org.jcm.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsSectionTest {

    private static final String PAGE = """
            # Performance

            ## REST benchmark (deploy/bench)

            How to run it.

            <!-- bench:begin -->
            old table
            <!-- bench:end -->

            ## Later section
            kept
            """;

    @Test
    void only_the_text_between_the_markers_is_replaced() {
        String updated = DocsSection.replace(PAGE, "| new | table |\n");

        assertThat(updated).isEqualTo("""
                # Performance

                ## REST benchmark (deploy/bench)

                How to run it.

                <!-- bench:begin -->
                | new | table |
                <!-- bench:end -->

                ## Later section
                kept
                """);
    }

    @Test
    void replacing_twice_gives_the_same_page_as_replacing_once() {
        String once = DocsSection.replace(PAGE, "result");
        assertThat(DocsSection.replace(once, "result")).isEqualTo(once);
    }

    @Test
    void a_page_without_markers_gets_the_heading_and_the_section_appended() {
        String updated = DocsSection.replace("# Performance\n\nIntro.\n", "table");

        assertThat(updated).isEqualTo("# Performance\n\nIntro.\n\n## REST benchmark (deploy/bench)\n\n"
                + "<!-- bench:begin -->\ntable\n<!-- bench:end -->\n");
    }

    @Test
    void markers_out_of_order_or_repeated_are_refused_rather_than_guessed() {
        assertThatThrownBy(() -> DocsSection.replace("<!-- bench:end -->\n<!-- bench:begin -->\n", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocsSection.replace("<!-- bench:begin -->\n", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocsSection.replace(PAGE + "<!-- bench:begin -->\n<!-- bench:end -->\n", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_file_is_rewritten_in_place(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("performance.md");
        Files.writeString(file, PAGE, StandardCharsets.UTF_8);

        DocsSection.write(file, "written");

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("<!-- bench:begin -->\nwritten\n<!-- bench:end -->")
                .doesNotContain("old table").endsWith("## Later section\nkept\n");
        assertThat(directory.resolve("performance.md.tmp")).doesNotExist();
    }
}

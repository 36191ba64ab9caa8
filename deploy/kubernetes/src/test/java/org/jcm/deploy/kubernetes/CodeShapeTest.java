package org.jcm.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The size limits of docs/architecture.md ("Size limits"): no class under a module's
 * {@code src/main/java} is over 400 lines, and no method or constructor over 80, so that each
 * fits on a screen or two. Checked over the whole repository, since this module's tests already
 * read it (manifests, configuration tables).
 */
class CodeShapeTest {

    static final int MAX_FILE_LINES = 400;
    static final int MAX_METHOD_LINES = 80;
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().resolve("../..").normalize();

    @Test
    void no_main_class_is_over_400_lines_and_no_method_over_80() throws IOException {
        List<Path> sources = mainSources();
        List<String> over = new ArrayList<>();
        for (Path file : sources) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            long lines = text.lines().count();
            String name = REPOSITORY.relativize(file).toString();
            if (lines > MAX_FILE_LINES) {
                over.add(name + ": " + lines + " lines");
            }
            for (SourceShape.Method m : SourceShape.methods(text)) {
                if (m.lines() > MAX_METHOD_LINES) {
                    over.add(name + ":" + m.firstLine() + " " + m.name() + ": " + m.lines() + " lines");
                }
            }
        }
        assertThat(sources).as("the main sources of ledger-core, both services and the support modules")
                .hasSizeGreaterThan(300);
        assertThat(over).as("classes over %d lines and methods over %d lines (docs/architecture.md, \"Size limits\")",
                MAX_FILE_LINES, MAX_METHOD_LINES).isEmpty();
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .sorted().toList();
        }
    }
}

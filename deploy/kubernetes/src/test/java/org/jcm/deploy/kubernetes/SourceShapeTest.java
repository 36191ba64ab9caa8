package org.jcm.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SourceShape} finds methods and constructors and their lines, and nothing else. */
class SourceShapeTest {

    private static final String SOURCE = """
            package x;

            /** A { brace in a comment. */
            @Deprecated(since = "1")
            public final class Sample {
                private static final String TEXT = "a { b } c";
                private final Runnable r = () -> {
                    System.out.println('{');
                };

                Sample(@Named(value = "v") String v) {
                    if (v.isEmpty()) {
                        throw new IllegalStateException("}");
                    }
                }

                public <T> T parse(String text) throws java.io.IOException,
                        IllegalStateException {
                    Object o = new Object() {
                        @Override
                        public String toString() {
                            return "}";
                        }
                    };
                    for (int i = 0; i < 3; i++) {
                        synchronized (this) {
                        }
                    }
                    return null;
                }

                record Pair(int a, int b) {
                    Pair {
                    }
                }

                interface Shape {
                    int sides();
                }
            }
            """;

    @Test
    void finds_constructors_methods_and_anonymous_classes_methods_with_their_lines() {
        List<SourceShape.Method> methods = SourceShape.methods(SOURCE);

        assertThat(methods).containsExactly(
                new SourceShape.Method("Sample", 11, 15),
                new SourceShape.Method("parse", 17, 30),
                new SourceShape.Method("toString", 20, 23));
        assertThat(methods.get(1).lines()).isEqualTo(14);
    }

    @Test
    void comments_strings_and_characters_are_blanked_but_lines_are_kept() {
        String blanked = SourceShape.blank("a // {\nb \"}\" '{' /* x\n */ c");

        assertThat(blanked).doesNotContain("{", "}").contains("a", "b", "c");
        assertThat(blanked.lines().count()).isEqualTo(3);
    }
}
